package clients

import (
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// clientEvents collects the text of client events.
func clientEvents(h *harness) *[]string {
	var got []string
	h.sim.OnEvent(func(e raftsim.Event) {
		if e.Kind == raftsim.EvClient {
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
	h.do(fmt.Sprintf(`{"op":"partition","groups":[[%d],[%s]]}`, l.ID, h.others(l.ID)))
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

// A client retrying round the ring goes to the next running node by ID,
// also from a node that has left.
func TestNextUpFollowsIDOrder(t *testing.T) {
	ids := []uint64{2, 3, 6, 7}
	up := func(id uint64) bool { return id != 3 }
	for _, c := range []struct{ from, want uint64 }{{2, 6}, {6, 7}, {7, 2}, {1, 2}, {4, 6}, {9, 2}} {
		if got := nextUp(ids, up, c.from); got != c.want {
			t.Errorf("nextUp(%d) = %d, want %d", c.from, got, c.want)
		}
	}
}
