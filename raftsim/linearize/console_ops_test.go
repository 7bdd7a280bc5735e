package linearize

import (
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// The console's create, update and compare-and-delete are judged like sets
// and deletes: a create that succeeds on a key that exists is caught.
func TestCreateAndUpdateAreJudged(t *testing.T) {
	var h recorder
	ok := func(kind v2store.OpKind, key, value string) v2store.Result {
		return v2store.Result{Kind: kind, NodeView: v2store.NodeView{Key: key, Value: value}}
	}
	h.called(1, 1, v2store.Op{Kind: v2store.OpCreate, Key: "/a", Value: "1"}, 0)
	h.returned(1, ok(v2store.OpCreate, "/a", "1"), 10)
	h.called(2, 1, v2store.Op{Kind: v2store.OpUpdate, Key: "/a", Value: "2"}, 20)
	h.returned(2, ok(v2store.OpUpdate, "/a", "2"), 30)
	h.called(3, 1, v2store.Op{Kind: v2store.OpCAD, Key: "/a", PrevValue: "2"}, 40)
	h.returned(3, ok(v2store.OpCAD, "/a", ""), 50)
	h.called(4, 1, v2store.Op{Kind: v2store.OpGet, Key: "/a"}, 60)
	h.returned(4, v2store.Result{Kind: v2store.OpGet, ErrCode: v2store.ErrKeyNotFound}, 70)
	if v := New().Final(h.ops); v.Status != raftsim.StatusLinearizable || v.Checked != 4 {
		t.Fatalf("mk, update, rm --with-value, get: %s after %d", v.Status, v.Checked)
	}
	h.called(5, 1, v2store.Op{Kind: v2store.OpCreate, Key: "/b", Value: "1"}, 80)
	h.returned(5, ok(v2store.OpCreate, "/b", "1"), 90)
	h.called(6, 1, v2store.Op{Kind: v2store.OpCreate, Key: "/b", Value: "2"}, 100)
	h.returned(6, ok(v2store.OpCreate, "/b", "2"), 110)
	if v := New().Final(h.ops); v.Status != raftsim.StatusNotLinearizable {
		t.Fatalf("a second create of /b succeeding: %s", v.Status)
	}
}

// A recursive delete removes keys the one-key model never sees removed:
// judging ends for every key below it, so the reads after it are no
// violation.
func TestRecursiveDeleteEndsJudgingBelowIt(t *testing.T) {
	var h recorder
	h.called(1, 1, v2store.Op{Kind: v2store.OpSet, Key: "/stress/k1", Value: "1"}, 0)
	h.returned(1, v2store.Result{Kind: v2store.OpSet, NodeView: v2store.NodeView{Key: "/stress/k1", Value: "1"}}, 10)
	h.called(2, 2, v2store.Op{Kind: v2store.OpDelete, Key: "/stress", Recursive: true}, 20)
	h.returned(2, v2store.Result{Kind: v2store.OpDelete, NodeView: v2store.NodeView{Key: "/stress", Dir: true}}, 30)
	h.called(3, 1, v2store.Op{Kind: v2store.OpGet, Key: "/stress/k1"}, 40)
	h.returned(3, v2store.Result{Kind: v2store.OpGet, ErrCode: v2store.ErrKeyNotFound}, 50)
	h.called(4, 1, v2store.Op{Kind: v2store.OpGet, Key: "/other"}, 60)
	h.returned(4, v2store.Result{Kind: v2store.OpGet, NodeView: v2store.NodeView{Key: "/other", Value: "never written"}}, 70)
	v := New().Final(h.ops)
	if v.Status != raftsim.StatusNotLinearizable {
		t.Fatalf("a read of a value nobody wrote on a key outside the deleted directory: %s", v.Status)
	}
	h.ops = h.ops[:3]
	if v := New().Final(h.ops); v.Status == raftsim.StatusNotLinearizable {
		t.Fatalf("reads below a recursively deleted directory judged: %s", v.Offending)
	}
}
