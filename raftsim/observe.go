package raftsim

import (
	"fmt"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"

	"raftplay/raftsim/v2store"
)

// The observe* hooks turn what raft hands a node into events and feed the
// invariant checker. They run inside the event that caused the change.

// observeReady looks at a Ready as it is taken, before anything is persisted:
// role changes, and a new leader's claim to its term.
func (s *Sim) observeReady(n *node, rd *raft.Ready) {
	if hs := rd.HardState; !raft.IsEmptyHardState(hs) && hs.GetTerm() > n.term {
		n.term = hs.GetTerm()
	}
	if rd.SoftState == nil {
		return
	}
	role := roleName(rd.RaftState)
	if role == n.role {
		return
	}
	n.role = role
	if role != RoleLeader {
		n.lessor.demote()
	}
	s.emit(Event{Kind: EvRole, Node: n.id, Term: n.term, Role: role, Text: fmt.Sprintf("%s became %s at term %d", s.name(n.id), role, n.term)})
	if role != RoleLeader {
		return
	}
	s.emit(Event{Kind: EvElected, Node: n.id, Term: n.term, Text: fmt.Sprintf("%s won the election for term %d", s.name(n.id), n.term)})
	s.check(InvElectionSafety, s.checker.leader(n.term, n.id))
	s.check(InvElectionSafety, s.checker.quorum(n.term, n.id, confView(n.confState), s.termOf))
	// The leader's log is the durable one plus what this Ready is about to persist.
	s.check(InvLeaderCompleteness, s.checker.leaderComplete(n.id, n.term, func(i uint64) (uint64, bool) {
		if k := len(rd.Entries); k > 0 && i >= rd.Entries[0].GetIndex() {
			if j := i - rd.Entries[0].GetIndex(); j < uint64(k) {
				return rd.Entries[j].GetTerm(), true
			}
			return 0, false
		}
		return durableTerm(n.disk, i)
	}))
}

// observePersisted checks what a Ready made durable and reports commits.
func (s *Sim) observePersisted(n *node, rd *raft.Ready) {
	for _, e := range rd.Entries {
		prev, _ := durableTerm(n.disk, e.GetIndex()-1)
		s.check(InvLogMatching, s.checker.entry(n.id, e.GetIndex(), e.GetTerm(), dataHash(e.GetData()), prev))
	}
	hs := rd.HardState
	if raft.IsEmptyHardState(hs) {
		return
	}
	if c := hs.GetCommit(); c != n.commit {
		s.check(InvCommitMonotonic, s.checker.commit(n.id, hs.GetTerm(), n.commit, c, func(i uint64) (uint64, bool) { return durableTerm(n.disk, i) }))
		if c > n.commit {
			s.emit(Event{Kind: EvCommit, Node: n.id, Index: c, Term: hs.GetTerm(), Text: fmt.Sprintf("%s committed up to index %d", s.name(n.id), c)})
		}
		n.commit = c
	}
}

func (s *Sim) observeApplied(n *node, e *pb.Entry, c v2store.Command, r v2store.Result) {
	s.check(InvStateMachineSafety, s.checker.apply(n.id, e.GetIndex(), e.GetTerm(), dataHash(e.GetData())))
	s.emit(Event{Kind: EvApply, Node: n.id, Index: e.GetIndex(), Term: e.GetTerm(),
		Text: fmt.Sprintf("%s applied index %d (%s)", s.name(n.id), e.GetIndex(), entryLabel(e))})
	if c.Op.Kind != 0 && s.app != nil {
		s.app.Applied(n.id, e.GetIndex(), c, r)
	}
}

func (s *Sim) check(invariant string, err error) {
	if err != nil {
		s.violate(invariant, err.Error())
	}
}

func durableTerm(d *disk, i uint64) (uint64, bool) {
	t, err := d.Term(i)
	return t, err == nil
}
