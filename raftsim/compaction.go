package raftsim

import (
	"fmt"
	"slices"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// Snapshots and log compaction, as etcd's server does them: every
// SnapshotCount applied entries a node saves its state machine in a raft
// snapshot and compacts its log, keeping SnapshotCatchUpEntries entries
// before the snapshot so that a follower a little behind still catches up
// from the log. A follower further behind gets a MsgSnap carrying the
// leader's whole state as it stands (mergedsnap.go); a restarted node starts
// from its snapshot and replays the tail.

// maybeSnapshot snapshots the state machine and compacts the log once enough
// entries were applied since the last snapshot (etcd's triggerSnapshot). A
// configuration change is no reason to: a member added after a compaction
// gets the merged snapshot a MsgSnap carries (mergedsnap.go), which names it.
func (n *node) maybeSnapshot() {
	count := uint64(n.sim.cfg.SnapshotCount)
	if count == 0 || n.applied-n.snapIndex < count {
		return
	}
	snap, err := n.disk.CreateSnapshot(n.applied, n.confState, n.stateSnapshot())
	if err != nil {
		n.sim.halt(n, "snapshot failed: "+err.Error())
		return
	}
	keep := uint64(n.sim.cfg.SnapshotCatchUpEntries)
	compactTo := uint64(0)
	if n.applied > keep {
		compactTo = n.applied - keep
	}
	text := fmt.Sprintf("%s saved a snapshot at index %d (%d bytes)", n.sim.name(n.id), n.applied, len(snap.GetData()))
	if first, _ := n.disk.FirstIndex(); compactTo >= first {
		if err := n.disk.Compact(compactTo); err != nil {
			n.sim.halt(n, "compaction failed: "+err.Error())
			return
		}
		text += fmt.Sprintf(" and compacted its log up to index %d", compactTo)
	}
	n.disk.saved(snap, compactTo)
	n.snapIndex, n.snapTerm = n.applied, snap.GetMetadata().GetTerm()
	n.sim.checker.forget(n.sim.firstIndexFloor())
	n.sim.emit(Event{Kind: EvSnapshot, Node: n.id, Index: n.applied, Term: snap.GetMetadata().GetTerm(), Text: text})
}

// firstIndexFloor is the lowest first index of any node's log, on what the
// node sees and on a lying disk's durable image alike: below it, no log holds
// an entry any more.
func (s *Sim) firstIndexFloor() uint64 {
	floor := ^uint64(0)
	for _, n := range s.nodes {
		if n.removed {
			continue // its disk is never written again
		}
		first, _ := n.disk.FirstIndex()
		floor = min(floor, first)
		if n.disk.durable != nil {
			first, _ = n.disk.durable.FirstIndex()
			floor = min(floor, first)
		}
	}
	return floor
}

// readSnapshotMeta learns the index and term of the snapshot the node's
// disk holds (0 for none). It is kept in the node, not read each time: the
// storage hands out a copy of the snapshot, data and all, on every read.
func (n *node) readSnapshotMeta() {
	n.snapIndex, n.snapTerm = 0, 0
	if snap, err := n.disk.Snapshot(); err == nil {
		n.snapIndex, n.snapTerm = snap.GetMetadata().GetIndex(), snap.GetMetadata().GetTerm()
	}
}

// restore rebuilds the state machine from a snapshot: the one on disk when
// the node starts, or one the leader sent. It reports false when the
// snapshot's data cannot be read; the node is then halted.
func (n *node) restore(snap *pb.Snapshot) bool {
	n.confState, n.confIndex = snap.GetMetadata().GetConfState(), snap.GetMetadata().GetIndex()
	n.snapIndex, n.snapTerm = snap.GetMetadata().GetIndex(), snap.GetMetadata().GetTerm()
	if raft.IsEmptySnap(snap) || n.sim.bare {
		// A bare node's snapshots hold a script's bytes, not a key space.
		n.appended = slices.Clone(snap.GetData())
		n.freshState()
		n.applied = snap.GetMetadata().GetIndex()
		return true
	}
	if err := n.restoreState(snap.GetData()); err != nil {
		n.sim.halt(n, fmt.Sprintf("snapshot at index %d: %v", snap.GetMetadata().GetIndex(), err))
		return false
	}
	n.applied = snap.GetMetadata().GetIndex()
	n.sim.scheduleSync(n)
	n.sim.scheduleLeaseCheck(n)
	return true
}

// restoredFromLeader rebuilds the state machine from a snapshot a Ready
// brought, which the disk has just made durable.
func (n *node) restoredFromLeader(snap *pb.Snapshot) {
	if !n.restore(snap) {
		return
	}
	md := snap.GetMetadata()
	n.sim.emit(Event{Kind: EvRestore, Node: n.id, Index: md.GetIndex(), Term: md.GetTerm(),
		Text: fmt.Sprintf("%s rebuilt its state from the leader's snapshot at index %d term %d (%d bytes)",
			n.sim.name(n.id), md.GetIndex(), md.GetTerm(), len(snap.GetData()))})
}

// reportSnapshot tells the sender of a MsgSnap how its sending ended, as
// etcd's transport does: delivered, or lost on the way. raft then moves the
// follower's progress out of the snapshot state.
func (s *Sim) reportSnapshot(m *pb.Message, delivered bool) {
	if m.GetType() != pb.MsgSnap {
		return
	}
	n := s.node(m.GetFrom())
	if n == nil || !n.up() {
		return
	}
	if n.paused {
		n.pausedWork.arrivals = append(n.pausedWork.arrivals, arrival{snapReport: m, delivered: delivered})
		return
	}
	status := raft.SnapshotFailure
	if delivered {
		status = raft.SnapshotFinish
	}
	n.raftReportSnapshot(m.GetTo(), status)
	n.pump()
}
