package raftsim

import (
	"strings"
	"testing"
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
