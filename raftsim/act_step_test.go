package raftsim

import "testing"

func TestStepAction(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "while paused", setup: []string{`{"op":"pause"}`}, js: `{"op":"step"}`},
	})
	// A step fires exactly one event, and the clock moves to it.
	h := newHarness(t, 1)
	h.leader(2000)
	h.do(`{"op":"pause"}`)
	next, _ := h.sim.NextEventAt()
	before := h.sim.fired
	h.do(`{"op":"step"}`)
	if h.sim.fired != before+1 || h.sim.Now() != next {
		t.Fatalf("a step fired %d events and moved the clock to %d ms, not %d", h.sim.fired-before, h.sim.Now(), next)
	}
}
