package raftsim

import pb "go.etcd.io/raft/v3/raftpb"

// A paused node (pause-node, resume-node) is a process that takes no CPU
// for a while without crashing, as in a long garbage-collection pause or
// after a SIGSTOP: its raft does not tick, it handles no Ready, and what
// arrives for it waits in its socket buffers. Its memory and its disk stay
// as they were; a sync the disk was doing completes, but the process learns
// of it only when it runs again. On resume it goes on where it was: the
// finished sync first, then what arrived, in the order it arrived, then its
// clock ticks again.

// pausedWork is what came due for a paused node's process.
type pausedWork struct {
	// tick is set when a tick fell due: the ticker's chain broke, and
	// starts again on resume.
	tick bool
	// synced is set when the disk finished the pending Ready's sync.
	synced bool
	// arrivals are the messages that reached the node, and the transport's
	// reports on snapshots it sent, in arrival order.
	arrivals []arrival
}

// arrival is a message for a paused node, a report on a snapshot it sent,
// or a broken stream to a peer (unreachable names the peer).
type arrival struct {
	f *flight
	// snapReport is the MsgSnap the report is on, and delivered its fate.
	snapReport  *pb.Message
	delivered   bool
	unreachable uint64
}

// running reports whether the node's process runs: up and not paused.
func (n *node) running() bool { return n.up() && !n.paused }

// pause stops the node's process where it is.
func (n *node) pause() { n.paused = true }

// resume runs the node's process again: it handles what came due while it
// was paused, and its clock ticks again.
func (n *node) resume() {
	n.paused = false
	w := n.pausedWork
	n.pausedWork = pausedWork{}
	if w.synced && n.syncing != nil {
		n.synced()
	}
	for _, a := range w.arrivals {
		if !n.up() {
			// Stopped by what it handled (its own removal applied): the
			// rest dies with the process.
			n.dropArrival(a)
			continue
		}
		switch {
		case a.f != nil:
			n.sim.arrive(a.f, n)
		case a.snapReport != nil:
			n.sim.reportSnapshot(a.snapReport, a.delivered)
		default:
			n.sim.reportUnreachable(n.id, a.unreachable)
		}
	}
	if w.tick && n.up() {
		n.sim.scheduleTick(n)
	}
	n.pump()
}

// dropPausedWork forgets what waited for a paused node that crashed: its
// messages are lost with the process.
func (n *node) dropPausedWork() {
	for _, a := range n.pausedWork.arrivals {
		n.dropArrival(a)
	}
	n.paused, n.pausedWork = false, pausedWork{}
}

func (n *node) dropArrival(a arrival) {
	if a.f != nil {
		n.sim.dropped(a.f, DropNodeDown)
	}
}

// waitingMessages counts the messages waiting for a paused node.
func (n *node) waitingMessages() int {
	c := 0
	for _, a := range n.pausedWork.arrivals {
		if a.f != nil {
			c++
		}
	}
	return c
}
