package raftsim

import (
	"strings"
	"testing"
)

// A sequential client numbers a call when it is made but records it when it
// is sent, after the call ahead of it returns; a call of another client made
// in between is recorded first, with a higher number. When the queued call is
// a write whose client gives up and which a node applies later, the check
// rereads it once settled, and must find that write, not an operation of
// another key that happens to sit where its number would be.
func TestSettledWriteOfAQueuedCallIsJudgedOnItsOwnKey(t *testing.T) {
	a := &client{id: 1, name: "a", retries: 3}
	b := &client{id: 2, name: "b", retries: 3}
	getB := &call{id: 1, client: a, seq: 1, op: Op{Kind: OpGet, Key: "/b"}, callMs: 0}
	setA := &call{id: 2, client: a, seq: 2, op: Op{Kind: OpSet, Key: "/a", Value: "va"}}
	setB := &call{id: 3, client: b, seq: 1, op: Op{Kind: OpSet, Key: "/b", Value: "vb"}, callMs: 5}
	getA := &call{id: 4, client: b, seq: 2, op: Op{Kind: OpGet, Key: "/a"}}

	var h history
	lin := newLinChecker()
	check := func() Verdict { return lin.advance(h.ops, 0) }

	h.called(getB) // setA waits in a's queue
	h.called(setB)
	h.returned(getB, &Result{Kind: OpGet, Key: "/b", ErrCode: ErrKeyNotFound}, 10)
	h.returned(setB, &Result{Kind: OpSet, Key: "/b", Index: 2}, 12)
	setA.callMs, setA.proposed = 10, true
	h.called(setA)
	h.unknown(setA) // every attempt timed out
	check()
	h.appliedSomewhere(command{client: a.id, seq: setA.seq, op: setA.op}, Result{Kind: OpSet, Key: "/a", Index: 3}, 4000)
	getA.callMs = 4100
	h.called(getA)
	h.returned(getA, &Result{Kind: OpGet, Key: "/a", Value: "va", Index: 3}, 4120)

	v := check()
	if v.Status != "linearizable" {
		t.Fatalf("a linearizable history judged %s: %s", v.Status, strings.Join(v.Offending, "\n"))
	}
	// The read of /a cuts that key's history after it; the two calls on /b
	// overlap, so no cut there yet.
	if v.Checked != 2 {
		t.Fatalf("checked %d operations, want the 2 on /a", v.Checked)
	}
}
