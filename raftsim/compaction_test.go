package raftsim

import (
	"bytes"
	"fmt"
	"testing"
)

// writes puts n keys through the leader, letting each commit.
func (h *harness) writes(n int, prefix string) {
	h.t.Helper()
	for i := range n {
		s := h.until(3000, "a leader", func(s *Snapshot) bool { return s.Leader() != 0 })
		h.write(s.Leader(), fmt.Sprintf("%s%d", prefix, i%7), fmt.Sprint(i))
		h.run(30)
	}
}

// caughtUp waits until node id has applied what the leader has, with the
// same state.
func (h *harness) caughtUp(id uint64, limit int64) *Snapshot {
	h.t.Helper()
	return h.until(limit, fmt.Sprintf("n%d caught up with the leader", id), func(s *Snapshot) bool {
		l, n := s.Node(s.Leader()), s.Node(id)
		return l != nil && n.Up && n.Applied == l.Applied && n.Hash == l.Hash
	})
}

// A follower cut off while the others snapshot and compact past its log
// cannot be sent the entries it misses: the leader sends its snapshot in a
// MsgSnap, the follower rebuilds its state from it, and its hash matches.
func TestPartitionedFollowerCatchesUpBySnapshot(t *testing.T) {
	h := newHarness(t, 1)
	l := h.leader(3000)
	f := l.ID%5 + 1
	var others []uint64
	for id := uint64(1); id <= 5; id++ {
		if id != f {
			others = append(others, id)
		}
	}
	h.do(fmt.Sprintf(`{"op":"partition","groups":[[%d],%s]}`, f, jsonIDs(others)))
	var snapSent, restored []Event
	cancel := h.sim.OnEvent(func(e Event) {
		switch {
		case e.Kind == EvSent && e.MsgType.String() == "MsgSnap" && e.To == f:
			snapSent = append(snapSent, e)
		case e.Kind == EvRestore && e.Node == f:
			restored = append(restored, e)
		}
	})
	defer cancel()
	h.writes(160, "k")
	s := h.sim.Snapshot()
	behind := s.Node(f)
	lead := s.Node(s.Leader())
	if lead.SnapshotIndex == 0 || lead.FirstIndex <= behind.LastIndex+1 {
		t.Fatalf("the leader has not compacted past n%d's log: leader snapshot %d, first index %d; n%d's last index %d",
			f, lead.SnapshotIndex, lead.FirstIndex, f, behind.LastIndex)
	}
	h.do(`{"op":"heal"}`)
	sawSnapState := false
	h.until(5000, fmt.Sprintf("n%d in the leader's snapshot state", f), func(s *Snapshot) bool {
		for _, p := range s.Node(s.Leader()).Progress {
			sawSnapState = sawSnapState || (p.ID == f && p.State == "snapshot" && p.PendingSnapshot > 0)
		}
		return len(restored) > 0
	})
	s = h.caughtUp(f, 5000)
	if len(snapSent) == 0 || len(restored) == 0 {
		t.Fatalf("n%d caught up without a snapshot: %d MsgSnap sent, %d restores", f, len(snapSent), len(restored))
	}
	if !sawSnapState {
		t.Errorf("the leader's progress never showed n%d in state snapshot", f)
	}
	if got := s.Node(f); got.SnapshotIndex < restored[0].Index || got.Keys != 7 {
		t.Errorf("n%d after the snapshot: snapshot index %d (restored at %d), %d keys (want 7)", f, got.SnapshotIndex, restored[0].Index, got.Keys)
	}
	// Once it is back, the leader streams to it again.
	h.until(3000, fmt.Sprintf("n%d back in replicate", f), func(s *Snapshot) bool {
		for _, p := range s.Node(s.Leader()).Progress {
			if p.ID == f {
				return p.State == "replicate" && p.Active
			}
		}
		return false
	})
	if !s.Invariants.OK {
		t.Fatalf("invariants: %+v", s.Invariants.Violations)
	}
}

// A node restarted after compaction starts from its snapshot and replays
// only the log's tail; every log stays short.
func TestRestartRecoversFromSnapshotAndTail(t *testing.T) {
	h := newHarness(t, 2)
	h.writes(140, "r")
	l := h.leader(3000)
	f := l.ID%5 + 1
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, f))
	down := h.sim.Snapshot().Node(f)
	if down.SnapshotIndex == 0 || down.FirstIndex < 2 {
		t.Fatalf("n%d's disk holds no snapshot: %+v", f, down)
	}
	var firstApplied uint64
	cancel := h.sim.OnEvent(func(e Event) {
		if e.Kind == EvApply && e.Node == f && firstApplied == 0 {
			firstApplied = e.Index
		}
	})
	defer cancel()
	h.do(fmt.Sprintf(`{"op":"restart","node":%d}`, f))
	if v := h.sim.Snapshot().Node(f); v.Applied < down.SnapshotIndex || v.Keys != 7 {
		t.Fatalf("n%d restarted at applied %d with %d keys; want at least its snapshot's index %d and 7 keys", f, v.Applied, v.Keys, down.SnapshotIndex)
	}
	h.writes(10, "r")
	s := h.caughtUp(f, 5000)
	if firstApplied != down.SnapshotIndex+1 {
		t.Errorf("n%d replayed from index %d; want the entry after its snapshot, %d", f, firstApplied, down.SnapshotIndex+1)
	}
	cfg := h.sim.Config()
	for _, n := range s.Nodes {
		if held := n.LastIndex - n.FirstIndex + 1; held > uint64(cfg.SnapshotCount+cfg.SnapshotCatchUpEntries)+10 {
			t.Errorf("n%d holds %d entries (%d..%d); compaction should keep it near %d", n.ID, held, n.FirstIndex, n.LastIndex, cfg.SnapshotCount)
		}
	}
	if !s.Invariants.OK {
		t.Fatalf("invariants: %+v", s.Invariants.Violations)
	}
}

