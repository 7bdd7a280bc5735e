package main

import (
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/storyedit"
)

// recordedEditor is an editor holding a recording of a write and a crash.
func recordedEditor(t *testing.T) *storyEditor {
	t.Helper()
	sim, _ := judged.New(raftsim.DefaultConfig())
	sim.Advance(1000)
	rec := storyedit.StartRecording(sim.Run())
	for _, a := range []raftsim.Action{{Op: raftsim.ActPut, Key: "k", Value: "much"}, {Op: raftsim.ActCrash, Node: sim.Leader()}} {
		sim.Advance(1000)
		if err := sim.Do(a); err != nil {
			t.Fatal(err)
		}
	}
	sim.Advance(1000)
	d, err := rec.Stop(sim.Run(), say(sim.Config()))
	if err != nil {
		t.Fatal(err)
	}
	e := &storyEditor{open: true}
	e.stopped(d)
	return e
}

// The panel's commands edit the draft and the view shows it: steps in
// words, the offers of each step, a picked one on, and a question.
func TestEditorCommandsAndView(t *testing.T) {
	var empty storyEditor
	if _, err := empty.edit(editorCommand{Cmd: "caption", Step: 1, Text: "x"}); err == nil || !strings.Contains(err.Error(), "Record") {
		t.Errorf("a caption with no story: %v", err)
	}
	e := recordedEditor(t)
	v := e.view(0)
	if len(v.Steps) != 3 || !strings.HasPrefix(v.Steps[1].Actions[0], "client write k = much") || !strings.HasPrefix(v.Steps[2].Caption, "Crash n") {
		t.Fatalf("view after Stop: %+v", v.Steps)
	}
	down := ""
	for _, x := range v.Steps[2].Expect {
		if strings.Contains(x.JSON, `"down"`) {
			down = x.JSON
		}
	}
	for _, c := range []editorCommand{
		{Cmd: "caption", Step: 3, Text: "The leader <crashes>."},
		{Cmd: "expect", Step: 3, Text: down},
		{Cmd: "ask", Step: 2},
		{Cmd: "question", Step: 2, Text: `{"ask":"Does it commit?","kind":"yes_no","right":"yes","explain":"A majority is up."}`},
	} {
		if _, err := e.edit(c); err != nil {
			t.Fatalf("%+v: %v", c, err)
		}
	}
	v = e.view(0)
	if q := v.Steps[1].Question; q == nil || q.Right != "yes" || v.Asking != 0 {
		t.Errorf("question after Save: %+v, asking %d", q, v.Asking)
	}
	on := 0
	for _, x := range v.Steps[2].Expect {
		if x.On {
			on++
		}
	}
	if on != 1 || len(v.Steps[2].Failures) > 0 {
		t.Errorf("step 3 picks %d expectations, failures %q", on, v.Steps[2].Failures)
	}
	html := v.html()
	if strings.Contains(html, "<crashes>") || !strings.Contains(html, "The leader &lt;crashes&gt;.") {
		t.Error("a caption is not escaped in the panel")
	}
	if _, err := e.edit(editorCommand{Cmd: "question", Step: 3, Text: `{"ask":"Who?","kind":"node","right":"F","explain":"."}`}); err == nil || !strings.Contains(err.Error(), `"F" is not a node`) {
		t.Errorf("a question naming no node: %v", err)
	}
	if _, err := e.edit(editorCommand{Cmd: "delete", Step: 2}); err != nil || len(e.view(0).Steps) != 2 {
		t.Errorf("delete: %v", err)
	}
	if _, err := e.edit(editorCommand{Cmd: "up", Step: 1}); err == nil {
		t.Error("moved step 1 up")
	}
}

// Every control the panel draws sends a command the editor or the page
// knows.
func TestEditorPanelCommandsAreKnown(t *testing.T) {
	e := recordedEditor(t)
	e.asking = 2
	page := map[string]bool{"close": true, "record": true, "stop": true, "play": true, "try": true, "export": true, "share": true}
	html := e.view(0).html()
	for _, part := range strings.Split(html, `data-cmd="`)[1:] {
		cmd, _, _ := strings.Cut(part, `"`)
		if page[cmd] {
			continue
		}
		probe := *e
		if known, _ := probe.edit(editorCommand{Cmd: cmd, Step: 2}); !known {
			t.Errorf("the panel sends %q, which nothing carries out", cmd)
		}
	}
}
