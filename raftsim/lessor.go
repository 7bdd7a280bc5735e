package raftsim

import "raftplay/raftsim/v3store"

// Leases expire as etcd's lessor expires them: every node's store holds the
// leases, but only the leader (the primary lessor) keeps time for them. Every
// half second it looks for leases past their expiry and proposes their
// revocation through raft, so every node deletes their keys at the same
// revision. A follower's leases never expire by themselves; a new leader
// gives every lease a fresh TTL plus an election timeout once it has applied
// its first entry (lessor.Promote in etcdserver's applyEntryNormal), and a
// leader that loses its role forgets its clocks (lessor.Demote).

// leaseCheckEveryMs is how often the primary looks for expired leases
// (lessor.runLoop's ticker).
const leaseCheckEveryMs = 500

// leaseRetryMs is when an expired lease whose revocation has not been
// applied yet is proposed again (defaultExpiredleaseRetryInterval).
const leaseRetryMs = 3000

// lessor is a node's lease clocks: expiry time by lease ID, set only while
// the node is the primary.
type lessor struct {
	expiry map[int64]int64
}

// promote starts every lease's clock afresh, extended by extendMs.
func (l *lessor) promote(n *node, extendMs int64) {
	l.expiry = map[int64]int64{}
	for _, ls := range n.v3.Leases() {
		l.expiry[ls.ID] = n.sim.clock.now + extendMs + ls.TTL*1000
	}
	n.sim.scheduleLeaseCheck(n)
}

// demote stops the clocks: a follower does not expire leases.
func (l *lessor) demote() { l.expiry = nil }

// primary tells a lessor that keeps time.
func (l *lessor) primary() bool { return l.expiry != nil }

// applied follows the leases an applied request granted or revoked.
func (l *lessor) applied(n *node, r v3store.Request, resp v3store.Response) {
	if resp.Err != nil {
		return
	}
	switch r.Kind {
	case v3store.LeaseGrant:
		if l.primary() {
			l.expiry[r.ID] = n.sim.clock.now + resp.TTL*1000
		}
		n.sim.scheduleLeaseCheck(n)
	case v3store.LeaseRevoke:
		if l.primary() {
			delete(l.expiry, r.ID)
		}
	}
}

// renew is a keep-alive: the lease's clock starts again from its TTL. Only
// the primary renews.
func (l *lessor) renew(n *node, id int64) (int64, error) {
	ls, ok := n.v3.Lease(id)
	if !ok {
		return 0, v3store.ErrLeaseNotFound
	}
	l.expiry[id] = n.sim.clock.now + ls.TTL*1000
	return ls.TTL, nil
}

// remainingMs is how long the lease has left on the primary's clock.
func (l *lessor) remainingMs(n *node, id int64) int64 {
	return l.expiry[id] - n.sim.clock.now
}

// scheduleLeaseCheck sets the check timer when node n holds a lease and
// none is set. Runs without leases never set it, so their events are as
// they were.
func (s *Sim) scheduleLeaseCheck(n *node) {
	if !s.leaseCheckSet && len(n.v3.Leases()) > 0 {
		s.leaseCheckSet = true
		s.clock.schedule(timer{at: s.clock.now + leaseCheckEveryMs, kind: timerLeaseCheck})
	}
}

// checkLeases has the primary propose the revocation of each expired lease,
// in ID order, and sets the next check while a running node holds a lease.
func (s *Sim) checkLeases() {
	s.leaseCheckSet = false
	if l := s.leader(); l != nil && l.lessor.primary() {
		for _, ls := range l.v3.Leases() {
			at, ok := l.lessor.expiry[ls.ID]
			if !ok || at > s.clock.now {
				continue
			}
			l.lessor.expiry[ls.ID] = s.clock.now + leaseRetryMs
			cmd := v3store.Command{Req: v3store.Request{Kind: v3store.LeaseRevoke, ID: ls.ID}}
			if l.raftPropose(cmd.Encode()) == nil {
				l.pump()
			}
		}
	}
	for _, n := range s.nodes {
		if n.up() {
			s.scheduleLeaseCheck(n)
		}
	}
}

// LeaseKeepAlive renews lease id on the leader and returns its TTL.
func (s *Sim) LeaseKeepAlive(id int64) (int64, error) {
	l, err := s.primaryLessor()
	if err != nil {
		return 0, err
	}
	return l.lessor.renew(l, id)
}

// LeaseTimeToLive is lease id as the leader knows it: the lease, and the
// milliseconds it has left.
func (s *Sim) LeaseTimeToLive(id int64) (v3store.Lease, int64, error) {
	l, err := s.primaryLessor()
	if err != nil {
		return v3store.Lease{}, 0, err
	}
	ls, ok := l.v3.Lease(id)
	if !ok {
		return v3store.Lease{}, 0, v3store.ErrLeaseNotFound
	}
	return ls, l.lessor.remainingMs(l, id), nil
}

// LeasesV3 lists the leases node id's store holds.
func (s *Sim) LeasesV3(id uint64) ([]v3store.Lease, error) {
	n, err := s.upNode(id)
	if err != nil {
		return nil, err
	}
	return n.v3.Leases(), nil
}

// primaryLessor is the leader, when its lessor keeps time (it has applied
// an entry of its term).
func (s *Sim) primaryLessor() (*node, error) {
	l := s.leader()
	if l == nil || !l.lessor.primary() {
		return nil, v3store.ErrNoLeader
	}
	return l, nil
}
