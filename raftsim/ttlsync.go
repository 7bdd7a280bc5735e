package raftsim

import "raftplay/raftsim/v2store"

// Keys with a TTL expire as they do in etcd v2: while any key has one, the
// leader proposes a sync carrying its clock every half second, and every
// node removes the keys that are due when it applies that entry. All nodes
// expire the same keys at the same index, however far their own clocks or
// their applying lag behind.

// syncEveryMs is how often the leader proposes a sync (etcd's sync ticker).
const syncEveryMs = 500

// scheduleSync sets the sync timer when node n now holds a key with a TTL
// and none is set. Runs without TTLs never set it, so their events are as
// they were.
func (s *Sim) scheduleSync(n *node) {
	if !s.syncSet && n.kv.HasTTL() {
		s.syncSet = true
		s.clock.schedule(timer{at: s.clock.now + syncEveryMs, kind: timerSync})
	}
}

// syncTTLs has the leader propose a sync, and sets the next one while some
// running node still holds a key with a TTL.
func (s *Sim) syncTTLs() {
	s.syncSet = false
	// A paused leader's ticker proposes nothing; the next sync tries again.
	if l := s.leader(); l != nil && !l.paused && l.kv.HasTTL() {
		// A refused proposal (leadership moving) is retried at the next sync.
		if l.raftPropose(v2store.Command{Op: v2store.Op{Kind: v2store.OpSync, Time: s.clock.now}}.Encode()) == nil {
			l.pump()
		}
	}
	for _, n := range s.nodes {
		if n.up() {
			s.scheduleSync(n)
		}
	}
}
