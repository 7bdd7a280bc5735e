package v2store

import (
	"bytes"
	"testing"
)

// A store restored from its snapshot answers as the original does: the same
// keys, directories, indices and TTLs, the same hash, a retried write answered
// once, and the same results for the writes that follow.
func TestSnapshotRestoresTheStore(t *testing.T) {
	now := func() int64 { return 5000 }
	orig := NewStore(now)
	writes := []Command{
		{Client: 1, Seq: 1, Op: Op{Kind: OpSet, Key: "/a/b", Value: "x"}},
		{Client: 2, Seq: 1, Op: Op{Kind: OpCreate, Key: "/dir", Dir: true}},
		{Client: 1, Seq: 2, Op: Op{Kind: OpSet, Key: "/t", Value: "ttl", TTL: 9, Expire: 14000}},
		{Client: 2, Seq: 2, Op: Op{Kind: OpCAS, Key: "/a/b", Value: "y", PrevValue: "x"}},
		{Client: 3, Seq: 1, Op: Op{Kind: OpDelete, Key: "/missing"}},
	}
	for i, c := range writes {
		orig.Apply(uint64(i+1), c)
	}
	data := orig.Snapshot()
	got, err := Restore(data, now)
	if err != nil {
		t.Fatal(err)
	}
	if got.Hash() != orig.Hash() || got.Keys() != orig.Keys() {
		t.Fatalf("restored hash %s keys %d, want %s keys %d", got.Hash(), got.Keys(), orig.Hash(), orig.Keys())
	}
	if again := got.Snapshot(); !bytes.Equal(again, data) {
		t.Fatalf("snapshot of the restored store differs:\n%x\n%x", again, data)
	}
	list := Op{Kind: OpGet, Key: "/", Recursive: true, Sorted: true}
	if a, b := answer(got.Read(list)), answer(orig.Read(list)); a != b {
		t.Fatalf("restored lists %q, original %q", a, b)
	}
	// The retry of client 2's cas is answered with its first result.
	if r := got.Apply(6, writes[3]); r.Value != "y" || r.Index != 4 {
		t.Fatalf("retried cas got %+v, want the first answer (y at index 4)", r)
	}
	next := []Command{
		{Client: 1, Seq: 3, Op: Op{Kind: OpUpdate, Key: "/a/b", Value: "z"}},
		{Op: Op{Kind: OpSync, Time: 20000}}, // expires /t
	}
	for i, c := range next {
		a, b := got.Apply(uint64(7+i), c), orig.Apply(uint64(7+i), c)
		if answer(a) != answer(b) || got.Hash() != orig.Hash() {
			t.Fatalf("after restore, write %d answers %q (hash %s), the original %q (hash %s)", i, answer(a), got.Hash(), answer(b), orig.Hash())
		}
	}
	if got.Keys() != 1 {
		t.Fatalf("the TTL key did not expire on the restored store: %d keys", got.Keys())
	}
}

// A corrupt or cut snapshot is refused with an error, never a panic.
func TestRestoreRefusesBadSnapshots(t *testing.T) {
	s := NewStore(func() int64 { return 0 })
	s.Apply(1, Command{Client: 1, Seq: 1, Op: Op{Kind: OpSet, Key: "/a/b", Value: "x"}})
	data := s.Snapshot()
	for cut := range len(data) {
		if _, err := Restore(data[:cut], s.now); err == nil {
			t.Fatalf("a snapshot cut at %d of %d bytes was accepted", cut, len(data))
		}
	}
	bad := append([]byte{99}, data[1:]...)
	if _, err := Restore(bad, s.now); err == nil {
		t.Fatal("a snapshot of an unknown version was accepted")
	}
}

// A restored store keeps no watch history: a watch looking back before the
// snapshot is told the history was cleared; one after it sees new events.
func TestRestoredStoreWatchesFromTheSnapshotOn(t *testing.T) {
	orig := NewStore(func() int64 { return 0 })
	for i := range 4 {
		orig.Apply(uint64(i+1), Command{Op: Op{Kind: OpSet, Key: "/k", Value: "v"}})
	}
	s, err := Restore(orig.Snapshot(), orig.now)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := s.Watched(Op{Key: "/k", AfterIndex: 2}); !ok || r.ErrCode != ErrHistoryCleared ||
		r.Cause != "the requested history has been cleared [5/2]" {
		t.Fatalf("a watch from before the snapshot: %v %+v", ok, r)
	}
	if _, ok := s.Watched(Op{Key: "/k", AfterIndex: 5}); ok {
		t.Fatal("a watch from after the snapshot did not wait for a change")
	}
	s.Apply(5, Command{Op: Op{Kind: OpSet, Key: "/k", Value: "new"}})
	if r, ok := s.Watched(Op{Key: "/k", AfterIndex: 5}); !ok || r.Value != "new" {
		t.Fatalf("a watch from after the snapshot: %v %+v", ok, r)
	}
}
