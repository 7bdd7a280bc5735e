package raftsim

import "testing"

func TestStress(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "on", js: `{"op":"stress","on":true}`, after: 500, check: func(t *testing.T, h *harness) {
			if c := h.sim.Snapshot().Clients; !c.Stress || c.Operations == 0 {
				t.Fatalf("stress %v, %d operations", c.Stress, c.Operations)
			}
		}},
		{name: "off", setup: []string{`{"op":"stress","on":true}`}, js: `{"op":"stress","on":false}`},
		{name: "no on", js: `{"op":"stress"}`, want: `stress needs "on": true or false`},
	})
}
