package storyedit

import (
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
)

// recorded plays free play as a person would: the clock runs, Record is
// pressed at 2 s, then five actions a second or more apart (a write, a
// crash of the leader, a second write, a partition, a restart), then Stop
// at 11 s. It returns the draft and the simulation as free play left it.
func recorded(t *testing.T) (*Draft, *raftsim.Sim) {
	t.Helper()
	sim, err := judged.New(raftsim.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	sim.Advance(2000)
	rec := StartRecording(sim.Run())
	var crashed uint64
	for _, step := range []struct {
		at  int64
		act func() raftsim.Action
	}{
		{2500, func() raftsim.Action { return raftsim.Action{Op: raftsim.ActPut, Key: "k", Value: "much"} }},
		{4000, func() raftsim.Action {
			crashed = sim.Leader()
			return raftsim.Action{Op: raftsim.ActCrash, Node: crashed}
		}},
		{4100, func() raftsim.Action { return raftsim.Action{Op: raftsim.ActPause} }}, // the clock's: not in the story
		{6000, func() raftsim.Action { return raftsim.Action{Op: raftsim.ActPut, Key: "k", Value: "wow"} }},
		{7500, func() raftsim.Action {
			return raftsim.Action{Op: raftsim.ActPartition, Groups: [][]uint64{{1, 2}, {3, 4, 5}}}
		}},
		{9000, func() raftsim.Action { return raftsim.Action{Op: raftsim.ActRestart, Node: crashed} }},
	} {
		sim.AdvanceTo(step.at)
		if err := sim.Do(step.act()); err != nil {
			t.Fatalf("at %d ms: %v", step.at, err)
		}
	}
	sim.AdvanceTo(11000)
	d, err := rec.Stop(sim.Run(), func(a raftsim.Action) string { return string(a.Op) })
	if err != nil {
		t.Fatal(err)
	}
	return d, sim
}

// check is Check, failing the test on an error.
func check(t *testing.T, d *Draft) []StepCheck {
	t.Helper()
	cs, err := Check(d)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}
