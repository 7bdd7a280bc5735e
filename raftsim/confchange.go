package raftsim

import (
	"fmt"
	"slices"
	"strings"

	pb "go.etcd.io/raft/v3/raftpb"
	"google.golang.org/protobuf/proto"
)

// Configuration changes through raft. etcd's server proposes each change
// as a v1 ConfChange (server.go, AddMember, PromoteMember, RemoveMember →
// configure): every node applies it when it commits (RawNode.ApplyConfChange)
// and the new configuration is in force at once, with no joint consensus
// (raft's testdata/confchange_v1_add_single.txt). raft's own option, which
// etcd's server does not use, is a ConfChangeV2 with the implicit joint
// transition: applying it enters the joint configuration, and the leader,
// once it has applied it, proposes the empty change that leaves it (raft's
// AutoLeave). Each node keeps the configuration it applied; its snapshots
// record it, and a restarted node applies again the changes after its
// snapshot, as etcd does, which brings it back to the configuration in force.

// proposeConfChange has the leader l propose one change of node id's
// membership, in one step or, with joint, through joint consensus; proposed
// then sends it on its way.
func (s *Sim) proposeConfChange(l *node, typ pb.ConfChangeType, id uint64, change MemberChange, joint bool) error {
	var cc pb.ConfChangeI = &pb.ConfChange{Type: typ.Enum(), NodeId: proto.Uint64(id)}
	if joint {
		cc = &pb.ConfChangeV2{
			Transition: pb.ConfChangeTransitionJointImplicit.Enum(),
			Changes:    []*pb.ConfChangeSingle{{Type: typ.Enum(), NodeId: proto.Uint64(id)}},
		}
	}
	if err := l.raftProposeConfChange(cc); err != nil {
		// raft drops proposals while leadership is being handed over.
		return fmt.Errorf("%s: %s did not take the change: %v", actionOfChange(change), s.name(l.id), err)
	}
	return nil
}

// proposed reports a change the leader l took, once node id is there to be
// named, and lets the leader send it.
func (s *Sim) proposed(l *node, id uint64, change MemberChange) {
	s.emit(Event{Kind: EvMember, Node: l.id, Member: id, Change: change, Index: l.pendingConfIndex(), Term: l.term,
		Text: fmt.Sprintf("%s proposed %s %s at index %d", s.name(l.id), change, s.name(id), l.pendingConfIndex())})
	l.pump()
}

// actionOfChange is the action that proposes a change, for messages.
func actionOfChange(c MemberChange) ActionOp {
	switch c {
	case ChangePromote:
		return ActPromote
	case ChangeRemove:
		return ActRemoveMember
	}
	return ActAddMember
}

// startNewNode starts node id, named name (empty for the default), over an
// empty disk, as etcd starts a member with --initial-cluster-state existing:
// it knows the cluster's bootstrap configuration and learns the rest from
// the leader's log or snapshot. It joins the leader's side of a partition.
func (s *Sim) startNewNode(id uint64, name string, l *node) {
	n := &node{id: id, name: name, sim: s, disk: newDisk(bootstrapVoters(s.cfg)), phase: s.rng.Int64N(s.cfg.TickMs)}
	s.nodes = append(s.nodes, n) // the highest ID: the order holds
	if rate := s.cfg.LossRate; rate > 0 {
		for _, o := range s.nodes[:len(s.nodes)-1] {
			s.net.setLoss(o.id, id, rate)
			s.net.setLoss(id, o.id, rate)
		}
	}
	s.net.join(id, s.net.group(l.id))
	// A fresh node over an empty disk cannot fail to start.
	if err := n.start(); err != nil {
		panic(err)
	}
}

// bootstrapVoters is the configuration every disk starts with: nodes 1 to
// cfg.Nodes, all voters.
func bootstrapVoters(cfg Config) []uint64 {
	voters := make([]uint64, cfg.Nodes)
	for i := range voters {
		voters[i] = uint64(i + 1)
	}
	return voters
}

// applyConfChange applies the committed configuration change in entry e (a
// v1 ConfChange or a ConfChangeV2) to the node's raft, and keeps the
// configuration that results.
func (n *node) applyConfChange(e *pb.Entry) {
	var cc pb.ConfChangeI = &pb.ConfChangeV2{}
	if e.GetType() == pb.EntryConfChange {
		cc = &pb.ConfChange{}
	}
	if err := proto.Unmarshal(e.GetData(), cc.(proto.Message)); err != nil {
		n.sim.halt(n, fmt.Sprintf("conf change at index %d: %v", e.GetIndex(), err))
		return
	}
	before := n.confState
	cs := n.raftApplyConfChange(cc)
	if !n.up() {
		return // raft refused the change and panicked; the node is halted
	}
	n.confState, n.confIndex = cs, e.GetIndex()
	n.sim.observeConfApplied(n, e.GetIndex(), cc.AsV2(), before, cs)
}

