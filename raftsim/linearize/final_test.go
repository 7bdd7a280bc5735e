package linearize

import (
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// A write whose client gave up and which no node applied overlaps every
// later call on its key, so the running check finds no cut there and judges
// nothing after it. The final verdict judges that rest: a read of a value
// nobody wrote is caught.
func TestFinalVerdictJudgesWhatFollowsAnUnknownWrite(t *testing.T) {
	const a, b = 1, 2 // clients
	lost := v2store.Op{Kind: v2store.OpSet, Key: "/a", Value: "1"}
	read := v2store.Op{Kind: v2store.OpGet, Key: "/a"}

	var h recorder
	lin := New()
	h.called(1, a, lost, 0)
	h.unknown(1, true)
	h.called(2, b, read, 3000)
	h.returned(2, v2store.Result{Kind: v2store.OpGet, NodeView: v2store.NodeView{Key: "/a", Value: "2"}, Index: 9}, 3020)

	if v := lin.Check(h.ops, 0); v.Status == raftsim.StatusNotLinearizable || v.Checked != 0 {
		t.Fatalf("running check: %s after %d; it cannot cut after an unknown write", v.Status, v.Checked)
	}
	if v := lin.Final(h.ops); v.Status != raftsim.StatusNotLinearizable {
		t.Fatalf("final verdict: %s (%d checked) for a read of a value nobody wrote", v.Status, v.Checked)
	}
	if v := lin.Verdict(); v.Status != raftsim.StatusNotLinearizable {
		t.Fatalf("the snapshot's verdict after the final one: %s", v.Status)
	}
}
