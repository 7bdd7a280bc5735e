package raftsim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"

	"raftplay/raftsim/v2store"
	"raftplay/raftsim/v3store"
)

// logViewMax bounds how many of a node's latest entries a snapshot shows;
// LastIndex still tells the whole length.
const logViewMax = 100

// Snapshot returns a fresh, immutable view of the simulation.
func (s *Sim) Snapshot() *Snapshot {
	snap := &Snapshot{
		Generation: s.generation,
		Seed:       s.cfg.Seed,
		NowMs:      s.clock.now,
		Paused:     s.paused,
		Manual:     s.manual,
		Speed:      s.speed,
		Config:     s.cfg,
		Nodes:      make([]NodeView, len(s.nodes)),
		Messages:   make([]MessageView, 0, len(s.net.inflight)),
		Partition:  [][]uint64{},
		Invariants: s.checker.status(),
		Clients:    s.clientsView(),
		Actions:    s.Actions(),
	}
	if snap.Actions == nil {
		snap.Actions = []ActionRecord{}
	}
	for i, n := range s.nodes {
		snap.Nodes[i] = s.nodeView(n)
	}
	for _, f := range s.net.inflight {
		snap.Messages = append(snap.Messages, messageView(f))
	}
	for _, g := range s.net.groups {
		snap.Partition = append(snap.Partition, append([]uint64(nil), g...))
	}
	s.addMembership(snap)
	s.changes.observe(s.shown, snap)
	snap.Changes, s.shown = s.changes, snap
	return snap
}

// SnapshotJSON is Snapshot().JSON(): what cmd/sim prints and state() returns.
func (s *Sim) SnapshotJSON() []byte { return s.Snapshot().JSON() }

func (s *Sim) nodeView(n *node) NodeView {
	v := NodeView{ID: n.id, Up: n.up(), Halted: n.halted, LyingDisk: n.lying, Paused: n.paused, Waiting: n.waitingMessages(), Role: RoleDown, Term: n.term, Commit: n.commit}
	if hs, _, err := n.disk.InitialState(); err == nil {
		v.Term, v.Vote, v.Commit = hs.GetTerm(), hs.GetVote(), hs.GetCommit()
	}
	if n.up() {
		st := n.raftStatus()
		v.Role = roleName(st.RaftState)
		v.Term, v.Vote, v.Lead, v.Commit = st.GetTerm(), st.GetVote(), st.Lead, st.GetCommit()
		v.Applied = n.applied
		v.Keys = n.stateKeys()
		v.Hash = n.stateHash()
		if !n.v3.Fresh() {
			v.Revision, v.CompactRevision = n.v3.Rev(), n.v3.CompactRev()
		}
		elapsed, timeout := raftTimer(n.rn, v.Role == RoleLeader)
		v.ElectionElapsedMs = elapsed * s.cfg.TickMs
		v.ElectionTimeoutMs = timeout * s.cfg.TickMs
		v.Progress = n.progressViews()
		v.HasReady = s.manual && (n.syncing != nil || n.raftHasReady())
		v.Handed = n.handed
	}
	v.SnapshotIndex, v.SnapshotTerm = n.snapIndex, n.snapTerm
	v.FirstIndex, _ = n.disk.FirstIndex()
	ents, durable := n.logView()
	// An empty log ends where its snapshot does.
	v.LastIndex = v.FirstIndex - 1
	if len(ents) > 0 {
		v.LastIndex = ents[len(ents)-1].GetIndex()
	}
	v.DurableIndex = durable
	v.Syncing = n.readyView()
	if len(ents) > logViewMax {
		ents = ents[len(ents)-logViewMax:]
	}
	// Made to size: the timeline keeps many snapshots, and a log grown by
	// appending would hold up to twice its entries' room in each.
	v.Log = make([]EntryView, 0, len(ents))
	for _, e := range ents {
		v.Log = append(v.Log, EntryView{
			Index: e.GetIndex(), Term: e.GetTerm(), Label: entryLabel(e),
			Committed: e.GetIndex() <= v.Commit, Durable: e.GetIndex() <= durable,
		})
	}
	return v
}

// readyView is the Ready n waits on the disk for, or nil.
func (n *node) readyView() *ReadyView {
	rd := n.syncing
	if rd == nil || !n.up() {
		return nil
	}
	v := &ReadyView{HardState: !raft.IsEmptyHardState(rd.HardState), Messages: len(rd.Messages), DoneMs: n.syncDoneMs}
	if len(rd.Entries) > 0 {
		v.FirstIndex, v.LastIndex = rd.Entries[0].GetIndex(), rd.Entries[len(rd.Entries)-1].GetIndex()
	}
	if !raft.IsEmptySnap(rd.Snapshot) {
		v.SnapshotIndex = rd.Snapshot.GetMetadata().GetIndex()
	}
	return v
}

// raftTimer is raft's own election (or, for a leader, heartbeat) timer, in
// ticks, which the picture draws round the node.
func raftTimer(rn *raft.RawNode, leader bool) (elapsed, timeout int64) {
	t := readRaftTimers(rn)
	if leader {
		return int64(t.heartbeatElapsed), int64(t.heartbeatTimeout)
	}
	return int64(t.electionElapsed), int64(t.randomizedElectionTimeout)
}

func messageView(f *flight) MessageView {
	m := f.msg
	v := MessageView{
		ID: f.id, From: m.GetFrom(), To: m.GetTo(), Type: MsgType(m.GetType()),
		Term: m.GetTerm(), LogTerm: m.GetLogTerm(), Index: m.GetIndex(), Commit: m.GetCommit(),
		Reject: m.GetReject(), Response: MsgType(m.GetType()).IsResponse(), SentMs: f.sentMs, DeliverMs: f.deliverMs,
		Stream: f.stream, Held: f.held,
	}
	for _, e := range m.GetEntries() {
		v.Entries = append(v.Entries, entryLabel(e))
	}
	if snap := m.GetSnapshot(); snap != nil {
		v.Index, v.LogTerm = snap.GetMetadata().GetIndex(), snap.GetMetadata().GetTerm()
		v.Bytes = len(snap.GetData())
	}
	return v
}

// entryLabel is the short text shown for an entry: the value it writes, or a
// name for entries that write none.
func entryLabel(e *pb.Entry) string {
	if e.GetType() != pb.EntryNormal {
		return "conf"
	}
	if len(e.GetData()) == 0 {
		// A new leader's empty entry, which commits entries of earlier terms (§5.4.2).
		return "·"
	}
	if v3store.IsEntry(e.GetData()) {
		return v3Label(e.GetData())
	}
	c, err := v2store.DecodeCommand(e.GetData())
	switch {
	case err != nil:
		return rawLabel(e.GetData())
	case c.Op.Kind == v2store.OpDelete || c.Op.Kind == v2store.OpCAD:
		return "rm " + c.Op.Key
	case c.Op.Kind == v2store.OpSync:
		return "sync"
	case c.Op.Quorum():
		// etcd v2's quorum read, by the name its request method has.
		return "QGET"
	case c.Op.Dir:
		return c.Op.Key + "/"
	}
	return c.Op.Value
}

// rawLabel labels an entry whose data is no command of raftplay's: a
// script's proposal ("prop_1") as written, when it is short printable
// text, else "?".
func rawLabel(b []byte) string {
	if len(b) > 16 || !utf8.Valid(b) || strings.ContainsFunc(string(b), func(r rune) bool { return !unicode.IsPrint(r) }) {
		return "?"
	}
	return string(b)
}
