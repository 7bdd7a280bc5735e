package v2store

import (
	"cmp"
	"slices"
)

// Keys with a TTL expire the way etcd v2 expires them: not on each node's own
// clock but when a sync, which the leader proposes with its time, is applied.
// Every node then removes the same keys at the same index.

// HasTTL reports whether some node still has a TTL, so the leader has to
// keep proposing syncs.
func (s *Store) HasTTL() bool {
	s.pruneTTL()
	return len(s.ttl) > 0
}

// pruneTTL drops removed and permanent nodes, and repeats, from the TTL list
// and sorts it by expiry, then key.
func (s *Store) pruneTTL() {
	if len(s.ttl) == 0 {
		return
	}
	seen := make(map[*node]bool, len(s.ttl))
	live := s.ttl[:0]
	for _, n := range s.ttl {
		if !n.removed && n.expire != 0 && !seen[n] {
			seen[n] = true
			live = append(live, n)
		}
	}
	clear(s.ttl[len(live):])
	s.ttl = live
	slices.SortFunc(s.ttl, func(a, b *node) int {
		return cmp.Or(cmp.Compare(a.expire, b.expire), cmp.Compare(a.path, b.path))
	})
}

// expire removes the nodes whose time is up at time t (etcd's
// DeleteExpiredKeys), each with an expire event.
func (s *Store) expire(index uint64, t int64) {
	s.pruneTTL()
	for len(s.ttl) > 0 && s.ttl[0].expire <= t {
		n := s.ttl[0]
		s.ttl = s.ttl[1:]
		if n.removed { // below a directory that expired first
			continue
		}
		e := s.removed(index, n, "expire")
		e.Kind, e.Index = OpSync, index
		s.record(e)
	}
}
