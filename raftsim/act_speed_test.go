package raftsim

import "testing"

func TestSpeed(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "half", js: `{"op":"speed","x":0.5}`, check: func(t *testing.T, h *harness) {
			if x := h.sim.Snapshot().Speed; x != 0.5 {
				t.Fatalf("speed %g", x)
			}
		}},
		{name: "zero", js: `{"op":"speed","x":0}`, want: `speed needs "x"`},
		{name: "too fast", js: `{"op":"speed","x":1001}`, want: `speed needs "x"`},
	})
}
