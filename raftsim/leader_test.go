package raftsim

import (
	"testing"

	"go.etcd.io/raft/v3"
)

// When election safety breaks, two nodes lead one term; the snapshot and the
// actions must still name the same one, and a stale leader of an older term
// never wins over the current one.
func TestLeaderRule(t *testing.T) {
	lead := func(id, term uint64) NodeView { return NodeView{ID: id, Up: true, Role: RoleLeader, Term: term} }
	for _, c := range []struct {
		name  string
		nodes []NodeView
		want  uint64
	}{
		{"none", []NodeView{{ID: 1, Up: true, Role: RoleFollower}}, 0},
		{"down leaders do not count", []NodeView{{ID: 1, Role: RoleLeader, Term: 9}, lead(2, 3)}, 2},
		{"highest term wins", []NodeView{lead(1, 4), lead(2, 3)}, 1},
		{"two leaders of one term: the lower ID", []NodeView{lead(2, 5), lead(4, 5)}, 2},
	} {
		snap := &Snapshot{Nodes: c.nodes}
		if got := snap.Leader(); got != c.want {
			t.Errorf("%s: snapshot leader %d, want %d", c.name, got, c.want)
		}
		s := &Sim{}
		for _, v := range c.nodes {
			n := &node{id: v.ID, role: v.Role, term: v.Term}
			if v.Up {
				n.rn = new(raft.RawNode)
			}
			s.nodes = append(s.nodes, n)
		}
		got := uint64(0)
		if l := s.leader(); l != nil {
			got = l.id
		}
		if got != c.want {
			t.Errorf("%s: the actions' leader %d, want %d", c.name, got, c.want)
		}
	}
}
