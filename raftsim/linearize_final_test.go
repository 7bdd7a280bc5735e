package raftsim

import "testing"

// A write whose client gave up and which no node applied overlaps every
// later call on its key, so the running check finds no cut there and judges
// nothing after it. The final verdict judges that rest: a read of a value
// nobody wrote is caught.
func TestFinalVerdictJudgesWhatFollowsAnUnknownWrite(t *testing.T) {
	a := &client{id: 1, name: "a", retries: 3}
	b := &client{id: 2, name: "b", retries: 3}
	lost := &call{id: 1, client: a, seq: 1, op: Op{Kind: OpSet, Key: "/a", Value: "1"}, proposed: true}
	read := &call{id: 2, client: b, seq: 1, op: Op{Kind: OpGet, Key: "/a"}, callMs: 3000}

	var h history
	lin := newLinChecker()
	h.called(lost)
	h.unknown(lost)
	h.called(read)
	h.returned(read, &Result{Kind: OpGet, Key: "/a", Value: "2", Index: 9}, 3020)

	if v := lin.advance(h.ops, 0); v.Status == "not linearizable" || v.Checked != 0 {
		t.Fatalf("running check: %s after %d; it cannot cut after an unknown write", v.Status, v.Checked)
	}
	if v := lin.final(h.ops); v.Status != "not linearizable" {
		t.Fatalf("final verdict: %s (%d checked) for a read of a value nobody wrote", v.Status, v.Checked)
	}
	if v := lin.verdict(); v.Status != "not linearizable" {
		t.Fatalf("the snapshot's verdict after the final one: %s", v.Status)
	}
}
