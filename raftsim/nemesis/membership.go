package nemesis

import (
	"raftplay/raftsim"
)

// Membership changes are in the fault mix, as an operator makes them with
// etcdctl member: a learner added, a learner promoted, a member removed (the
// leader too), a voter added, and a crashed member replaced (removed, and a
// new voter added in its place once the removal is in force); their actions
// register how (raftsim's act_addmember.go, act_promote.go,
// act_removemember.go). The core refuses what etcd refuses (no leader, a
// change in progress, a learner not caught up, too few started voters); a
// refused change changes nothing.

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
