package control

import (
	"bytes"
	"strings"
	"testing"

	"raftplay/raftsim/judged"
	"raftplay/raftsim/scenario"
)

// newStories returns the story player over a fresh judged simulation.
func newStories(t *testing.T) *Stories {
	t.Helper()
	sc, err := scenario.Builtin("election")
	if err != nil {
		t.Fatal(err)
	}
	sim, err := judged.New(sc.Config)
	if err != nil {
		t.Fatal(err)
	}
	return NewStories(sim)
}

func TestBackLandsOnThePreviousStepsState(t *testing.T) {
	fresh := newStories(t)
	if err := fresh.Start("election", 1); err != nil {
		t.Fatal(err)
	}
	want := fresh.sim.SnapshotJSON()

	st := newStories(t)
	if err := st.Start("election", 0); err != nil {
		t.Fatal(err)
	}
	for step := 0; step < 2; step++ {
		if err := st.Answer(0); err != nil && st.Asking() {
			t.Fatal(err)
		}
		if err := st.Finish(); err != nil {
			t.Fatal(err)
		}
		if err := st.Next(); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Back(); err != nil {
		t.Fatal(err)
	}
	if v := st.View(); v.Step != 1 || v.Done {
		t.Fatalf("after Back from step 3 the panel shows step %d (done %v); want the start of step 2", v.Step+1, v.Done)
	}
	if got := st.sim.SnapshotJSON(); !bytes.Equal(got, want) {
		t.Fatalf("after Back the run is not what starting at step 2 shows:\n got %.300s\nwant %.300s", got, want)
	}
}

func TestBackOnTheFirstStepIsRefused(t *testing.T) {
	st := newStories(t)
	if err := st.Start("election", 0); err != nil {
		t.Fatal(err)
	}
	before := st.sim.SnapshotJSON()
	err := st.Back()
	if err == nil || !strings.Contains(err.Error(), "first step") {
		t.Fatalf("Back on step 1: %v; want a refusal that says it is the first step", err)
	}
	if !bytes.Equal(before, st.sim.SnapshotJSON()) {
		t.Fatal("a refused Back changed the run")
	}
}

func TestAQuestionHoldsTheStepUntilAnswered(t *testing.T) {
	st := newStories(t)
	if err := st.Start("election", 0); err != nil {
		t.Fatal(err)
	}
	step := -1
	for i := range st.player.Scenario().Steps {
		if st.player.Scenario().Steps[i].Question != nil {
			step = i
			break
		}
	}
	if step < 0 {
		t.Fatal("the election story asks no question; this test needs one")
	}
	if err := st.Goto(step); err != nil {
		t.Fatal(err)
	}
	now := st.sim.Now()
	st.Advance(5000)
	if !st.Asking() || st.sim.Now() != now {
		t.Fatalf("unanswered, the step ran from %d to %d ms (asking %v); want it to wait", now, st.sim.Now(), st.Asking())
	}
	if err := st.Answer(len(st.View().Question.Choices)); err == nil {
		t.Fatal("an answer past the last choice was taken")
	}
	if err := st.Answer(0); err != nil {
		t.Fatal(err)
	}
	if v := st.View(); v.Question.Answer != 0 {
		t.Fatalf("the panel shows answer %d; want the one picked, 0", v.Question.Answer)
	}
	st.Advance(5000)
	if st.sim.Now() == now {
		t.Fatal("answered, the step still does not run")
	}
	if err := st.Answer(1); err == nil {
		t.Fatal("a second answer to the same question was taken")
	}
}

func TestNextAfterTheLastStepStartsTheFollowingStory(t *testing.T) {
	st := newStories(t)
	sc, err := scenario.Builtin(scenario.Builtins[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Start(sc.Name, len(sc.Steps)-1); err != nil {
		t.Fatal(err)
	}
	if err := st.Answer(0); err != nil && st.Asking() {
		t.Fatal(err)
	}
	if err := st.Finish(); err != nil {
		t.Fatal(err)
	}
	if v := st.View(); v.NextTitle != st.Entries()[1].Title {
		t.Fatalf("the last step offers %q next; want %q", v.NextTitle, st.Entries()[1].Title)
	}
	if err := st.Next(); err != nil {
		t.Fatal(err)
	}
	if st.Name() != scenario.Builtins[1] || st.View().Step != 0 {
		t.Fatalf("after the last step Next plays %q step %d; want %q from step 1", st.Name(), st.View().Step+1, scenario.Builtins[1])
	}
}

func TestTakeOverHandsTheRunToFreePlay(t *testing.T) {
	st := newStories(t)
	if err := st.Start("election", 0); err != nil {
		t.Fatal(err)
	}
	st.TakeOver()
	if st.Active() || st.View() != nil {
		t.Fatal("after TakeOver a story still plays")
	}
	if err := st.Next(); err == nil || !strings.Contains(err.Error(), "no story is playing") {
		t.Fatalf("Next in free play: %v; want a refusal that says no story plays", err)
	}
}

func TestAScriptPlaysInPlaceOfTheStory(t *testing.T) {
	st := newStories(t)
	if err := st.Start("election", 0); err != nil {
		t.Fatal(err)
	}
	if err := st.PlayScript("", "not a raft script", 0); err == nil {
		t.Fatal("a text that is no script was taken")
	}
	if st.Name() != "election" {
		t.Fatalf("after a refused script %q plays; want the story that was", st.Name())
	}
	name := st.Scripts()[0]
	if err := st.StartScript(name, 0); err != nil {
		t.Fatal(err)
	}
	v := st.View()
	if v == nil || v.Script == nil || !strings.HasSuffix(v.Title, name) {
		t.Fatalf("after StartScript the panel shows %+v; want script %s", v, name)
	}
	if got, _, pasted, ok := st.ScriptAt(); !ok || got != name || pasted {
		t.Fatalf("ScriptAt = %q, pasted %v, ok %v; want %q, bundled", got, pasted, ok, name)
	}
}
