package main

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
	"raftplay/raftsim/storyedit"
	"raftplay/render/scene"
)

// storyEditor is the story editor's state: the draft, the recording under
// way, and what the last play of the draft found. The page's side (the
// panel, the browser's storage, downloads) is editor_js.go.
type storyEditor struct {
	open   bool
	draft  *storyedit.Draft
	rec    *storyedit.Recording
	checks []storyedit.StepCheck
	// problem is why the draft could not be played, "" when it was.
	problem string
	// note is the last thing the editor said: a refusal, a link made.
	note string
	link string
	// asking is the step whose question form is open, from 1; 0 for none.
	asking int
}

// editorCommand is one request to the editor, from its panel or from
// raftplay.editor(cmd): {"cmd":"caption","step":2,"text":"…"}. Steps count
// from 1, as the panel shows them.
type editorCommand struct {
	Cmd  string
	Step int
	Text string
}

func parseEditorCommand(js string) (editorCommand, error) {
	v := gjson.Parse(js)
	if !gjson.Valid(js) || !v.IsObject() || v.Get("cmd").Type != gjson.String {
		return editorCommand{}, fmt.Errorf(`an editor command is a JSON object with "cmd", e.g. {"cmd":"record"}`)
	}
	return editorCommand{Cmd: v.Get("cmd").String(), Step: int(v.Get("step").Int()), Text: v.Get("text").String()}, nil
}

// edit carries out the commands that change the draft alone, and reports
// whether c was one of them. A structural change plays the draft again.
func (e *storyEditor) edit(c editorCommand) (bool, error) {
	if e.draft == nil {
		switch c.Cmd {
		case "title", "caption", "up", "down", "delete", "join", "longer", "shorter", "expect", "ask", "question", "unquestion", "discard":
			return true, fmt.Errorf("there is no story yet: Record, take some actions, then Stop")
		}
		return false, nil
	}
	d, i := e.draft, c.Step-1
	var err error
	switch c.Cmd {
	case "title":
		d.Title = c.Text
		return true, nil
	case "caption":
		return true, d.SetCaption(i, c.Text)
	case "ask":
		if _, err = d.Step(i); err == nil {
			e.asking = c.Step
		}
		return true, err
	case "cancel":
		e.asking = 0
		return true, nil
	case "discard":
		*e = storyEditor{open: e.open, note: "the story was discarded"}
		return true, nil
	case "up":
		err = d.Move(i, i-1)
	case "down":
		err = d.Move(i, i+1)
	case "delete":
		err = d.Delete(i)
	case "join":
		err = d.Join(i)
	case "longer", "shorter":
		err = e.stretch(i, c.Cmd == "longer")
	case "expect":
		err = d.ToggleExpect(i, c.Text)
	case "question":
		f := gjson.Parse(c.Text)
		form := storyedit.QuestionForm{Ask: f.Get("ask").String(), Kind: f.Get("kind").String(),
			Choices: f.Get("choices").String(), Right: f.Get("right").String(), Explain: f.Get("explain").String()}
		var q string
		if q, err = form.JSON(); err == nil {
			err = d.SetQuestion(i, q)
		}
		if err == nil {
			e.asking = 0
		}
	case "unquestion":
		err = d.SetQuestion(i, "")
	default:
		return false, nil
	}
	if err == nil {
		e.check()
	}
	return true, err
}

// stretchMs is how much longer or shorter a step's run gets at a press.
const stretchMs = 500

func (e *storyEditor) stretch(i int, longer bool) error {
	s, err := e.draft.Step(i)
	if err != nil {
		return err
	}
	ms := s.RunMs + stretchMs
	if !longer {
		ms = max(s.RunMs-stretchMs, 0)
	}
	return e.draft.SetRunMs(i, ms)
}

// check plays the draft from its start, as cmd/sim -scenario would, for
// each step's result and offers.
func (e *storyEditor) check() {
	e.checks, e.problem = nil, ""
	if e.draft == nil {
		return
	}
	checks, err := storyedit.Check(e.draft)
	if err != nil {
		e.problem = err.Error()
	}
	e.checks = checks
}

// stopped takes the draft a recording made, and plays it.
func (e *storyEditor) stopped(d *storyedit.Draft) {
	e.draft, e.rec, e.asking, e.link = d, nil, 0, ""
	e.check()
}

// editorView is what the panel shows, and raftplay.editor() returns.
type editorView struct {
	Open      bool       `json:"open"`
	Recording bool       `json:"recording"`
	Recorded  int        `json:"recorded"`
	Title     string     `json:"title,omitempty"`
	Steps     []stepView `json:"steps"`
	Problem   string     `json:"problem,omitempty"`
	Note      string     `json:"note,omitempty"`
	Link      string     `json:"link,omitempty"`
	Asking    int        `json:"asking,omitempty"`
}

// stepView is one step in the panel.
type stepView struct {
	Caption string       `json:"caption"`
	RunMs   int64        `json:"run_ms"`
	Actions []string     `json:"actions"`
	Expect  []expectView `json:"expect"`
	// Failures are the expectations (or actions) that did not hold when the
	// draft was last played.
	Failures []string                `json:"failures,omitempty"`
	Question *storyedit.QuestionForm `json:"question,omitempty"`
}

// expectView is a condition the step may expect: offered because it held
// at the step's end, or picked earlier and no longer holding.
type expectView struct {
	JSON  string `json:"json"`
	Words string `json:"words"`
	On    bool   `json:"on"`
}

// view is the editor as the panel shows it; recorded counts the actions a
// recording under way holds.
func (e *storyEditor) view(recorded int) editorView {
	v := editorView{Open: e.open, Recording: e.rec != nil, Recorded: recorded, Problem: e.problem, Note: e.note, Link: e.link, Asking: e.asking, Steps: []stepView{}}
	if e.draft == nil {
		return v
	}
	v.Title = e.draft.Title
	for i, s := range e.draft.Steps {
		sv := stepView{Caption: s.Caption, RunMs: s.RunMs, Actions: []string{}, Expect: []expectView{}}
		for _, a := range s.Actions {
			sv.Actions = append(sv.Actions, scene.ActionWords(a.Action, e.draft.Config))
		}
		if s.Question != "" {
			f := storyedit.FormOf(s.Question)
			sv.Question = &f
		}
		if i < len(e.checks) {
			sv.Failures = e.checks[i].Result.Failures
			for _, o := range e.checks[i].Offers {
				sv.Expect = append(sv.Expect, expectView{JSON: o.JSON, Words: o.Words, On: slices.Contains(s.Expect, o.JSON)})
			}
		}
		for _, x := range s.Expect {
			if !slices.ContainsFunc(sv.Expect, func(o expectView) bool { return o.JSON == x }) {
				sv.Expect = append(sv.Expect, expectView{JSON: x, Words: x + " (no longer holds)", On: true})
			}
		}
		v.Steps = append(v.Steps, sv)
	}
	return v
}

func (v editorView) json() string {
	b, _ := json.Marshal(v) // plain values: cannot fail
	return string(b)
}

// say is how a recorded step is captioned until its writer captions it.
func say(cfg raftsim.Config) func(raftsim.Action) string {
	return func(a raftsim.Action) string { return scene.ActionWords(a, cfg) }
}
