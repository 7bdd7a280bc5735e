package raftsim

import (
	"slices"

	pb "go.etcd.io/raft/v3/raftpb"
)

// ConfView is a raft configuration (raft's ConfState) as the snapshot shows
// it. Every list is in ID order and present even when empty. The
// configuration is joint (a change is under way) while VotersOutgoing is not
// empty: a decision then needs a majority of Voters and one of VotersOutgoing.
type ConfView struct {
	Voters         []uint64 `json:"voters"`
	VotersOutgoing []uint64 `json:"voters_outgoing"`
	Learners       []uint64 `json:"learners"`
	// LearnersNext are voters of the outgoing configuration that become
	// learners when the joint configuration is left.
	LearnersNext []uint64 `json:"learners_next"`
	// AutoLeave says the leader leaves the joint configuration by itself.
	AutoLeave bool `json:"auto_leave"`
}

// MemberKind is what a node is to the cluster (NodeView.Member), and what
// add-member adds a node as (Action.As: a voter or a learner).
type MemberKind string

// The kinds of member, by the names snapshots and actions give them.
const (
	// MemberVoter votes and counts towards the quorum.
	MemberVoter MemberKind = "voter"
	// MemberLearner receives the log and does not vote (etcdctl member
	// add --learner).
	MemberLearner MemberKind = "learner"
	// MemberJoining is a node added by add-member whose change the
	// configuration in force does not hold yet.
	MemberJoining MemberKind = "joining"
	MemberRemoved MemberKind = "removed"
)

func confView(cs *pb.ConfState) ConfView {
	ids := func(ids []uint64) []uint64 {
		sorted := append([]uint64{}, ids...) // never nil: JSON shows []
		slices.Sort(sorted)
		return sorted
	}
	return ConfView{
		Voters: ids(cs.GetVoters()), VotersOutgoing: ids(cs.GetVotersOutgoing()),
		Learners: ids(cs.GetLearners()), LearnersNext: ids(cs.GetLearnersNext()), AutoLeave: cs.GetAutoLeave(),
	}
}

// Joint reports whether the configuration is joint: a change is under way.
func (c ConfView) Joint() bool { return len(c.VotersOutgoing) > 0 }

// members lists every node the configuration holds, in ID order.
func (c ConfView) members() []uint64 {
	all := slices.Concat(c.Voters, c.VotersOutgoing, c.Learners, c.LearnersNext)
	slices.Sort(all)
	return slices.Compact(all)
}

// memberOf says what node id is to the configuration c.
func (c ConfView) memberOf(id uint64) MemberKind {
	switch {
	case slices.Contains(c.Voters, id) || slices.Contains(c.VotersOutgoing, id):
		return MemberVoter
	case slices.Contains(c.Learners, id) || slices.Contains(c.LearnersNext, id):
		return MemberLearner
	}
	return MemberJoining
}

// confInForce returns the node whose applied configuration is the cluster's:
// the leader's; with no leader, the one applied at the highest index among
// running nodes (the lowest ID on a tie), or among all nodes when none runs.
func (s *Sim) confInForce() *node {
	if l := s.leader(); l != nil {
		return l
	}
	var best *node
	for _, up := range []bool{true, false} {
		for _, n := range s.nodes {
			if n.up() == up && !n.removed && n.confState != nil && (best == nil || n.confIndex > best.confIndex) {
				best = n
			}
		}
		if best != nil {
			break
		}
	}
	return best
}

// addMembership fills in the configuration in force and what each node is
// to it.
func (s *Sim) addMembership(snap *Snapshot) {
	if n := s.confInForce(); n != nil {
		snap.Membership = confView(n.confState)
	} else {
		snap.Membership = confView(nil)
	}
	for i, n := range s.nodes {
		v := &snap.Nodes[i]
		v.Name = s.name(n.id)
		v.Member = snap.Membership.memberOf(n.id)
		if n.removed {
			v.Member = MemberRemoved
		}
		if n.up() {
			c := confView(n.confState)
			v.Conf = &c
		}
	}
}

// NodeName is what node id is called in this run: the name it was added
// with, else Config.NodeName.
func (s *Sim) NodeName(id uint64) string { return s.name(id) }

// NodeName is what node id is called in the run the snapshot shows: every
// reader of a snapshot names nodes with it.
func (s *Snapshot) NodeName(id uint64) string {
	if n := s.Node(id); n != nil && n.Name != "" {
		return n.Name
	}
	return s.Config.NodeName(id)
}
