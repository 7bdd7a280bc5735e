package raftsim

import (
	"testing"

	pb "go.etcd.io/raft/v3/raftpb"
	"google.golang.org/protobuf/proto"
)

// A stream that holds streamBufSize messages refuses the next one, as
// rafthttp's peer.send does: the message is dropped and the leader, told the
// follower is unreachable, probes it. Once the stream drains it carries
// messages again.
func TestAFullStreamDropsTheMessageAndReportsUnreachable(t *testing.T) {
	h := newHarness(t, 1)
	h.do(`{"op":"stress","on":true}`)
	lead := h.leader(2000)
	h.run(500)
	var follower uint64 = 1
	if lead.ID == 1 {
		follower = 2
	}
	state := func() string {
		for _, p := range h.sim.Snapshot().Node(lead.ID).Progress {
			if p.ID == follower {
				return p.State
			}
		}
		return ""
	}
	if st := state(); st != "replicate" {
		t.Fatalf("the leader's progress of n%d is %s before the stream fills, want replicate", follower, st)
	}
	var full []Event
	cancel := h.sim.OnEvent(func(e Event) {
		// The follower's answers may fill the stream back too: only the
		// leader's stream is counted.
		if e.Kind == EvDropped && e.Reason == DropStreamFull && e.From == lead.ID {
			full = append(full, e)
		}
	})
	defer cancel()
	n := h.sim.node(lead.ID)
	beat := func() {
		h.sim.send(n, &pb.Message{Type: pb.MsgHeartbeat.Enum(), From: proto.Uint64(lead.ID), To: proto.Uint64(follower), Term: proto.Uint64(lead.Term)})
	}
	for range streamBufSize - h.sim.net.link(lead.ID, follower).queued[slot(StreamMessage)] {
		beat()
	}
	if len(full) != 0 {
		t.Fatalf("%d messages dropped before the stream held %d", len(full), streamBufSize)
	}
	beat()
	if len(full) != 1 || full[0].Stream != StreamMessage || full[0].To != follower {
		t.Fatalf("the message past a full stream: %+v; want one dropped from the message stream, stream full", full)
	}
	if st := state(); st != "probe" {
		t.Errorf("after the stream was full the leader's progress of n%d is %s, want probe", follower, st)
	}
	h.run(100)
	beat()
	if len(full) != 1 {
		t.Errorf("the stream, drained, still refuses messages: %d dropped", len(full))
	}
	h.ok()
}
