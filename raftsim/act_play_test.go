package raftsim

import "testing"

func TestPlay(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "after a pause", setup: []string{`{"op":"pause"}`}, js: `{"op":"play"}`, check: func(t *testing.T, h *harness) {
			if h.sim.Snapshot().Paused {
				t.Fatal("the run is still paused")
			}
		}},
	})
}
