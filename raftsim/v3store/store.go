package v3store

import (
	"cmp"
	"slices"

	"github.com/google/btree"
)

// Store is one node's v3 key space.
type Store struct {
	index *btree.BTreeG[*keyHistory]
	// rev is the current revision: a fresh store is at 1, so the first
	// write is revision 2 (etcd's store starts its currentRev at 1).
	rev int64
	// compacted is the revision of the last compaction (etcd's
	// compactMainRev), -1 before any.
	compacted int64
	// live counts the keys that exist at rev.
	live   int
	leases *btree.BTreeG[*Lease]
	// sum is the exclusive or of the hashes of every kept record and lease
	// (see Hash).
	sum uint64
	// snapshotLen is the length of the last snapshot, to size the next.
	snapshotLen int
	// minLeaseTTL is the shortest TTL a lease gets, in seconds (etcd's
	// lessor raises a shorter one to it).
	minLeaseTTL int64
}

// btreeDegree is the index's degree, as etcd's treeIndex builds it.
const btreeDegree = 32

// NewStore returns an empty store at revision 1 whose leases live at least
// minLeaseTTL seconds.
func NewStore(minLeaseTTL int64) *Store {
	return &Store{
		index:       btree.NewG(btreeDegree, lessHistory),
		rev:         1,
		compacted:   -1,
		leases:      btree.NewG(btreeDegree, lessLease),
		minLeaseTTL: minLeaseTTL,
	}
}

// Rev is the current revision.
func (s *Store) Rev() int64 { return s.rev }

// CompactRev is the revision of the last compaction, 0 before any.
func (s *Store) CompactRev() int64 { return max(s.compacted, 0) }

// Keys counts the keys that exist now.
func (s *Store) Keys() int { return s.live }

// history is key's history, or nil.
func (s *Store) history(key string) *keyHistory {
	h, _ := s.index.Get(&keyHistory{key: key})
	return h
}

// each calls f with the history of every key in [key, end), in key order.
func (s *Store) each(key, end string, f func(*keyHistory)) {
	if end == "" {
		if h := s.history(key); h != nil {
			f(h)
		}
		return
	}
	s.index.AscendGreaterOrEqual(&keyHistory{key: key}, func(h *keyHistory) bool {
		if !inRange(h.key, key, end) {
			return false
		}
		f(h)
		return true
	})
}

// Read answers a range from the store as it stands.
func (s *Store) Read(r Request) Response {
	return s.rangeAt(r, s.rev)
}

// rangeAt answers a range as of the reader's revision cur, as etcd's
// rangeKeys and executeRange do: checked against the history kept, then
// counted, sorted and cut to its limit.
func (s *Store) rangeAt(r Request, cur int64) Response {
	resp := Response{Kind: Range, Revision: cur}
	if err := s.checkRev(r.Rev, cur); err != nil {
		resp.Err = err
		return resp
	}
	rev := r.Rev
	if rev <= 0 {
		rev = cur
	}
	var kvs []KeyValue
	s.each(r.Key, r.End, func(h *keyHistory) {
		if kv, ok := h.at(rev); ok {
			kvs = append(kvs, kv)
		}
	})
	resp.Count = int64(len(kvs))
	if r.CountOnly {
		return resp
	}
	sortKVs(kvs, r.Order, r.Target)
	if r.Limit > 0 && int64(len(kvs)) > r.Limit {
		kvs, resp.More = kvs[:r.Limit], true
	}
	if r.KeysOnly {
		for i := range kvs {
			kvs[i].Value = ""
		}
	}
	resp.KVs = kvs
	return resp
}

// checkRev says whether history at rev can be read by a reader at cur.
func (s *Store) checkRev(rev, cur int64) error {
	switch {
	case rev > cur:
		return ErrFutureRev
	case rev > 0 && rev < s.compacted:
		return ErrCompacted
	}
	return nil
}

// sortKVs orders a range's keys as etcd's sortRangeResults does: they come
// in key order; another target with no order given sorts ascending.
func sortKVs(kvs []KeyValue, order SortOrder, target SortTarget) {
	if target != ByKey && order == SortNone {
		order = SortAscend
	}
	if order == SortNone || target == ByKey && order == SortAscend {
		return
	}
	by := func(a, b KeyValue) int {
		switch target {
		case ByVersion:
			return cmp.Compare(a.Version, b.Version)
		case ByCreate:
			return cmp.Compare(a.CreateRevision, b.CreateRevision)
		case ByMod:
			return cmp.Compare(a.ModRevision, b.ModRevision)
		case ByValue:
			return cmp.Compare(a.Value, b.Value)
		}
		return cmp.Compare(a.Key, b.Key)
	}
	if order == SortDescend {
		slices.SortStableFunc(kvs, func(a, b KeyValue) int { return by(b, a) })
		return
	}
	slices.SortStableFunc(kvs, by)
}

// Apply applies a write that raft committed and returns its answer. A
// request refused whole (a compacted revision, an unknown lease) changes
// nothing.
func (s *Store) Apply(r Request) Response {
	switch r.Kind {
	case Range:
		return s.Read(r)
	case Compaction:
		return s.compact(r.Rev)
	case LeaseGrant:
		return s.grant(r.ID, r.TTL)
	case LeaseRevoke:
		return s.revoke(r.ID)
	}
	if err := s.check(r, s.rev); err != nil {
		return Response{Kind: r.Kind, Revision: s.rev, Err: err}
	}
	w := &txnWrite{s: s, begin: s.rev}
	resp := w.exec(r)
	if w.changes > 0 {
		s.rev++
	}
	if r.Kind == Txn {
		resp.Revision = s.rev
	}
	return resp
}

