package linearize

import (
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// A sequential client numbers a call when it is made but records it when it
// is sent, after the call ahead of it returns; a call of another client made
// in between is recorded first, with a higher number. When the queued call is
// a write whose client gives up and which a node applies later, the check
// rereads it once settled, and must find that write, not an operation of
// another key that happens to sit where its number would be.
func TestSettledWriteOfAQueuedCallIsJudgedOnItsOwnKey(t *testing.T) {
	const a, b = 1, 2 // clients
	// Call IDs in the order the calls are made.
	const getB, setA, setB, getA = 1, 2, 3, 4

	var h recorder
	lin := New()
	check := func() raftsim.Verdict { return lin.Check(h.ops, 0) }

	h.called(getB, a, v2store.Op{Kind: v2store.OpGet, Key: "/b"}, 0) // setA waits in a's queue
	h.called(setB, b, v2store.Op{Kind: v2store.OpSet, Key: "/b", Value: "vb"}, 5)
	h.returned(getB, v2store.Result{Kind: v2store.OpGet, NodeView: v2store.NodeView{Key: "/b"}, ErrCode: v2store.ErrKeyNotFound}, 10)
	h.returned(setB, v2store.Result{Kind: v2store.OpSet, NodeView: v2store.NodeView{Key: "/b"}, Index: 2}, 12)
	h.called(setA, a, v2store.Op{Kind: v2store.OpSet, Key: "/a", Value: "va"}, 10)
	h.unknown(setA, true) // every attempt timed out, after raft took one
	check()
	h.appliedSomewhere(setA, v2store.Result{Kind: v2store.OpSet, NodeView: v2store.NodeView{Key: "/a"}, Index: 3}, 4000)
	h.called(getA, b, v2store.Op{Kind: v2store.OpGet, Key: "/a"}, 4100)
	h.returned(getA, v2store.Result{Kind: v2store.OpGet, NodeView: v2store.NodeView{Key: "/a", Value: "va"}, Index: 3}, 4120)

	v := check()
	if v.Status != raftsim.StatusLinearizable {
		t.Fatalf("a linearizable history judged %s: %s", v.Status, strings.Join(v.Offending, "\n"))
	}
	// The read of /a cuts that key's history after it; the two calls on /b
	// overlap, so no cut there yet.
	if v.Checked != 2 {
		t.Fatalf("checked %d operations, want the 2 on /a", v.Checked)
	}
}