// The leader's view of its followers is in the snapshot, in ID order: all
// replicating in a healthy cluster; a crashed one goes inactive.
func TestLeaderProgressInSnapshot(t *testing.T) {
	h := newHarness(t, 3)
	l := h.leader(3000)
	h.writes(5, "p")
	// raft marks followers inactive at every CheckQuorum round until they
	// answer again, so all are active only between rounds.
	s := h.until(1000, "every follower active", func(s *Snapshot) bool {
		for _, p := range s.Node(l.ID).Progress {
			if p.ID != l.ID && !p.Active {
				return false
			}
		}
		return true
	})
	pr := s.Node(l.ID).Progress
	if len(pr) != 5 {
		t.Fatalf("leader progress %+v; want one per member", pr)
	}
	for i, p := range pr {
		if p.ID != uint64(i+1) || p.State != "replicate" || p.Match == 0 || p.Next != p.Match+1 {
			t.Errorf("progress of n%d (leader n%d): %+v; want replicate, next = match+1", i+1, l.ID, p)
		}
	}
	for _, n := range s.Nodes {
		if n.ID != l.ID && n.Progress != nil {
			t.Errorf("follower n%d shows progress %+v", n.ID, n.Progress)
		}
	}
	f := l.ID%5 + 1
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, f))
	h.until(3000, fmt.Sprintf("n%d inactive in the leader's view", f), func(s *Snapshot) bool {
		p := s.Node(l.ID).Progress
		return len(p) == 5 && !p[f-1].Active
	})
}

func jsonIDs(ids []uint64) string {
	s := "["
	for i, id := range ids {
		if i > 0 {
			s += ","
		}
		s += fmt.Sprint(id)
	}
	return s + "]"
}

// snapshotRun is a stressed run with frequent snapshots in which n1, cut off
// for six seconds, comes back behind the others' compacted logs. It returns
// the event log and final snapshot as bytes, and how many restores it saw.
func snapshotRun(t *testing.T) ([]byte, int) {
	h := newHarness(t, 5)
	cfg := h.sim.Config()
	cfg.SnapshotCount, cfg.SnapshotCatchUpEntries = 20, 5
	var log bytes.Buffer
	restores := 0
	cancel := h.sim.OnEvent(func(e Event) {
		fmt.Fprintln(&log, e)
		if e.Kind == EvRestore {
			restores++
		}
	})
	defer cancel()
	actions, err := ParseActionRecords(`[
		{"at_ms":100,"op":"stress","on":true},
		{"at_ms":2000,"op":"partition","groups":[[1],[2,3,4,5]]},
		{"at_ms":8000,"op":"heal"}]`)
	if err != nil {
		t.Fatal(err)
	}
	if refused, err := h.sim.Replay(Run{Config: cfg, Actions: actions, NowMs: 12000}); err != nil || refused != nil {
		t.Fatalf("run: %v %v", err, refused)
	}
	log.Write(h.sim.SnapshotJSON())
	return log.Bytes(), restores
}

// Snapshots, compaction and a follower rebuilt from a MsgSnap are part of
// the run like everything else: the same run twice gives the same bytes.
func TestSnapshotRunIsDeterministic(t *testing.T) {
	a, restores := snapshotRun(t)
	b, _ := snapshotRun(t)
	if restores == 0 {
		t.Fatal("n1 came back without a snapshot: the run does not test what it should")
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("the same run twice gave different bytes (%d and %d)", len(a), len(b))
	}
}

// A disk that lied once keeps its durable image apart for good; the
// snapshots its node saves reach that image too, so it is compacted as the
// node's log is (its memory stays bounded), and a crash restarts the node
// from the durable snapshot with the same state as the others.
func TestLyingDiskImageIsCompacted(t *testing.T) {
	h := newHarness(t, 3)
	h.leader(3000)
	h.do(`{"op":"lying-disk","node":2,"on":true}`)
	h.writes(160, "k")
	h.run(writeBackMs)
	n := h.sim.node(2)
	if first, _ := n.disk.durable.FirstIndex(); first < 50 {
		t.Fatalf("n2's disk lies: its durable image still starts at index %d after 160 writes", first)
	}
	h.do(`{"op":"lying-disk","node":2,"on":false}`)
	h.writes(200, "k")
	first, _ := n.disk.durable.FirstIndex()
	if seen, _ := n.disk.FirstIndex(); first < 100 || first != seen {
		t.Fatalf("n2's durable image starts at index %d, what it sees at %d: the image was not compacted", first, seen)
	}
	h.do(`{"op":"crash","node":2}`)
	h.run(100)
	h.do(`{"op":"restart","node":2}`)
	h.caughtUp(2, 5000)
	h.ok()
}
