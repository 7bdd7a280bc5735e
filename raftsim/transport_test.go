package raftsim

import (
	"fmt"
	"strings"
	"testing"
)

func TestDropMessageByID(t *testing.T) {
	h := newHarness(t, 1)
	h.leader(2000)
	var id uint64
	h.until(500, "a message in flight", func(s *Snapshot) bool {
		if len(s.Messages) > 0 {
			id = s.Messages[0].ID
		}
		return id != 0
	})
	var dropped []string
	var want MessageView
	for _, m := range h.sim.Snapshot().Messages {
		if m.ID == id {
			want = m
		}
	}
	h.sim.OnEvent(func(e Event) {
		if e.Kind == EvDropped {
			dropped = append(dropped, e.Text)
			if e.Message != id || e.From != want.From || e.To != want.To || e.MsgType != want.Type || e.Reason != DropByUser {
				t.Errorf("drop event %+v does not match the message %+v", e, want)
			}
		}
	})
	h.do(fmt.Sprintf(`{"op":"drop","message":%d}`, id))
	for _, m := range h.sim.Snapshot().Messages {
		if m.ID == id {
			t.Fatalf("message %d still in flight after drop", id)
		}
	}
	if len(dropped) != 1 || !strings.Contains(dropped[0], fmt.Sprintf("dropped (by user) #%d ", id)) {
		t.Fatalf("drop events = %q", dropped)
	}
	h.run(100) // its delivery time passes without effect
	h.ok()
}

func TestStepProcessesOneEvent(t *testing.T) {
	h := newHarness(t, 1)
	h.do(`{"op":"pause"}`)
	before := h.sim.Now()
	h.do(`{"op":"step"}`)
	s := h.sim.Snapshot()
	if !s.Paused || s.NowMs <= before || s.NowMs > before+h.sim.Config().TickMs {
		t.Fatalf("after one step: paused=%v now=%d (was %d)", s.Paused, s.NowMs, before)
	}
}
