package raftsim

import (
	"fmt"
	"strings"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
	"google.golang.org/protobuf/proto"
)

// Manual mode makes the user the scheduler, as the visual debuggers of
// distributed-systems courses do: the virtual clock is held, so no tick
// fires, no disk finishes a sync and no message arrives by itself. Every
// message waits on its link, in the order it was sent, until it is
// delivered, dropped or duplicated by hand; a node's raft clock moves only
// when it is ticked by hand, and its Ready is handled only when it is handed
// over. Leaving manual mode gives the run back to the clock, which goes on
// from the time it was held at: what was sent meanwhile draws its latency
// then, and every node takes the Ready raft has for it.
//
// This is how raft's own interaction tests drive it (rafttest's
// InteractionEnv: deliver-msgs, tick-election, process-ready), and it lets a
// student try any order of deliveries and see that raft stays safe.

// maxManualTicks bounds one tick action, so a typo cannot spin for long.
const maxManualTicks = 1000

// TickUntil names the raft timer a tick action runs a node's clock up to.
type TickUntil string

// The timers a tick action can run up to.
const (
	UntilElection  TickUntil = "election"  // the node's election timeout (a leader's check-quorum)
	UntilHeartbeat TickUntil = "heartbeat" // a leader's heartbeat timeout
)

// setManual holds the clock (on) or gives the run back to it (off).
func (s *Sim) setManual(on bool) error {
	switch {
	case on && s.manual:
		return fmt.Errorf("manual: manual mode is already on")
	case !on && !s.manual:
		return fmt.Errorf("manual: manual mode is already off")
	}
	s.manual = on
	if on {
		// Streams waiting to be redialled are up: the tick they wait for
		// would never come.
		for _, l := range s.net.links {
			if l.connected {
				l.upAtMs = min(l.upAtMs, s.clock.now)
			}
		}
		return nil
	}
	// What was sent meanwhile leaves now, each stream still in send order.
	for _, f := range s.net.inflight {
		if f.held {
			s.release(f)
		}
	}
	for _, n := range s.nodes {
		n.pump()
	}
	return nil
}

// needManual refuses an action that only manual mode has.
func (s *Sim) needManual(op ActionOp) error {
	if !s.manual {
		return fmt.Errorf(`%s: only in manual mode ({"op":"manual","on":true}), where the clock and the network are held`, op)
	}
	return nil
}

// deliverByHand hands a waiting message to its receiver now. On a stream,
// a message may go ahead of one sent before it, which rafthttp's TCP stream
// never does: the event says so.
func (s *Sim) deliverByHand(id uint64) error {
	f, _ := s.net.find(id)
	if f == nil {
		return fmt.Errorf("deliver: message %d is not in flight", id)
	}
	if f.stream != StreamPipeline {
		for _, g := range s.net.inflight {
			if g.id >= f.id {
				break
			}
			if g.link == f.link && g.stream == f.stream {
				f.overtook = g.id
				break
			}
		}
	}
	s.deliverFlight(s.net.take(id))
	return nil
}

// deliverAllTo delivers every message waiting for node to, oldest first.
func (s *Sim) deliverAllTo(to uint64) error {
	if s.node(to) == nil {
		return fmt.Errorf("deliver: unknown node %d (%s)", to, DescribeNodeIDs(s.nodeIDs()))
	}
	var ids []uint64
	for _, f := range s.net.inflight {
		if f.msg.GetTo() == to {
			ids = append(ids, f.id)
		}
	}
	if len(ids) == 0 {
		return fmt.Errorf("deliver: no message waits for %s", s.name(to))
	}
	for _, id := range ids {
		// A delivery can break streams (a node removed by what it applied),
		// taking later messages with it.
		if f, _ := s.net.find(id); f != nil {
			s.deliverFlight(s.net.take(id))
		}
	}
	return nil
}

// duplicate puts a second copy of a waiting message on its link, behind
// the messages there: a fault beyond what TCP does.
func (s *Sim) duplicate(id uint64) error {
	f, _ := s.net.find(id)
	if f == nil {
		return fmt.Errorf("duplicate: message %d is not in flight", id)
	}
	c := &flight{msg: proto.Clone(f.msg).(*pb.Message), sentMs: s.clock.now, held: true, stream: f.stream, link: f.link, copyOf: f.id}
	s.net.add(c)
	s.emit(messageEvent(EvSent, c.msg.GetFrom(), c))
	return nil
}

// tickByHand runs n ticks of a node's raft clock, or, for until, as many
// as its timer needs to fire.
func (s *Sim) tickByHand(n *node, ticks int, until TickUntil) error {
	if until != "" {
		t, leader := readRaftTimers(n.rn), n.raftStatus().RaftState == raft.StateLeader
		switch {
		case until == UntilHeartbeat && !leader:
			return fmt.Errorf("tick: %s is no leader; only a leader has a heartbeat timer", s.name(n.id))
		case until == UntilHeartbeat:
			ticks = t.heartbeatTimeout - t.heartbeatElapsed
		case leader:
			ticks = t.electionTimeout - t.electionElapsed
		default:
			ticks = t.randomizedElectionTimeout - t.electionElapsed
		}
		ticks = max(ticks, 1)
	}
	for range ticks {
		if n.up() {
			n.tick()
		}
	}
	return nil
}

