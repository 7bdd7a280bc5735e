package raftsim

import (
	"strings"
	"testing"

	"go.etcd.io/raft/v3"
)

// The network's tables are keyed by node ID, so a cluster whose IDs have
// gaps (node 1 removed, node 6 added) partitions and loses messages right.
func TestNetworkTablesTakeAnyNodeIDs(t *testing.T) {
	ids := []uint64{2, 3, 6}
	var n network
	if err := n.partition([][]uint64{{6}, {2, 3}}, ids); err != nil {
		t.Fatal(err)
	}
	if !n.cut(2, 6) || n.cut(2, 3) || !n.cut(6, 3) {
		t.Errorf("partition {6} {2,3}: cut(2,6)=%v cut(2,3)=%v cut(6,3)=%v", n.cut(2, 6), n.cut(2, 3), n.cut(6, 3))
	}
	if err := n.partition([][]uint64{{1}, {2, 3, 6}}, ids); err == nil || !strings.Contains(err.Error(), "unknown node 1 (nodes are [2 3 6])") {
		t.Errorf("partition naming a removed node: %v", err)
	}
	if err := n.partition([][]uint64{{2}, {3}}, ids); err == nil || !strings.Contains(err.Error(), "[6] are in no group") {
		t.Errorf("partition leaving node 6 out: %v", err)
	}
	n.heal()
	if n.cut(2, 6) {
		t.Error("healed network still cuts 2 from 6")
	}
	n.setLoss(6, 2, 0.5)
	n.setLoss(2, 6, 1)
	if n.lossRate(6, 2) != 0.5 || n.lossRate(2, 6) != 1 || n.lossRate(3, 6) != 0 {
		t.Errorf("loss rates %v", n.loss)
	}
	n.setLoss(6, 2, 0)
	if len(n.loss) != 1 || n.lossRate(6, 2) != 0 {
		t.Errorf("a rate of 0 should remove the link: %v", n.loss)
	}
}

// A client retrying round the ring goes to the next running node by ID,
// also from a node that has left.
func TestNextUpFollowsIDOrder(t *testing.T) {
	s := &Sim{}
	for _, id := range []uint64{2, 3, 6, 7} {
		n := &node{id: id}
		if id != 3 {
			n.rn = new(raft.RawNode) // up
		}
		s.nodes = append(s.nodes, n)
	}
	for _, c := range []struct{ from, want uint64 }{{2, 6}, {6, 7}, {7, 2}, {1, 2}, {4, 6}, {9, 2}} {
		if got := s.nextUp(c.from); got != c.want {
			t.Errorf("nextUp(%d) = %d, want %d", c.from, got, c.want)
		}
	}
}
