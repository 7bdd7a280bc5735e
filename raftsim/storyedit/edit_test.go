package storyedit

import (
	"bytes"
	"strings"
	"testing"

	"raftplay/raftsim/judged"
	"raftplay/raftsim/scenario"
)

// A story reordered and cut in the page replays byte for byte: played twice
// from the start, and tried at each step (replayed up to it, as the page's
// Try does), it ends every step in the same bytes.
func TestEditedStoryReplaysByteForByte(t *testing.T) {
	d, _ := recorded(t)
	if err := d.Move(4, 1); err != nil { // the partition before the first write
		t.Fatal(err)
	}
	if err := d.Delete(3); err != nil { // the crash goes
		t.Fatal(err)
	}
	if got := ops(d); got != " partition put put restart" {
		t.Fatalf("steps after the edits: %q", got)
	}
	first, second := check(t, d), check(t, d)
	sc, _ := d.Scenario()
	for k := range first {
		if !bytes.Equal(first[k].Final, second[k].Final) {
			t.Errorf("step %d: two plays of the edited story differ", k+1)
		}
		sim, _ := judged.New(sc.Config)
		p, err := scenario.NewPlayer(sim, sc)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Goto(k); err != nil {
			t.Fatal(err)
		}
		p.Finish()
		if !bytes.Equal(sim.SnapshotJSON(), first[k].Final) {
			t.Errorf("step %d tried alone ends elsewhere than played from the start", k+1)
		}
	}
	// The edit changed the run: with the partition first, the write through
	// the minority's side may no longer commit everywhere; whatever it does,
	// the bytes are the story's own, not the recording's.
	orig := check(t, mustRecord(t))
	if bytes.Equal(orig[1].Final, first[1].Final) {
		t.Error("moving the partition first did not change what step 2 shows")
	}
}

// Joining a step into the one before keeps the run as it was; a step's
// expectation that no longer holds after an edit is reported.
func TestJoinKeepsTheRun(t *testing.T) {
	d := mustRecord(t)
	before := check(t, d)
	if err := d.Join(2); err != nil {
		t.Fatal(err)
	}
	if len(d.Steps[1].Actions) != 2 || d.Steps[1].Actions[1].AtMs != 1500 || d.Steps[1].RunMs != 3500 {
		t.Fatalf("joined step: %+v", d.Steps[1])
	}
	after := check(t, d)
	if !bytes.Equal(before[2].Final, after[1].Final) || !bytes.Equal(before[5].Final, after[4].Final) {
		t.Error("joining two steps changed the run")
	}
	if err := d.Join(0); err == nil {
		t.Error("joined step 1 into nothing")
	}

	// Step 3 (the second write) ends with a node down; expecting that,
	// then moving the restart before it, breaks the claim, and the check
	// says so.
	down := ""
	for _, o := range after[2].Offers {
		if strings.Contains(o.JSON, `"down"`) {
			down = o.JSON
		}
	}
	if down == "" {
		t.Fatalf("no node down offered at the end of step 3: %v", after[2].Offers)
	}
	if err := d.ToggleExpect(2, down); err != nil {
		t.Fatal(err)
	}
	if r := check(t, d)[2].Result; !r.OK() {
		t.Fatalf("an offered expectation failed: %v", r.Failures)
	}
	if err := d.Move(4, 2); err != nil {
		t.Fatal(err)
	}
	if r := check(t, d)[3].Result; r.OK() || !strings.Contains(r.Failures[0], "is down") {
		t.Errorf("a restart moved before the claim: %v", r.Failures)
	}
}

// A question is written through the story format's checks: one with no
// right answer, or naming a node the story does not have, is refused with
// the format's message and leaves the step as it was.
func TestQuestionThroughTheFormat(t *testing.T) {
	d := mustRecord(t)
	good := QuestionForm{Ask: "Which node will the write go through?", Kind: "node", Right: "n1", Explain: "The leader takes every write."}
	js, err := good.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SetQuestion(1, js); err != nil {
		t.Fatal(err)
	}
	sc, _ := d.Scenario()
	if q := sc.Steps[1].Question; q == nil || len(q.Choices) != 5 || !q.IsRight(0) {
		t.Fatalf("question as played: %+v", q)
	}
	for _, c := range []struct {
		form QuestionForm
		want string
	}{
		{QuestionForm{Ask: "?", Kind: "node", Explain: "."}, "needs a right answer"},
		{QuestionForm{Ask: "?", Kind: "node", Right: "F", Explain: "."}, `"F" is not a node of this story`},
		{QuestionForm{Ask: "?", Kind: "number", Choices: "1, 2", Right: "3", Explain: "."}, "is not one of the choices"},
		{QuestionForm{Ask: "?", Kind: "number", Choices: "1, two", Right: "1", Explain: "."}, "whole number"},
		{QuestionForm{Ask: "?", Kind: "colour", Right: "red", Explain: "."}, "unknown kind"},
	} {
		js, err := c.form.JSON()
		if err == nil {
			err = d.SetQuestion(2, js)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want %q", c.form, err, c.want)
		}
		if d.Steps[2].Question != "" {
			t.Errorf("%+v: a refused question was kept", c.form)
		}
	}
}

func mustRecord(t *testing.T) *Draft {
	d, _ := recorded(t)
	return d
}

// ops lists each step's first action's op.
func ops(d *Draft) string {
	var out []string
	for _, s := range d.Steps {
		op := ""
		if len(s.Actions) > 0 {
			op = string(s.Actions[0].Op)
		}
		out = append(out, op)
	}
	return strings.Join(out, " ")
}
