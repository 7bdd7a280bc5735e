package control

import (
	"testing"

	"raftplay/raftsim"
)

func TestFreePlayRunsOnByTheFramesTime(t *testing.T) {
	sim := newRun(t)
	PlayOn(sim, nil, NewTimeTravel(sim, nil), 700)
	if sim.Now() != 700 {
		t.Fatalf("a frame of 700 ms took the run to %d ms", sim.Now())
	}
}

func TestTheLiveRunWaitsWhileThePastIsShown(t *testing.T) {
	sim, tt := traveled(t)
	if _, err := tt.ShowAt(4000); err != nil {
		t.Fatal(err)
	}
	now := sim.Now()
	PlayOn(sim, nil, tt, 500)
	if sim.Now() != now {
		t.Fatalf("with the past shown the live run went from %d to %d ms", now, sim.Now())
	}
	tt.ShowLive()
	PlayOn(sim, nil, tt, 500)
	if sim.Now() != now+500 {
		t.Fatalf("back to the live run, a frame of 500 ms took it from %d to %d ms", now, sim.Now())
	}
}

func TestAStoryStopsTheRunAtTheEndOfItsStep(t *testing.T) {
	st := newStories(t)
	if err := st.Start("election", 0); err != nil {
		t.Fatal(err)
	}
	if err := st.Answer(0); err != nil && st.Asking() {
		t.Fatal(err)
	}
	start := st.sim.Now()
	for range 100 {
		PlayOn(st.sim, st, NewTimeTravel(st.sim, nil), 1000)
	}
	if v := st.View(); !v.Done || v.Step != 0 {
		t.Fatalf("after 100 s of frames the story stands at step %d, done %v; want step 1 ended", v.Step+1, v.Done)
	}
	ended := st.sim.Now()
	if ended-start >= 100000 {
		t.Fatalf("the story's first step ran the full 100 s of frames (%d to %d ms); want it to stop at its end", start, ended)
	}
	PlayOn(st.sim, st, NewTimeTravel(st.sim, nil), 1000)
	if st.sim.Now() != ended {
		t.Fatalf("a step that ended ran on from %d to %d ms before Next", ended, st.sim.Now())
	}
}

func TestActionsAfterARefusedOneAreNotDone(t *testing.T) {
	sim := newRun(t)
	sim.AdvanceTo(1000)
	actions := []raftsim.Action{
		{Op: raftsim.ActPut, Key: "a", Value: "1"},
		{Op: raftsim.ActCrash, Node: 9},
		{Op: raftsim.ActPut, Key: "b", Value: "2"},
	}
	i, err := DoInOrder(sim, actions)
	if i != 1 || err == nil {
		t.Fatalf("DoInOrder = %d, %v; want the crash of a node there is not refused", i, err)
	}
	if done := sim.Snapshot().Actions; len(done) != 1 || done[0].Action.Key != "a" {
		t.Fatalf("the run did %+v; want only the put before the refusal", done)
	}
	if i, err := DoInOrder(sim, actions[2:]); i != -1 || err != nil {
		t.Fatalf("DoInOrder of a good action = %d, %v; want it done", i, err)
	}
}
