package clients

import (
	"testing"

	"raftplay/raftsim/v2store"
)

// Turning stress off and on again while the writers' calls are in flight
// leaves each writer one loop: every call goes out a think time after the
// previous one returned, never queued behind a second loop's.
func TestStressToggledKeepsOneLoopPerWriter(t *testing.T) {
	h := newHarness(t, 4)
	h.leader(2000)
	h.do(`{"op":"stress","on":true}`)
	h.run(300)
	for i := 0; i < 3; i++ {
		h.do(`{"op":"stress","on":false}`)
		h.run(int64(3 + 7*i))
		h.do(`{"op":"stress","on":true}`)
		h.run(200)
	}
	h.run(1000)
	last := map[uint64]int64{}
	calls := 0
	for _, o := range h.cs.History(0) {
		if o.Op.Kind != v2store.OpSet || len(o.Op.Key) < 8 || o.Op.Key[:8] != "/stress/" {
			continue
		}
		calls++
		if prev, ok := last[o.Client]; ok && o.CallMs < prev+5 {
			t.Fatalf("client %d called at %d ms, %d ms after its previous call returned: two loops", o.Client, o.CallMs, o.CallMs-prev)
		}
		last[o.Client] = o.ReturnMs
	}
	if calls < 30 {
		t.Fatalf("only %d stress writes", calls)
	}
}
