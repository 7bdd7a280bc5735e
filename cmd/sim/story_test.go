package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/storyedit"
)

// A story recorded in free play, captioned and given the expectations the
// editor offers, exports as a file -scenario plays and passes.
func TestRecordedStoryPasses(t *testing.T) {
	sim, _ := judged.New(raftsim.DefaultConfig())
	sim.Advance(1500)
	rec := storyedit.StartRecording(sim.Run())
	for _, a := range []raftsim.Action{
		{Op: raftsim.ActPut, Value: "much"},
		{Op: raftsim.ActCrash, Node: sim.Leader()},
		{Op: raftsim.ActPut, Value: "wow"},
	} {
		sim.Advance(1200)
		if err := sim.Do(a); err != nil {
			t.Fatal(err)
		}
	}
	sim.Advance(1500)
	d, err := rec.Stop(sim.Run(), func(a raftsim.Action) string { return "do " + string(a.Op) })
	if err != nil {
		t.Fatal(err)
	}
	checks, err := storyedit.Check(d)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range checks {
		d.SetCaption(i, fmt.Sprintf("Step %d, checked.", c.Result.Step+1))
		for _, o := range c.Offers {
			if err := d.ToggleExpect(i, o.JSON); err != nil {
				t.Fatal(err)
			}
		}
	}
	f := filepath.Join(t.TempDir(), "my-story.json")
	os.WriteFile(f, d.JSON(), 0o644)
	code, out, errs := runSim(t, "-scenario", f)
	if code != 0 || strings.Count(out, "ok   step") != len(d.Steps) {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
}
