package v3store

import (
	"fmt"
	"hash/fnv"
)

// The store's snapshot, which goes into raft snapshots beside the v2
// store's, and its hash, which the log strips show: both are functions of
// the store's contents alone, so every node that applied the same entries,
// or restored from the same snapshot, has the same bytes and the same hash.

const snapshotVersion = 1

func (e *encoder) record(key string, r record) {
	e.string(key)
	e.int(r.rev.main)
	e.int(r.rev.sub)
	e.bool(r.tombstone)
	e.string(r.kv.Value)
	e.int(r.kv.CreateRevision)
	e.int(r.kv.ModRevision)
	e.int(r.kv.Version)
	e.int(r.kv.Lease)
}

func (d *decoder) record() (string, record) {
	key := d.string()
	r := record{rev: revision{d.int(), d.int()}, tombstone: d.bool()}
	r.kv = KeyValue{Key: key, Value: d.string(), CreateRevision: d.int(), ModRevision: d.int(), Version: d.int(), Lease: d.int()}
	return key, r
}

// Snapshot is the store as bytes: revisions, every key's kept history and
// the leases.
func (s *Store) Snapshot() []byte {
	// Sized as the last one, plus room: a growing history would otherwise
	// be copied over and over as the buffer grows.
	e := &encoder{b: append(make([]byte, 0, s.snapshotLen+s.snapshotLen/8+64), snapshotVersion)}
	defer func() { s.snapshotLen = len(e.b) }()
	e.int(s.rev)
	e.int(s.compacted)
	e.uint(uint64(s.index.Len()))
	s.index.Ascend(func(h *keyHistory) bool {
		e.uint(uint64(len(h.records)))
		for _, r := range h.records {
			e.record(h.key, r)
		}
		return true
	})
	e.uint(uint64(s.leases.Len()))
	s.leases.Ascend(func(l *Lease) bool {
		e.int(l.ID)
		e.int(l.TTL)
		e.uint(uint64(len(l.Keys)))
		for _, k := range l.Keys {
			e.string(k)
		}
		return true
	})
	return e.b
}

// Restore rebuilds a store from its snapshot.
func Restore(b []byte, minLeaseTTL int64) (*Store, error) {
	if len(b) == 0 || b[0] != snapshotVersion {
		return nil, fmt.Errorf("v3 snapshot: unknown format")
	}
	s := NewStore(minLeaseTTL)
	d := &decoder{b: b[1:]}
	s.rev, s.compacted = d.int(), d.int()
	for n := d.count(); n > 0 && d.err == nil; n-- {
		h := &keyHistory{}
		for m := d.count(); m > 0 && d.err == nil; m-- {
			key, r := d.record()
			h.key = key
			h.add(s, r)
		}
		if len(h.records) > 0 && d.err == nil {
			s.index.ReplaceOrInsert(h)
			if !h.last().tombstone {
				s.live++
			}
		}
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		l := &Lease{ID: d.int(), TTL: d.int()}
		s.leases.ReplaceOrInsert(l)
		s.sum ^= leaseSum(l.ID, l.TTL, "")
		for m := d.count(); m > 0 && d.err == nil; m-- {
			s.attach(l.ID, d.string())
		}
	}
	if d.err == nil && len(d.b) > 0 {
		d.err = errMalformed
	}
	if d.err != nil {
		return nil, fmt.Errorf("v3 snapshot: %v", d.err)
	}
	return s, nil
}

// Hash is a short hash of the store's contents.
func (s *Store) Hash() string { return fmt.Sprintf("%08x", s.Sum()) }

// Sum is Hash as a number, for a hash that covers this store and another.
func (s *Store) Sum() uint32 {
	sum := s.sum ^ hash64(func(e *encoder) { e.int(s.rev); e.int(s.compacted) })
	return uint32(sum ^ (sum >> 32))
}

// Fresh tells a store nothing was ever applied to: at revision 1, never
// compacted, with no lease.
func (s *Store) Fresh() bool { return s.rev == 1 && s.compacted < 0 && s.leases.Len() == 0 }

func hash64(write func(*encoder)) uint64 {
	e := &encoder{}
	write(e)
	h := fnv.New64a()
	h.Write(e.b)
	return h.Sum64()
}

// recordSum and leaseSum are what a record or a lease (or a key attached to
// one) adds to the store's sum; the sum is their exclusive or, kept up to
// date as they come and go.
func recordSum(key string, r record) uint64 {
	return hash64(func(e *encoder) { e.record(key, r) })
}

func leaseSum(id, ttl int64, key string) uint64 {
	return hash64(func(e *encoder) { e.int(id); e.int(ttl); e.string(key) })
}

// add appends a write to the key's history.
func (h *keyHistory) add(s *Store, r record) {
	h.records = append(h.records, r)
	s.sum ^= recordSum(h.key, r)
}
