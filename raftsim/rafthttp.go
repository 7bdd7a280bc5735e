package raftsim

import (
	"cmp"
	"slices"

	pb "go.etcd.io/raft/v3/raftpb"
)

// Messages travel as etcd's rafthttp carries them (etcd v3.7.3,
// etcdserver/api/rafthttp). Each member keeps, for every peer, two TCP
// streams and a pipeline of HTTP posts; peer.go's pick chooses the way of
// each message: MsgSnap on the pipeline (a snapshot may be large and would
// hold up a stream), MsgApp on the msgappv2 stream, every other message on
// the message stream, and any message on the pipeline while the streams are
// down. A stream is one TCP connection: it delivers in the order it was
// given its messages, so latency jitter delays the stream rather than one
// message past another. The pipeline's posts run side by side
// (connPerPipeline is 4), each with its own latency.
//
// A partition or a crash breaks the streams between the nodes it
// separates: what they held is lost, and the sender's raft hears
// ReportUnreachable (stream.go, streamWriter.closeUnlocked and a failed
// write), which moves a leader's progress of that peer to probe. A post on
// the pipeline that finds no one at the other end reports the same
// (pipeline.go, handle), and ReportSnapshot(SnapshotFailure) for a snapshot.
// Once the two ends can talk again, the streams come back when the
// receiver's stream reader next dials, which it does at most every
// DialRetryFrequency (transport.go: 100 ms, one tick of etcd's default
// --heartbeat-interval); raftplay waits one of its own ticks.

// Stream names the way a message takes between two nodes.
type Stream string

// The ways of rafthttp.
const (
	StreamMsgApp   Stream = "msgappv2" // the stream of MsgApp
	StreamMessage  Stream = "message"  // the stream of every other message but MsgSnap
	StreamPipeline Stream = "pipeline" // HTTP posts: MsgSnap, and anything while the streams are down
)

// streamBufSize is how many messages a stream holds (stream.go,
// streamBufSize); peer.go's send drops a message that finds its stream full
// and reports the peer unreachable.
const streamBufSize = 4096

// peerLink is what one node keeps for sending to one peer: its two streams.
type peerLink struct {
	from, to uint64
	// connected is set while both ends run and no partition separates them;
	// the streams carry messages from upAtMs on, once redialled.
	connected bool
	upAtMs    int64
	// queued counts, per stream (msgappv2, message), the messages sent on it
	// that have not arrived; lastMs is when its latest one arrives.
	queued [2]int
	lastMs [2]int64
}

// slot is the index of stream st in a peerLink's per-stream fields.
func slot(st Stream) int {
	if st == StreamMsgApp {
		return 0
	}
	return 1
}

// up reports whether the streams carry messages at time now.
func (l *peerLink) up(now int64) bool { return l.connected && now >= l.upAtMs }

// pick chooses the way of a message of type t at time now, as peer.go's pick
// does.
func (l *peerLink) pick(t pb.MessageType, now int64) Stream {
	switch {
	case t == pb.MsgSnap || !l.up(now):
		return StreamPipeline
	case t == pb.MsgApp:
		return StreamMsgApp
	}
	return StreamMessage
}

// link returns the link from -> to, made (not connected) if it is new.
func (n *network) link(from, to uint64) *peerLink {
	i, ok := slices.BinarySearchFunc(n.links, [2]uint64{from, to}, func(l *peerLink, k [2]uint64) int {
		return cmp.Or(cmp.Compare(l.from, k[0]), cmp.Compare(l.to, k[1]))
	})
	if ok {
		return n.links[i]
	}
	l := &peerLink{from: from, to: to}
	n.links = slices.Insert(n.links, i, l)
	return l
}

// linkStreams brings every pair of nodes' streams in line with who can talk
// now: it breaks the streams of the pairs a crash or a partition separates
// and redials those a restart or a heal joined again. Call it whenever a
// node starts or stops or the partition changes.
func (s *Sim) linkStreams() {
	for _, a := range s.nodes {
		for _, b := range s.nodes {
			if a == b {
				continue
			}
			l := s.net.link(a.id, b.id)
			ok := a.up() && b.up() && !s.net.cut(a.id, b.id)
			switch {
			case ok && !l.connected:
				l.connected, l.upAtMs = true, s.redialAt()
			case !ok && l.connected:
				l.connected = false
				reason := DropPartition
				if !a.up() || !b.up() {
					reason = DropNodeDown
				}
				s.breakStreams(l, reason)
			}
		}
	}
}

// redialAt is when streams joined now carry messages: a tick from now, or at
// once in manual mode, where the clock that would bring that tick is held.
func (s *Sim) redialAt() int64 {
	if s.manual {
		return s.clock.now
	}
	return s.clock.now + s.cfg.TickMs
}

// breakStreams loses what l's streams hold and tells the sender's raft that
// the peer is unreachable.
func (s *Sim) breakStreams(l *peerLink, reason DropReason) {
	var lost []*flight
	for _, f := range s.net.inflight {
		if f.link == l && f.stream != StreamPipeline {
			lost = append(lost, f)
		}
	}
	for _, f := range lost {
		s.dropped(s.net.take(f.id), reason)
	}
	s.reportUnreachable(l.from, l.to)
}

// reportUnreachable tells node from's raft that it could not reach to, as
// rafthttp does when a stream breaks or a post fails: a leader then probes
// that follower instead of streaming appends to it.
func (s *Sim) reportUnreachable(from, to uint64) {
	n := s.node(from)
	if n == nil || !n.up() {
		return
	}
	if n.paused {
		// The process learns of the broken stream when it runs again.
		n.pausedWork.arrivals = append(n.pausedWork.arrivals, arrival{unreachable: to})
		return
	}
	n.raftReportUnreachable(to)
	n.pump()
}

// raftReportUnreachable is RawNode.ReportUnreachable behind raftcall.go's
// guard.
func (n *node) raftReportUnreachable(id uint64) {
	n.enterRaft()
	defer n.leaveRaft()
	n.rn.ReportUnreachable(id)
}

// snapshotMs is how long a MsgSnap's bytes take at the configured bandwidth,
// on top of the latency.
func (s *Sim) snapshotMs(m *pb.Message) int64 {
	if s.cfg.SnapshotBytesPerMs == 0 {
		return 0
	}
	return int64(len(m.GetSnapshot().GetData())) / s.cfg.SnapshotBytesPerMs
}