// observeConfApplied reports a node's new configuration and retires every
// node it leaves out: the change that removes a node is committed once
// anyone applies it, and a removed member stops for good shortly after
// (memberstop.go).
func (s *Sim) observeConfApplied(n *node, index uint64, cc *pb.ConfChangeV2, before, after *pb.ConfState) {
	e := Event{Kind: EvMember, Node: n.id, Index: index, Term: n.term, Change: ChangeLeaveJoint}
	what := "left joint consensus"
	if !cc.LeaveJoint() {
		single := cc.GetChanges()[0]
		e.Change, e.Member = ChangeApplied, single.GetNodeId()
		what = fmt.Sprintf("applied the change to %s %s", describeSingle(single, before), s.name(e.Member))
		if len(after.GetVotersOutgoing()) > 0 {
			e.Change = ChangeEnterJoint
			what = fmt.Sprintf("entered joint consensus to %s %s", describeSingle(single, before), s.name(e.Member))
		}
	}
	e.Text = fmt.Sprintf("%s %s at index %d: %s", s.name(n.id), what, index, confView(after).describe())
	s.emit(e)
	for _, id := range confView(before).members() {
		if !slices.Contains(confView(after).members(), id) {
			s.retire(id)
		}
	}
}

// stopLostJoiners stops the nodes added whose change was lost: proposed by a
// leader that lost its leadership before the entry committed, and
// overwritten since. Once the leader l has applied every configuration
// change its log may hold, a node it does not know can never join. A leader
// that some node has seen a later term than is stale (it was paused, or cut
// off, while another was elected) and may not know a change that committed.
func (s *Sim) stopLostJoiners(l *node) {
	known := func(n *node) bool {
		return n.removed || slices.Contains(l.confState.GetVoters(), n.id) || slices.Contains(l.confState.GetLearners(), n.id)
	}
	later := func(n *node) bool { return n.term > l.term }
	if l.role != RoleLeader || slices.ContainsFunc(s.nodes, later) || !slices.ContainsFunc(s.nodes, func(n *node) bool { return !known(n) }) ||
		len(l.confState.GetVotersOutgoing()) > 0 || l.pendingConfIndex() > l.applied {
		return
	}
	for _, n := range s.nodes {
		if !known(n) {
			s.stopRemoved(n, fmt.Sprintf("%s stopped: the change adding it was lost with the leader that proposed it", s.name(n.id)))
		}
	}
}

// describeSingle names one change ("add learner", "promote", ...) as made to
// the configuration before.
func describeSingle(c *pb.ConfChangeSingle, before *pb.ConfState) MemberChange {
	switch c.GetType() {
	case pb.ConfChangeAddLearnerNode:
		return ChangeAddLearner
	case pb.ConfChangeRemoveNode:
		return ChangeRemove
	}
	if slices.Contains(before.GetLearners(), c.GetNodeId()) {
		return ChangePromote
	}
	return ChangeAddVoter
}

// pendingConfIndex is raft's pendingConfIndex (readPendingConfIndex).
func (n *node) pendingConfIndex() uint64 { return readPendingConfIndex(n.rn) }

// hasConfEntryAfter reports whether the node's log holds a configuration
// change after index i.
func (n *node) hasConfEntryAfter(i uint64) bool {
	ents, _ := n.logView()
	return slices.ContainsFunc(ents, func(e *pb.Entry) bool { return e.GetIndex() > i && e.GetType() != pb.EntryNormal })
}

// describe writes a configuration as etcd raft does: voters (1 2 3)&&(1 2 3 4)
// learners (6).
func (c ConfView) describe() string {
	ids := func(ids []uint64) string {
		s := make([]string, len(ids))
		for i, id := range ids {
			s[i] = fmt.Sprint(id)
		}
		return "(" + strings.Join(s, " ") + ")"
	}
	out := "voters " + ids(c.Voters)
	if len(c.VotersOutgoing) > 0 {
		out += "&&" + ids(c.VotersOutgoing)
	}
	if len(c.Learners) > 0 {
		out += " learners " + ids(c.Learners)
	}
	if len(c.LearnersNext) > 0 {
		out += " learners_next " + ids(c.LearnersNext)
	}
	return out
}
