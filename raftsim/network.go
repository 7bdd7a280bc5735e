package raftsim

import (
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
}

// maxNodes bounds node IDs so per-link tables can be plain arrays.
const maxNodes = 9

// network holds every message in flight, the partition and per-link loss.
type network struct {
	nextID   uint64
	inflight []*flight // ordered by id: messages are appended as they are sent
	// group[id] is the partition group of node id; nodes in different groups
	// cannot reach each other. All zero when the network is whole.
	group  [maxNodes + 1]int
	groups [][]uint64
	// loss[from][to] is the probability that a message on that link is lost.
	loss [maxNodes + 1][maxNodes + 1]float64
}

func (n *network) add(f *flight) {
	n.nextID++
	f.id = n.nextID
	n.inflight = append(n.inflight, f)
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
	return f
}

// cut reports whether the partition separates a and b.
func (n *network) cut(a, b uint64) bool {
	return n.group[a] != n.group[b]
}

// partition checks that groups cover each of the nodes 1..size exactly once
// and makes them the partition.
func (n *network) partition(groups [][]uint64, size int) error {
	if len(groups) < 2 {
		return fmt.Errorf("partition needs at least two groups, got %d", len(groups))
	}
	var seen [maxNodes + 1]bool
	var group [maxNodes + 1]int
	for gi, g := range groups {
		if len(g) == 0 {
			return fmt.Errorf("partition: group %d is empty", gi+1)
		}
		for _, id := range g {
			if id < 1 || id > uint64(size) {
				return fmt.Errorf("partition: unknown node %d (nodes are 1 to %d)", id, size)
			}
			if seen[id] {
				return fmt.Errorf("partition: node %d appears twice", id)
			}
			seen[id] = true
			group[id] = gi + 1
		}
	}
	var missing []uint64
	for id := uint64(1); id <= uint64(size); id++ {
		if !seen[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("partition: nodes %v are in no group; every node must be in exactly one", missing)
	}
	n.group = group
	n.groups = make([][]uint64, len(groups))
	for i, g := range groups {
		n.groups[i] = slices.Sorted(slices.Values(g))
	}
	return nil
}

func (n *network) heal() {
	n.group = [maxNodes + 1]int{}
	n.groups = nil
}

// isResponse tells answers from requests, for display.
func isResponse(t pb.MessageType) bool {
	switch t {
	case pb.MsgAppResp, pb.MsgHeartbeatResp, pb.MsgVoteResp, pb.MsgPreVoteResp, pb.MsgReadIndexResp:
		return true
	}
	return false
}
