package raftsim

import "testing"

func TestPause(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "the clock", js: `{"op":"pause"}`, check: func(t *testing.T, h *harness) {
			if !h.sim.Snapshot().Paused {
				t.Fatal("the run is not paused")
			}
		}},
	})
}
