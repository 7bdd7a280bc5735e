// Package v3store is etcd's v3 key space as the nodes' state machine: a
// multi-version store with one global revision, as etcd's mvcc package keeps
// it (each write transaction raises the revision by one, a fresh store is at
// revision 1, deletes leave tombstones, compaction forgets history), ranges,
// transactions with compares and nested requests, leases with the keys
// attached to them, and the event history watches read. It knows nothing of
// raft or the simulator: requests arrive as raft entries' data, encoded by
// this package, and every node applies them in the same order.
//
// etcd's own mvcc package does not build for js/wasm (its bolt backend needs
// flock), so this store is raftplay's. Its index is a degree-32 B-tree of
// key histories ordered by key, as etcd's treeIndex (storage/mvcc/index.go)
// is; etcd 3.7 builds it with k8s.io/utils' fork of github.com/google/btree,
// raftplay with google/btree itself. Each key keeps its writes by revision as
// etcd's keyIndex does, with the values beside them instead of in a backend.
package v3store

// KeyValue is one version of a key, as etcd's mvccpb.KeyValue holds it.
type KeyValue struct {
	Key, Value string
	// CreateRevision is the revision that created the key (since its last
	// delete), ModRevision the one that wrote this version.
	CreateRevision, ModRevision int64
	// Version counts the puts since the key was created: 1 for the first.
	Version int64
	// Lease is the lease the key is attached to, 0 for none.
	Lease int64
}

// revision orders writes: main is the store revision of the write
// transaction, sub the write's place within it (etcd's mvcc.Revision).
type revision struct{ main, sub int64 }

func (r revision) less(o revision) bool {
	return r.main < o.main || r.main == o.main && r.sub < o.sub
}

// record is one write of a key: a put (kv) or a delete (tombstone).
type record struct {
	rev       revision
	kv        KeyValue
	tombstone bool
}

// keyHistory is a key's writes, oldest first, back to the last compaction:
// the btree's item.
type keyHistory struct {
	key     string
	records []record
}

func lessHistory(a, b *keyHistory) bool { return a.key < b.key }

// at is the key's version as of revision rev, if it was live then.
func (h *keyHistory) at(rev int64) (KeyValue, bool) {
	for i := len(h.records) - 1; i >= 0; i-- {
		if r := h.records[i]; r.rev.main <= rev {
			return r.kv, !r.tombstone
		}
	}
	return KeyValue{}, false
}

// last is the key's newest write.
func (h *keyHistory) last() record { return h.records[len(h.records)-1] }

// compact forgets the writes an etcd compaction at rev removes: all before
// the newest at or below rev, and that one too when it is a tombstone. It
// reports whether anything of the key is left.
func (h *keyHistory) compact(s *Store, rev int64) bool {
	keep := -1
	for i, r := range h.records {
		if r.rev.main <= rev {
			keep = i
		}
	}
	if keep < 0 {
		return true
	}
	if h.records[keep].tombstone {
		keep++
	}
	for _, r := range h.records[:keep] {
		s.sum ^= recordSum(h.key, r)
	}
	h.records = append(h.records[:0:0], h.records[keep:]...)
	return len(h.records) > 0
}

// PrefixEnd is the range end that covers every key starting with prefix, as
// etcd's clientv3.GetPrefixRangeEnd computes it: the prefix with its last
// byte below 0xff raised by one; "\x00" (every key from prefix) when there is
// none.
func PrefixEnd(prefix string) string {
	b := []byte(prefix)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return FromKey
}

// FromKey as a range end means every key from the start key on, as etcd's
// "\x00" range end does.
const FromKey = "\x00"

// inRange tells whether key lies in etcd's range [start, end): end "" is the
// single key start, FromKey every key from start on.
func inRange(key, start, end string) bool {
	switch end {
	case "":
		return key == start
	case FromKey:
		return key >= start
	}
	return key >= start && key < end
}
