package storyedit

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/scenario"
)

// Five actions recorded in free play become five steps after the run up to
// Record, each running until the next action; the clock's pause is left
// out. Captioned and given every expectation offered, the story passes the
// scenario runner, and it ends where free play ended.
func TestRecordFiveActionsCaptionAndExport(t *testing.T) {
	d, sim := recorded(t)
	ops := []string{"", "put", "crash", "put", "partition", "restart"}
	runs := []int64{2500, 1500, 2000, 1500, 1500, 2000}
	if len(d.Steps) != len(ops) {
		t.Fatalf("%d steps, want %d (the run up to the first action, then one per action)", len(d.Steps), len(ops))
	}
	for i, s := range d.Steps {
		if i > 0 && (len(s.Actions) != 1 || string(s.Actions[0].Op) != ops[i] || s.Actions[0].AtMs != 0) {
			t.Errorf("step %d: actions %v, want one %s at its start", i+1, s.Actions, ops[i])
		}
		if s.RunMs != runs[i] {
			t.Errorf("step %d runs %d ms, want %d", i+1, s.RunMs, runs[i])
		}
		if err := d.SetCaption(i, "Caption of step "+string(rune('1'+i))); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range check(t, d) {
		if !c.Result.OK() {
			t.Fatalf("step %d fails before any expectation: %v", i+1, c.Result.Failures)
		}
		for _, o := range c.Offers {
			if err := d.ToggleExpect(i, o.JSON); err != nil {
				t.Fatalf("step %d: expecting %s: %v", i+1, o.Words, err)
			}
		}
	}
	// The offers name what the steps made happen.
	want := map[int]string{1: `"committed_label":{"label":"much"`, 2: `"is":"down"`, 4: `"path":"partition","is":[[1,2],[3,4,5]]`}
	for i, w := range want {
		if !strings.Contains(strings.Join(d.Steps[i].Expect, " "), w) {
			t.Errorf("step %d expects %v, want one with %s", i+1, d.Steps[i].Expect, w)
		}
	}

	sc, err := scenario.Parse(string(d.JSON())) // the exported file, read as cmd/sim reads it
	if err != nil {
		t.Fatal(err)
	}
	played, err := judged.New(sc.Config)
	if err != nil {
		t.Fatal(err)
	}
	p, err := scenario.NewPlayer(played, sc)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.RunAll() {
		if !r.OK() {
			t.Errorf("step %d: %v", r.Step+1, r.Failures)
		}
		if got := sc.Steps[r.Step].Caption; got != "Caption of step "+string(rune('1'+r.Step)) {
			t.Errorf("step %d's caption is %q", r.Step+1, got)
		}
	}
	// Free play's actions all came after every event due at their
	// millisecond, as a story's do: the story is the run recorded.
	if a, b := gjson.GetBytes(played.SnapshotJSON(), "nodes").Raw, gjson.GetBytes(sim.SnapshotJSON(), "nodes").Raw; a != b {
		t.Errorf("the story ends in another state than the run it was recorded from:\n%s\n%s", a, b)
	}
}

// A recording is refused when there is nothing in it, when the run was
// started again meanwhile, and when manual mode held the clock.
func TestRecordingRefusals(t *testing.T) {
	say := func(a raftsim.Action) string { return string(a.Op) }
	sim, _ := judged.New(raftsim.DefaultConfig())
	sim.Advance(1000)
	rec := StartRecording(sim.Run())
	sim.Advance(1000)
	if _, err := rec.Stop(sim.Run(), say); err == nil || !strings.Contains(err.Error(), "nothing was recorded") {
		t.Errorf("an empty recording: %v", err)
	}
	sim.Do(raftsim.Action{Op: raftsim.ActReset, Seed: 9})
	sim.Advance(3000)
	sim.Do(raftsim.Action{Op: raftsim.ActHeal})
	if _, err := rec.Stop(sim.Run(), say); err == nil || !strings.Contains(err.Error(), "started again") {
		t.Errorf("a recording across a reset: %v", err)
	}
	rec = StartRecording(sim.Run())
	sim.Do(raftsim.Action{Op: raftsim.ActManual, On: true})
	if _, err := rec.Stop(sim.Run(), say); err == nil || !strings.Contains(err.Error(), "manual mode") {
		t.Errorf("a recording in manual mode: %v", err)
	}
}
