package nemesis

import (
	"raftplay/raftsim"
)

// Membership changes in the fault mix, as an operator makes them with
// etcdctl member: a learner added, a learner promoted, a member removed (the
// leader too), a voter added, and a crashed member replaced (removed, and a
// new voter added in its place once the removal is in force). The core
// refuses what etcd refuses (no leader, a change in progress, a learner not
// caught up, too few started voters); a refused change changes nothing.

// memberIDs are the members' IDs, in ID order.
func memberIDs(snap *raftsim.Snapshot) []uint64 {
	var ids []uint64
	for _, n := range snap.Members() {
		ids = append(ids, n.ID)
	}
	return ids
}

// pick draws one of ids, or 0 when there is none.
func (d *drawer) pick(ids []uint64) uint64 {
	if len(ids) == 0 {
		return 0
	}
	return ids[d.rng.IntN(len(ids))]
}

// addLearner adds a node as a learner.
func (d *drawer) addLearner(*raftsim.Snapshot) raftsim.Action {
	return raftsim.Action{Op: raftsim.ActAddMember, As: raftsim.AsLearner}
}

// addVoter adds a node as a voter at once (etcdctl member add without
// --learner).
func (d *drawer) addVoter(*raftsim.Snapshot) raftsim.Action {
	return raftsim.Action{Op: raftsim.ActAddMember, As: raftsim.AsVoter}
}

// promote promotes a learner, or adds one when there is none.
func (d *drawer) promote(snap *raftsim.Snapshot) raftsim.Action {
	var learners []uint64
	for _, n := range snap.Members() {
		if n.Member == raftsim.MemberLearner {
			learners = append(learners, n.ID)
		}
	}
	if len(learners) == 0 {
		return d.addLearner(snap)
	}
	return raftsim.Action{Op: raftsim.ActPromote, Node: d.pick(learners)}
}

// removeMember removes any member, the leader included, down to the last
// voter, which the core refuses to remove. The leader of the last two
// voters may go too: its last appends reach the survivor in order on the
// msgappv2 stream, so the survivor learns that the entry leaving joint
// consensus committed. Only a fault beyond TCP can take that one append
// away (loss, as in seed 3781): the leader, stepping down on its removal
// (raft's StepDownOnRemoval, which etcd leaves off), sends it no more, and
// the survivor stays in joint consensus needing the stopped node's vote.
func (d *drawer) removeMember(snap *raftsim.Snapshot) raftsim.Action {
	ids := memberIDs(snap)
	if len(ids) == 0 {
		return d.addVoter(snap)
	}
	return raftsim.Action{Op: raftsim.ActRemoveMember, Node: d.pick(ids)}
}

// replace removes a crashed member and has a voter added in its place at the
// next turn; with none down it removes any member.
func (d *drawer) replace(snap *raftsim.Snapshot) raftsim.Action {
	var down []uint64
	for _, n := range snap.Members() {
		if !n.Up {
			down = append(down, n.ID)
		}
	}
	if len(down) == 0 {
		return d.removeMember(snap)
	}
	d.replacing = true
	return raftsim.Action{Op: raftsim.ActRemoveMember, Node: d.pick(down)}
}

// memberChanges counts the membership changes in an action log: those the
// core took, as refused actions are not logged.
func memberChanges(log []raftsim.ActionRecord) int {
	n := 0
	for _, r := range log {
		switch r.Op {
		case raftsim.ActAddMember, raftsim.ActPromote, raftsim.ActRemoveMember:
			n++
		}
	}
	return n
}
