package raftsim

import (
	"fmt"
	"strings"
	"testing"
)

// clientEvents collects the text of client events.
func clientEvents(h *harness) *[]string {
	var got []string
	h.sim.OnEvent(func(e Event) {
		if e.Kind == EvClient {
			got = append(got, e.Text)
		}
	})
	return &got
}

func TestClientWriteOutcomes(t *testing.T) {
	h := newHarness(t, 1)
	l := h.leader(2000)
	follower := l.ID%5 + 1
	got := clientEvents(h)

	// Through a follower: forwarded to the leader, applied.
	h.write(follower, "a", "much")
	h.run(500)
	// In a minority that cannot commit: the client times out.
	h.do(fmt.Sprintf(`{"op":"partition","groups":[[%d],[%s]]}`, l.ID, others(l.ID)))
	h.write(l.ID, "b", "wow")
	h.run(1500)
	// With no leader known, the node drops the proposal at once.
	h.do(`{"op":"heal"}`)
	h.do(`{"op":"crash-all"}`)
	h.do(`{"op":"restart","node":1}`)
	h.write(1, "c", "cool")

	want := []string{
		fmt.Sprintf("you: set a=much via n%d applied at index", follower),
		fmt.Sprintf("you: set b=wow via n%d timed out after 1000 ms", l.ID),
		"you: set c=cool via n1 failed: no leader known to accept it",
	}
	if len(*got) != len(want) {
		t.Fatalf("client events = %q", *got)
	}
	for i := range want {
		if !strings.Contains((*got)[i], want[i]) {
			t.Errorf("event %d = %q, want %q", i, (*got)[i], want[i])
		}
	}
}

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

func others(id uint64) string {
	var s []string
	for i := uint64(1); i <= 5; i++ {
		if i != id {
			s = append(s, fmt.Sprint(i))
		}
	}
	return strings.Join(s, ",")
}
