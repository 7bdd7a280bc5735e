package raftsim

import "testing"

func TestTransfer(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "to a follower", js: `{"op":"transfer","to":4}`, after: 1000, check: func(t *testing.T, h *harness) {
			if l := h.sim.Snapshot().Leader(); l != 4 {
				t.Fatalf("the leader is n%d, not n4", l)
			}
		}},
		{name: "to nobody", js: `{"op":"transfer","to":0}`, want: `transfer needs "to"`},
		{name: "to the leader", js: `{"op":"transfer","to":5}`, want: "already leads"},
		{name: "to a crashed node", setup: []string{`{"op":"crash","node":3}`}, js: `{"op":"transfer","to":3}`, want: "n3 is down"},
	})
}
