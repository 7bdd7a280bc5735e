package raftsim

import (
	"cmp"
	"fmt"
	"slices"

	pb "go.etcd.io/raft/v3/raftpb"
)

// flight is one message in the network: sent at sentMs, due at deliverMs.
type flight struct {
	id        uint64
	msg       *pb.Message
	sentMs    int64
	deliverMs int64
	// lost is drawn when the message is sent, from the link's loss rate; the
	// message still flies and dies where the receiver would have got it.
	lost bool
	// stream is the way it travels, over link (rafthttp.go).
	stream Stream
	link   *peerLink
	// held is set for a message sent in manual mode: it has no delivery
	// time and waits to be delivered by hand (manual.go).
	held bool
	// overtook is the message sent before it on its stream that it was
	// delivered ahead of, by hand; copyOf the message it duplicates.
	overtook, copyOf uint64
}

// network holds every message in flight, the partition and per-link loss.
// Its tables are keyed by node ID and kept sorted, so they hold any IDs
// (membership adds nodes with new ones) and are walked in one order.
type network struct {
	nextID   uint64
	inflight []*flight // ordered by id: messages are appended as they are sent
	// groupOf gives each partitioned node its group (from 1), by node ID; a
	// node missing from it is in group 0. Empty when the network is whole.
	groupOf []nodeGroup
	groups  [][]uint64
	// loss lists the links that lose messages, ordered by (from, to).
	loss []linkLoss
	// links are the streams between each ordered pair of nodes, ordered by
	// (from, to).
	links []*peerLink
}

// nodeGroup is a node's partition group.
type nodeGroup struct {
	id    uint64
	group int
}

// linkLoss is the probability that a message on the link from -> to is lost.
type linkLoss struct {
	from, to uint64
	rate     float64
}

func (n *network) add(f *flight) {
	n.nextID++
	f.id = n.nextID
	n.inflight = append(n.inflight, f)
	if f.stream != StreamPipeline {
		f.link.queued[slot(f.stream)]++
	}
}

// find returns the message in flight with the given id.
func (n *network) find(id uint64) (*flight, int) {
	i, ok := slices.BinarySearchFunc(n.inflight, id, func(f *flight, id uint64) int {
		switch {
		case f.id < id:
			return -1
		case f.id > id:
			return 1
		}
		return 0
	})
	if !ok {
		return nil, -1
	}
	return n.inflight[i], i
}

// take removes the message with the given id from the network.
func (n *network) take(id uint64) *flight {
	f, i := n.find(id)
	if f == nil {
		return nil
	}
	n.inflight = slices.Delete(n.inflight, i, i+1)
	if f.stream != StreamPipeline {
		f.link.queued[slot(f.stream)]--
	}
	return f
}

// cut reports whether the partition separates a and b.
func (n *network) cut(a, b uint64) bool {
	return n.group(a) != n.group(b)
}

// group returns the partition group of node id; 0 when it is in none.
func (n *network) group(id uint64) int {
	i, ok := slices.BinarySearchFunc(n.groupOf, id, func(g nodeGroup, id uint64) int { return cmp.Compare(g.id, id) })
	if !ok {
		return 0
	}
	return n.groupOf[i].group
}

// partition checks that groups cover each of the nodes ids exactly once and
// makes them the partition.
func (n *network) partition(groups [][]uint64, ids []uint64) error {
	if len(groups) < 2 {
		return fmt.Errorf("partition needs at least two groups, got %d", len(groups))
	}
	var groupOf []nodeGroup
	for gi, g := range groups {
		if len(g) == 0 {
			return fmt.Errorf("partition: group %d is empty", gi+1)
		}
		for _, id := range g {
			if !slices.Contains(ids, id) {
				return fmt.Errorf("partition: unknown node %d (%s)", id, DescribeNodeIDs(ids))
			}
			if slices.ContainsFunc(groupOf, func(g nodeGroup) bool { return g.id == id }) {
				return fmt.Errorf("partition: node %d appears twice", id)
			}
			groupOf = append(groupOf, nodeGroup{id, gi + 1})
		}
	}
	var missing []uint64
	for _, id := range ids {
		if !slices.ContainsFunc(groupOf, func(g nodeGroup) bool { return g.id == id }) {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("partition: nodes %v are in no group; every node must be in exactly one", missing)
	}
	slices.SortFunc(groupOf, func(a, b nodeGroup) int { return cmp.Compare(a.id, b.id) })
	n.groupOf = groupOf
	n.groups = make([][]uint64, len(groups))
	for i, g := range groups {
		n.groups[i] = slices.Sorted(slices.Values(g))
	}
	return nil
}

// join puts node id, new to the cluster, in the partition's group (from 1;
// 0 leaves it outside any).
func (n *network) join(id uint64, group int) {
	if group == 0 {
		return
	}
	i, _ := slices.BinarySearchFunc(n.groupOf, id, func(g nodeGroup, id uint64) int { return cmp.Compare(g.id, id) })
	n.groupOf = slices.Insert(n.groupOf, i, nodeGroup{id, group})
	n.groups[group-1] = append(n.groups[group-1], id)
}

func (n *network) heal() {
	n.groupOf = nil
	n.groups = nil
}

// lossRate is the probability that a message from -> to is lost.
func (n *network) lossRate(from, to uint64) float64 {
	if len(n.loss) == 0 {
		return 0
	}
	i, ok := n.findLoss(from, to)
	if !ok {
		return 0
	}
	return n.loss[i].rate
}

// setLoss sets the loss rate of the link from -> to; 0 removes it.
func (n *network) setLoss(from, to uint64, rate float64) {
	i, ok := n.findLoss(from, to)
	switch {
	case ok && rate == 0:
		n.loss = slices.Delete(n.loss, i, i+1)
	case ok:
		n.loss[i].rate = rate
	case rate != 0:
		n.loss = slices.Insert(n.loss, i, linkLoss{from, to, rate})
	}
}

func (n *network) findLoss(from, to uint64) (int, bool) {
	return slices.BinarySearchFunc(n.loss, linkLoss{from: from, to: to}, func(a, b linkLoss) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to))
	})
}

// DescribeNodeIDs names the nodes there are, for messages: "nodes are 1 to
// 5", or their list when IDs have gaps.
func DescribeNodeIDs(ids []uint64) string {
	if len(ids) > 0 && ids[len(ids)-1]-ids[0] == uint64(len(ids)-1) {
		return fmt.Sprintf("nodes are %d to %d", ids[0], ids[len(ids)-1])
	}
	return fmt.Sprintf("nodes are %v", ids)
}