// handReady takes the node's Ready (or completes the one its disk was
// syncing when the clock was held) and handles it in the order raft's
// contract sets: persist, send, apply, advance. What it held is kept for
// the node's view and told in an event before it is handled.
func (s *Sim) handReady(n *node) error {
	rd := n.syncing
	if rd == nil {
		if !n.raftHasReady() {
			return fmt.Errorf("ready: %s has no Ready: raft has nothing to persist, send or apply", s.name(n.id))
		}
		r, ok := n.raftReady()
		if !ok || !n.up() {
			return nil // raft panicked; the node halted and the violation says so
		}
		s.observeReady(n, &r)
		rd = &r
	}
	n.syncing = nil
	n.handed = handedReadyView(rd)
	s.emit(Event{Kind: EvReady, Node: n.id, Text: fmt.Sprintf("%s handed over its Ready: %s", s.name(n.id), n.handed.summary())})
	n.finish(rd)
	return nil
}

func (n *node) raftHasReady() bool {
	n.enterRaft()
	defer n.leaveRaft()
	return n.rn.HasReady()
}

// HandedReadyView is the Ready a node handed over last in manual mode:
// what raft gave it to persist, send and apply.
type HandedReadyView struct {
	// FirstIndex and LastIndex are the range of the entries to persist.
	FirstIndex uint64 `json:"first_index,omitempty"`
	LastIndex  uint64 `json:"last_index,omitempty"`
	// HardState is the term, vote and commit to persist; nil for none.
	HardState *HardStateView `json:"hard_state,omitempty"`
	// SnapshotIndex is the index of the snapshot to persist and apply.
	SnapshotIndex uint64 `json:"snapshot_index,omitempty"`
	// Messages are the messages to send, as raft.DescribeMessage writes them.
	Messages []string `json:"messages,omitempty"`
	// CommittedFirst and CommittedLast are the range of the entries to apply.
	CommittedFirst uint64 `json:"committed_first,omitempty"`
	CommittedLast  uint64 `json:"committed_last,omitempty"`
	// Text is the whole Ready as raft.DescribeReady writes it, line by line.
	Text []string `json:"text"`
}

// HardStateView is raft's HardState.
type HardStateView struct {
	Term   uint64 `json:"term"`
	Vote   uint64 `json:"vote"`
	Commit uint64 `json:"commit"`
}

func handedReadyView(rd *raft.Ready) *HandedReadyView {
	v := &HandedReadyView{Text: strings.Split(strings.TrimSpace(raft.DescribeReady(*rd, entryText)), "\n")}
	if k := len(rd.Entries); k > 0 {
		v.FirstIndex, v.LastIndex = rd.Entries[0].GetIndex(), rd.Entries[k-1].GetIndex()
	}
	if hs := rd.HardState; !raft.IsEmptyHardState(hs) {
		v.HardState = &HardStateView{Term: hs.GetTerm(), Vote: hs.GetVote(), Commit: hs.GetCommit()}
	}
	if !raft.IsEmptySnap(rd.Snapshot) {
		v.SnapshotIndex = rd.Snapshot.GetMetadata().GetIndex()
	}
	for _, m := range rd.Messages {
		v.Messages = append(v.Messages, raft.DescribeMessage(m, entryText))
	}
	if k := len(rd.CommittedEntries); k > 0 {
		v.CommittedFirst, v.CommittedLast = rd.CommittedEntries[0].GetIndex(), rd.CommittedEntries[k-1].GetIndex()
	}
	return v
}

// summary says in a few words what the Ready held.
func (v *HandedReadyView) summary() string {
	var parts []string
	if v.LastIndex > 0 {
		parts = append(parts, fmt.Sprintf("persist entries %d–%d", v.FirstIndex, v.LastIndex))
	}
	if hs := v.HardState; hs != nil {
		parts = append(parts, fmt.Sprintf("persist term %d vote %d commit %d", hs.Term, hs.Vote, hs.Commit))
	}
	if v.SnapshotIndex > 0 {
		parts = append(parts, fmt.Sprintf("persist the snapshot at %d", v.SnapshotIndex))
	}
	if k := len(v.Messages); k > 0 {
		parts = append(parts, fmt.Sprintf("send %d message%s", k, plural(k)))
	}
	if v.CommittedLast > 0 {
		parts = append(parts, fmt.Sprintf("apply entries %d–%d", v.CommittedFirst, v.CommittedLast))
	}
	if len(parts) == 0 {
		return "only a change of role or read states"
	}
	return strings.Join(parts, ", ")
}

// entryText is raft's EntryFormatter for raftplay's entries: the label the
// log strips show.
func entryText(data []byte) string {
	return entryLabel(&pb.Entry{Data: data})
}

func plural(k int) string {
	if k == 1 {
		return ""
	}
	return "s"
}
