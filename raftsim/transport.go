package raftsim

import (
	"fmt"

	pb "go.etcd.io/raft/v3/raftpb"
	"google.golang.org/protobuf/proto"
)

// send puts a message from n on the wire, on the way rafthttp picks for it
// (rafthttp.go), with a seeded latency. On a stream it arrives no earlier
// than the message before it on that stream; a snapshot takes longer the
// more bytes it carries.
func (s *Sim) send(n *node, m *pb.Message) {
	s.mergeSnapshot(n, m)
	from, to := m.GetFrom(), m.GetTo()
	now := s.clock.now
	l := s.net.link(from, to)
	st := l.pick(m.GetType(), now)
	f := &flight{msg: m, sentMs: now, stream: st, link: l, held: s.manual}
	var latency int64
	if !f.held {
		latency = s.latency()
	}
	if st != StreamPipeline && l.queued[slot(st)] >= streamBufSize {
		f.deliverMs = now
		s.streamFull(f)
		return
	}
	if !f.held {
		s.setDelivery(f, latency)
		if p := s.net.lossRate(from, to); p > 0 {
			f.lost = s.rng.Float64() < p
		}
	}
	s.net.add(f)
	if !f.held {
		s.clock.schedule(timer{at: f.deliverMs, kind: timerDeliver, id: f.id})
	}
	s.emit(messageEvent(EvSent, from, f))
}

// latency draws a message's one-way latency.
func (s *Sim) latency() int64 {
	return s.cfg.LatencyMinMs + s.rng.Int64N(s.cfg.LatencyMaxMs-s.cfg.LatencyMinMs+1)
}

// setDelivery sets when message f arrives, latency from now: on a stream no
// earlier than the message before it, on the pipeline later by a snapshot's
// bytes.
func (s *Sim) setDelivery(f *flight, latency int64) {
	deliver := s.clock.now + latency
	if f.stream == StreamPipeline {
		deliver += s.snapshotMs(f.msg)
	} else {
		k := slot(f.stream)
		deliver = max(deliver, f.link.lastMs[k])
		f.link.lastMs[k] = deliver
	}
	f.deliverMs = deliver
}

// release sends a message held in manual mode on its way, now that the
// clock runs again.
func (s *Sim) release(f *flight) {
	f.held = false
	s.setDelivery(f, s.latency())
	s.clock.schedule(timer{at: f.deliverMs, kind: timerDeliver, id: f.id})
}

// streamFull refuses a message whose stream holds streamBufSize already, as
// peer.go's send does: the message is dropped and raft hears that the peer
// is unreachable.
func (s *Sim) streamFull(f *flight) {
	s.net.add(f)
	s.emit(messageEvent(EvSent, f.msg.GetFrom(), f))
	s.dropped(s.net.take(f.id), DropStreamFull)
	s.reportUnreachable(f.msg.GetFrom(), f.msg.GetTo())
}

// deliver hands a message to its receiver, unless the network or the
// receiver's state kills it on arrival. A message the partition or a down
// receiver stops is a post (or a stream write) that failed: its sender
// hears that the peer is unreachable.
func (s *Sim) deliver(id uint64) {
	if f := s.net.take(id); f != nil {
		s.deliverFlight(f)
	}
	// Otherwise dropped by the user, lost with its stream, or delivered by
	// hand while in flight.
}

// deliverFlight hands message f, taken off the network, to its receiver.
func (s *Sim) deliverFlight(f *flight) {
	from, to := f.msg.GetFrom(), f.msg.GetTo()
	dst := s.node(to)
	switch {
	case f.lost:
		s.dropped(f, DropLost)
	case s.net.cut(from, to):
		s.dropped(f, DropPartition)
		s.reportUnreachable(from, to)
	case !dst.up():
		s.dropped(f, DropNodeDown)
		s.reportUnreachable(from, to)
	case dst.paused:
		dst.pausedWork.arrivals = append(dst.pausedWork.arrivals, arrival{f: f})
	default:
		s.arrive(f, dst)
	}
}

// arrive hands message f to its receiver dst's raft.
func (s *Sim) arrive(f *flight, dst *node) {
	s.emit(messageEvent(EvDelivered, dst.id, f))
	m := f.msg
	if m.GetType() == pb.MsgProp {
		// A follower forwards a proposal by rewriting the message it was
		// given; step a copy so the message the views saw stays as sent.
		m = proto.Clone(m).(*pb.Message)
	}
	s.observeVote(m)
	dst.step(m)
	s.reportSnapshot(f.msg, true)
}

// dropMessage removes a message in flight at the user's request.
func (s *Sim) dropMessage(id uint64) error {
	f := s.net.take(id)
	if f == nil {
		return fmt.Errorf("message %d is not in flight", id)
	}
	s.dropped(f, DropByUser)
	return nil
}

func (s *Sim) dropped(f *flight, reason DropReason) {
	e := messageEvent(EvDropped, f.msg.GetFrom(), f)
	e.Reason = reason
	s.emit(e)
	if !s.bare {
		// raft's scripts drop a snapshot without telling its sender, as
		// rafttest's network does; rafthttp reports the failure.
		s.reportSnapshot(f.msg, false)
	}
}

// describe is a one-line account of a message, like raft.DescribeMessage but
// short enough for an event log: "#41 n1→n3 MsgApp term 2 index 11 (1 entry: much) commit 10".
// name says what each node is called.
func describe(f *flight, name func(uint64) string) string {
	m := f.msg
	s := fmt.Sprintf("#%d %s→%s %s term %d", f.id, name(m.GetFrom()), name(m.GetTo()), m.GetType(), m.GetTerm())
	switch m.GetType() {
	case pb.MsgApp:
		s += fmt.Sprintf(" index %d logterm %d", m.GetIndex(), m.GetLogTerm())
		if k := len(m.GetEntries()); k > 0 {
			s += fmt.Sprintf(" (%d entries: %s)", k, entryLabels(m.GetEntries()))
		}
		s += fmt.Sprintf(" commit %d", m.GetCommit())
	case pb.MsgAppResp:
		s += fmt.Sprintf(" index %d", m.GetIndex())
		if m.GetReject() {
			s += fmt.Sprintf(" rejected (hint %d)", m.GetRejectHint())
		}
	case pb.MsgHeartbeat:
		s += fmt.Sprintf(" commit %d", m.GetCommit())
	case pb.MsgVote, pb.MsgPreVote:
		s += fmt.Sprintf(" last index %d logterm %d", m.GetIndex(), m.GetLogTerm())
	case pb.MsgVoteResp, pb.MsgPreVoteResp:
		if m.GetReject() {
			s += " rejected"
		} else {
			s += " granted"
		}
	case pb.MsgProp:
		s += fmt.Sprintf(" (%s)", entryLabels(m.GetEntries()))
	case pb.MsgSnap:
		md := m.GetSnapshot().GetMetadata()
		s += fmt.Sprintf(" snapshot index %d term %d (%d bytes)", md.GetIndex(), md.GetTerm(), len(m.GetSnapshot().GetData()))
	}
	return s
}

func entryLabels(ents []*pb.Entry) string {
	const most = 3
	s := ""
	for i, e := range ents {
		if i == most {
			return s + fmt.Sprintf(", … %d more", len(ents)-most)
		}
		if i > 0 {
			s += ", "
		}
		s += entryLabel(e)
	}
	return s
}
