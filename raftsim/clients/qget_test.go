package clients

import (
	"fmt"
	"slices"
	"testing"

	"raftplay/raftsim"
)

// A v2 quorum read (etcdctl get --quorum) is a QGET entry in every node's
// log, and it answers what the store held at its index: a write proposed
// just after it is not seen, one proposed just before it is. A plain get
// stays a local read and adds no entry.
func TestQuorumReadIsAQGETEntry(t *testing.T) {
	h := newHarness(t, 2).v2()
	l := h.leader(2000).ID
	f := l%5 + 1
	var out []string
	h.sim.OnEvent(func(e raftsim.Event) {
		if e.Kind == raftsim.EvConsole && e.Line == raftsim.ConsoleAnswer {
			out = append(out, e.Text)
		}
	})
	h.write(l, "/k", "much")
	h.run(300)
	last := h.sim.Snapshot().Node(l).LastIndex
	h.do(fmt.Sprintf(`{"op":"console","line":"get /k","via":%d}`, f))
	if s := h.sim.Snapshot(); s.Node(l).LastIndex != last || len(out) != 1 || out[0] != "much" {
		t.Fatalf("a plain get: %q, the leader's log grew from %d to %d", out, last, s.Node(l).LastIndex)
	}
	for _, tc := range []struct {
		first, then string
		want        string
	}{
		{`{"op":"console","line":"get --quorum /k","via":%d}`, `{"op":"put","key":"/k","value":"wow","via":%d}`, "much"},
		{`{"op":"put","key":"/k","value":"cool","via":%d}`, `{"op":"console","line":"get --quorum /k","via":%d}`, "cool"},
	} {
		// Through the leader, which appends them to its log in this order.
		out = nil
		h.do(fmt.Sprintf(tc.first, l))
		h.do(fmt.Sprintf(tc.then, l))
		h.run(500)
		if !slices.Equal(out, []string{tc.want}) {
			t.Errorf("%s then %s: the console answered %q, want %q", tc.first, tc.then, out, tc.want)
		}
	}
	s := h.sim.Snapshot()
	for _, n := range s.Nodes {
		var qgets []uint64
		for _, e := range n.Log {
			if e.Label == "QGET" {
				qgets = append(qgets, e.Index)
			}
		}
		if len(qgets) != 2 || qgets[0] != last+1 || qgets[1] != last+4 {
			t.Errorf("n%d's log holds QGET entries at %v, want %d and %d", n.ID, qgets, last+1, last+4)
		}
	}
	if !s.Invariants.OK || s.Node(f).Hash != s.Node(l).Hash {
		t.Fatalf("invariants %+v; hashes %s and %s", s.Invariants, s.Node(f).Hash, s.Node(l).Hash)
	}
}