// check refuses a request that would fail part way, before it writes
// anything, as etcd's checkTxn and checkPut do: a range at a revision not
// kept, a put with a lease that does not exist.
func (s *Store) check(r Request, cur int64) error {
	switch r.Kind {
	case Range:
		return s.checkRev(r.Rev, cur)
	case Put:
		if r.Lease != 0 && s.lease(r.Lease) == nil {
			return ErrLeaseNotFound
		}
	case Txn:
		for _, sub := range s.branch(r, cur) {
			if err := s.check(sub, cur); err != nil {
				return err
			}
		}
	}
	return nil
}

// branch is the requests of the txn's branch its compares choose.
func (s *Store) branch(r Request, rev int64) []Request {
	if s.compares(r.Compare, rev) {
		return r.Success
	}
	return r.Failure
}

// compares tells whether every compare holds at rev, as etcd's
// applyCompare judges: each key of a range must hold, a missing key
// compares as zeros, but never by value.
func (s *Store) compares(cs []Compare, rev int64) bool {
	for _, c := range cs {
		var kvs []KeyValue
		s.each(c.Key, c.End, func(h *keyHistory) {
			if kv, ok := h.at(rev); ok {
				kvs = append(kvs, kv)
			}
		})
		if len(kvs) == 0 {
			if c.Target == CmpValue {
				return false
			}
			kvs = []KeyValue{{}}
		}
		for _, kv := range kvs {
			if !c.holds(kv) {
				return false
			}
		}
	}
	return true
}

func (c Compare) holds(kv KeyValue) bool {
	var r int
	switch c.Target {
	case CmpValue:
		r = cmp.Compare(kv.Value, c.Value)
	case CmpVersion:
		r = cmp.Compare(kv.Version, c.Number)
	case CmpCreate:
		r = cmp.Compare(kv.CreateRevision, c.Number)
	case CmpMod:
		r = cmp.Compare(kv.ModRevision, c.Number)
	case CmpLease:
		r = cmp.Compare(kv.Lease, c.Number)
	}
	switch c.Result {
	case Equal:
		return r == 0
	case NotEqual:
		return r != 0
	case Greater:
		return r > 0
	case Less:
		return r < 0
	}
	return true
}

// txnWrite is one write transaction: its writes all carry revision begin+1,
// in the order of sub, and raise the store's revision once at its end.
type txnWrite struct {
	s       *Store
	begin   int64
	changes int64
}

// rev is the revision the transaction reads at: its own writes included.
func (w *txnWrite) rev() int64 {
	if w.changes > 0 {
		return w.begin + 1
	}
	return w.begin
}

func (w *txnWrite) exec(r Request) Response {
	switch r.Kind {
	case Range:
		return w.s.rangeAt(r, w.rev())
	case Put:
		return w.put(r)
	case DeleteRange:
		return w.deleteRange(r)
	}
	resp := Response{Kind: Txn, Succeeded: w.s.compares(r.Compare, w.rev())}
	ops := r.Failure
	if resp.Succeeded {
		ops = r.Success
	}
	for _, op := range ops {
		resp.Responses = append(resp.Responses, w.exec(op))
	}
	resp.Revision = w.rev()
	return resp
}

func (w *txnWrite) put(r Request) Response {
	resp := Response{Kind: Put, Revision: w.begin + 1}
	rev := w.begin + 1
	kv := KeyValue{Key: r.Key, Value: r.Value, CreateRevision: rev, ModRevision: rev, Version: 1, Lease: r.Lease}
	h := w.s.history(r.Key)
	if h == nil {
		h = &keyHistory{key: r.Key}
		w.s.index.ReplaceOrInsert(h)
	}
	prev, existed := h.at(rev)
	if existed {
		kv.CreateRevision, kv.Version = prev.CreateRevision, prev.Version+1
		if r.PrevKV {
			resp.PrevKVs = []KeyValue{prev}
		}
	} else {
		w.s.live++
	}
	h.add(w.s, record{rev: revision{rev, w.changes}, kv: kv})
	w.changes++
	if prev.Lease != r.Lease {
		w.s.detach(prev.Lease, r.Key)
		w.s.attach(r.Lease, r.Key)
	}
	return resp
}

func (w *txnWrite) deleteRange(r Request) Response {
	resp := Response{Kind: DeleteRange}
	var gone []*keyHistory
	var prevs []KeyValue
	w.s.each(r.Key, r.End, func(h *keyHistory) {
		if kv, ok := h.at(w.rev()); ok {
			gone, prevs = append(gone, h), append(prevs, kv)
		}
	})
	if r.PrevKV {
		resp.PrevKVs = prevs
	}
	rev := w.begin + 1
	for i, h := range gone {
		h.add(w.s, record{rev: revision{rev, w.changes}, kv: KeyValue{Key: h.key, ModRevision: rev}, tombstone: true})
		w.changes++
		w.s.live--
		w.s.detach(prevs[i].Lease, h.key)
	}
	resp.Deleted = int64(len(gone))
	resp.Revision = w.rev()
	return resp
}

// compact forgets the history before rev, as etcd's compaction does: a read
// below rev is refused from then on, and each key keeps its newest version
// at or below rev unless that is a delete.
func (s *Store) compact(rev int64) Response {
	resp := Response{Kind: Compaction, Revision: s.rev}
	switch {
	case rev <= s.compacted:
		resp.Err = ErrCompacted
		return resp
	case rev > s.rev:
		resp.Err = ErrFutureRev
		return resp
	}
	s.compacted = rev
	var empty []*keyHistory
	s.index.Ascend(func(h *keyHistory) bool {
		if !h.compact(s, rev) {
			empty = append(empty, h)
		}
		return true
	})
	for _, h := range empty {
		s.index.Delete(h)
	}
	return resp
}
