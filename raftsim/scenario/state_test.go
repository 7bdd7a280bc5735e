package scenario

import (
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// A "state" expectation holds when the cluster ends in exactly the snapshot
// given, whitespace aside, and fails when one byte of it differs.
func TestStateExpectsTheWholeSnapshot(t *testing.T) {
	cfg := raftsim.DefaultConfig()
	sim, _ := raftsim.New(cfg)
	sim.Advance(1500)
	want := string(sim.SnapshotJSON())
	story := func(state string) string {
		return fmt.Sprintf(`{"name":"s","title":"t","steps":[{"caption":"c","run_ms":1500,"expect":[{"state":%s}]}]}`, state)
	}
	for _, tc := range []struct {
		state string
		ok    bool
	}{
		{want, true},
		{strings.Replace(want, `"now_ms":1500,`, "\n  \"now_ms\": 1500,\n", 1), true},
		{strings.Replace(want, `"now_ms":1500`, `"now_ms":1501`, 1), false},
	} {
		sc, err := Parse(story(tc.state))
		if err != nil {
			t.Fatal(err)
		}
		p, err := NewPlayer(sim, sc)
		if err != nil {
			t.Fatal(err)
		}
		r := p.RunAll()[0]
		if r.OK() != tc.ok {
			t.Errorf("state expectation held %v, want %v: %v", r.OK(), tc.ok, r.Failures)
		}
		p.Close()
	}
	if _, err := Parse(story(`"a snapshot"`)); err == nil || !strings.Contains(err.Error(), "steps[0].expect[0].state: need a snapshot") {
		t.Errorf("a state that is not an object: %v", err)
	}
}
