package raftsim

import "fmt"

// ChangeMembers makes a membership change (add-member, promote or
// remove-member) for the App, checked and refused as Do checks it, in etcd's
// single step whatever the run's conf_change, without logging it: etcdctl's
// member commands in the console make changes so, and
// the console's own action is the one the log holds, so a replay makes them
// again.
func (s *Sim) ChangeMembers(a *Action) error {
	switch a.Op {
	case ActAddMember:
		return s.addMember(a, false)
	case ActPromote:
		return s.promote(a.Node, false)
	case ActRemoveMember:
		return s.removeMember(a.Node, false)
	}
	return fmt.Errorf("%s is not a membership change", a.Op)
}

// Members are the nodes the configuration in force holds, voters and
// learners, in ID order: not those removed, nor those added whose change is
// not in force yet.
func (s *Snapshot) Members() []NodeView {
	var ms []NodeView
	for _, n := range s.Nodes {
		if n.Member == MemberVoter || n.Member == MemberLearner {
			ms = append(ms, n)
		}
	}
	return ms
}
