package raftsim

import "testing"

func TestCrashAll(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "every running node", setup: []string{`{"op":"crash","node":1}`}, js: `{"op":"crash-all"}`, check: func(t *testing.T, h *harness) {
			for _, n := range h.sim.Snapshot().Nodes {
				if n.Up {
					t.Fatalf("n%d is still up", n.ID)
				}
			}
		}},
		{name: "none running", setup: []string{`{"op":"crash-all"}`}, js: `{"op":"crash-all"}`, want: "every node is already down"},
	})
}
