package v3store

import "slices"

// Lease is a granted lease as every node's store holds it: its ID, its TTL
// in seconds and the keys attached to it. When it runs out is the leader's
// business, not the store's (see the simulator's lessor): etcd's lessor keeps
// expiry times in memory only, and the leader revokes an expired lease
// through raft.
type Lease struct {
	ID, TTL int64
	// Keys are the attached keys, sorted.
	Keys []string
}

func lessLease(a, b *Lease) bool { return a.ID < b.ID }

// MaxLeaseTTL is the longest TTL etcd grants, in seconds (lease.MaxLeaseTTL).
const MaxLeaseTTL = 9000000000

func (s *Store) lease(id int64) *Lease {
	l, _ := s.leases.Get(&Lease{ID: id})
	return l
}

// Lease returns the lease id, if granted.
func (s *Store) Lease(id int64) (Lease, bool) {
	l := s.lease(id)
	if l == nil {
		return Lease{}, false
	}
	return Lease{ID: l.ID, TTL: l.TTL, Keys: slices.Clone(l.Keys)}, true
}

// Leases lists the granted leases, by ID.
func (s *Store) Leases() []Lease {
	var out []Lease
	s.leases.Ascend(func(l *Lease) bool {
		out = append(out, Lease{ID: l.ID, TTL: l.TTL, Keys: slices.Clone(l.Keys)})
		return true
	})
	return out
}

// grant adds a lease, as etcd's lessor.Grant: a TTL below the minimum is
// raised to it.
func (s *Store) grant(id, ttl int64) Response {
	resp := Response{Kind: LeaseGrant, Revision: s.rev, ID: id}
	switch {
	case ttl > MaxLeaseTTL:
		resp.Err = ErrLeaseTTLTooLarge
		return resp
	case s.lease(id) != nil:
		resp.Err = ErrLeaseExist
		return resp
	}
	resp.TTL = max(ttl, s.minLeaseTTL)
	s.leases.ReplaceOrInsert(&Lease{ID: id, TTL: resp.TTL})
	s.sum ^= leaseSum(id, resp.TTL, "")
	return resp
}

// revoke removes a lease and deletes its keys in one write, as etcd's
// lessor.Revoke does: one revision for all of them.
func (s *Store) revoke(id int64) Response {
	l := s.lease(id)
	if l == nil {
		return Response{Kind: LeaseRevoke, Revision: s.rev, Err: ErrLeaseNotFound}
	}
	w := &txnWrite{s: s, begin: s.rev}
	for _, k := range slices.Clone(l.Keys) {
		w.deleteRange(Request{Key: k})
	}
	if w.changes > 0 {
		s.rev++
	}
	s.leases.Delete(l)
	s.sum ^= leaseSum(l.ID, l.TTL, "")
	return Response{Kind: LeaseRevoke, Revision: s.rev}
}

func (s *Store) attach(id int64, key string) {
	if l := s.lease(id); l != nil {
		if i, found := slices.BinarySearch(l.Keys, key); !found {
			l.Keys = slices.Insert(l.Keys, i, key)
			s.sum ^= leaseSum(id, l.TTL, key)
		}
	}
}

func (s *Store) detach(id int64, key string) {
	if l := s.lease(id); l != nil {
		if i, found := slices.BinarySearch(l.Keys, key); found {
			l.Keys = slices.Delete(l.Keys, i, i+1)
			s.sum ^= leaseSum(id, l.TTL, key)
		}
	}
}
