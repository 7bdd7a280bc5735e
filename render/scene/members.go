package scene

import (
	"fmt"
	"slices"
	"strings"

	"raftplay/raftsim"
)

// MemberIDs lists the nodes the ring places, in ID order: the cluster's
// members, voters and learners; a node removed from the cluster has left
// the ring (its departure is drawn for a moment, see Departures).
func MemberIDs(snap *raftsim.Snapshot) []uint64 {
	ids := make([]uint64, 0, len(snap.Nodes))
	for i := range snap.Nodes {
		if snap.Nodes[i].Member != raftsim.MemberRemoved {
			ids = append(ids, snap.Nodes[i].ID)
		}
	}
	return ids
}

// IsVoter reports whether node n votes in the configuration in force (in
// joint consensus, in either of its voter sets): it is not a learner, nor
// joining, nor removed.
func IsVoter(n *raftsim.NodeView) bool {
	return !IsLearner(n) && n.Member != raftsim.MemberJoining && n.Member != raftsim.MemberRemoved
}

// IsLearner reports whether node n is a learner: it receives the log and
// does not vote, so the picture draws it apart from the voters.
func IsLearner(n *raftsim.NodeView) bool { return n.Member == raftsim.MemberLearner }

// Joint is the configuration in force while the cluster is in joint
// consensus: decisions need a quorum of the old voters and one of the new.
type Joint struct {
	Old, New []uint64
	// Learners are the learners of the joint configuration, and those
	// that become learners when it is left.
	Learners []uint64
}

// JointOf returns the joint configuration in force in snap; false when the
// cluster is not in joint consensus.
func JointOf(snap *raftsim.Snapshot) (Joint, bool) {
	m := &snap.Membership
	if len(m.VotersOutgoing) == 0 {
		return Joint{}, false
	}
	learners := append(slices.Clone(m.Learners), m.LearnersNext...)
	slices.Sort(learners)
	return Joint{Old: m.VotersOutgoing, New: m.Voters, Learners: slices.Compact(learners)}, true
}

// VoterMark is what the joint configuration says of one node.
type VoterMark int

// The marks: in both voter sets (or none), only in the new, only in the old.
const (
	VoterStays VoterMark = iota
	VoterJoins
	VoterLeaves
)

// Mark returns whether node id joins or leaves the voters as the joint
// configuration is left.
func (j Joint) Mark(id uint64) VoterMark {
	inOld, inNew := slices.Contains(j.Old, id), slices.Contains(j.New, id)
	switch {
	case inNew && !inOld:
		return VoterJoins
	case inOld && !inNew:
		return VoterLeaves
	}
	return VoterStays
}

// Lines describe the joint configuration in two lines, its title and the
// change: "joint consensus", "old {n1,n2,n3} → new {n1,n2,n3,n4}", with the
// learners after the change when there are any.
func (j Joint) Lines(name func(uint64) string) (title, change string) {
	change = "old " + nameSet(j.Old, name) + " → new " + nameSet(j.New, name)
	if len(j.Learners) > 0 {
		change += " · learners " + nameSet(j.Learners, name)
	}
	return "joint consensus", change
}

// nameSet writes ids as a set of names: "{n1,n2,n3}".
func nameSet(ids []uint64, name func(uint64) string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(name(id))
	}
	b.WriteByte('}')
	return b.String()
}

// MembershipLine sums up the configuration in force for the members menu:
// "5 voters, 1 learner".
func MembershipLine(snap *raftsim.Snapshot) string {
	m := &snap.Membership
	s := plural(len(m.Voters), "voter")
	if len(m.Learners) > 0 {
		s += ", " + plural(len(m.Learners), "learner")
	}
	return s
}

// plural writes a count of things: "1 voter", "5 voters".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// MaxMembers is how many members a cluster may have, voters and learners
// (the simulator refuses more).
const MaxMembers = 9

// JointCaption returns the caption to show, and the configuration it
// describes, while the cluster is in joint consensus.
func (s *Scene) JointCaption() (JointBox, Joint, bool) {
	if s.Snap == nil {
		return JointBox{}, Joint{}, false
	}
	j, ok := JointOf(s.Snap)
	if !ok {
		return JointBox{}, Joint{}, false
	}
	return s.Layout.JointBox(j, s.Snap.NodeName, s.frame.measure), j, true
}
