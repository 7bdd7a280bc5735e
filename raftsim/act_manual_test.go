package raftsim

import "testing"

func TestManual(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "on holds the network", js: `{"op":"manual","on":true}`, after: 5000,
			check: func(t *testing.T, h *harness) {
				s := h.sim.Snapshot()
				if !s.Manual || len(s.Messages) == 0 {
					t.Fatalf("manual %v, %d messages waiting", s.Manual, len(s.Messages))
				}
			}},
		{name: "on twice", setup: []string{`{"op":"manual","on":true}`}, js: `{"op":"manual","on":true}`, want: "manual mode is already on"},
		{name: "off when not on", js: `{"op":"manual","on":false}`, want: "manual mode is already off"},
		{name: "off gives the run back to the clock", setup: []string{`{"op":"manual","on":true}`}, js: `{"op":"manual","on":false}`, after: 100,
			check: func(t *testing.T, h *harness) {
				s := h.sim.Snapshot()
				if off := s.Actions[len(s.Actions)-1].AtMs; s.Manual || s.NowMs != off+100 {
					t.Fatalf("manual %v at %d ms, 100 ms after %d", s.Manual, s.NowMs, off)
				}
			}},
		{name: "no on", js: `{"op":"manual"}`, want: `manual needs "on"`},
		{name: "step with the clock held", setup: []string{`{"op":"manual","on":true}`}, js: `{"op":"step"}`, want: "the clock is held"},
	})
}
