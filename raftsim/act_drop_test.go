package raftsim

import (
	"fmt"
	"testing"
)

func TestDrop(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a message no longer in flight", js: `{"op":"drop","message":999999}`, want: "message 999999 is not in flight"},
		{name: "no message", js: `{"op":"drop"}`, want: `drop needs "message"`},
	})
	// A message in flight is taken off the network.
	h := newHarness(t, 1)
	h.leader(2000)
	s := h.sim.Snapshot()
	for len(s.Messages) == 0 {
		h.sim.Step()
		s = h.sim.Snapshot()
	}
	id := s.Messages[0].ID
	h.do(fmt.Sprintf(`{"op":"drop","message":%d}`, id))
	for _, m := range h.sim.Snapshot().Messages {
		if m.ID == id {
			t.Fatalf("message %d is still in flight", id)
		}
	}
}
