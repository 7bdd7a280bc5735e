package raftsim

import (
	"fmt"
	"testing"
)

// A follower's Ready in progress, as the view shows it: the entries handed
// to the disk are exactly the log's entries that are not durable, the
// durable index stops just before them, and the append response waits for
// the sync: none is in flight from the follower until the sync is done.
func TestViewShowsTheReadyInProgress(t *testing.T) {
	h := newHarness(t, 3)
	lead := h.leader(3000).ID
	h.write(lead, "k", "much")
	var seen *NodeView
	var at *Snapshot
	for i := 0; i < 10000 && seen == nil; i++ {
		h.sim.Step()
		s := h.sim.Snapshot()
		for j := range s.Nodes {
			if n := &s.Nodes[j]; n.ID != lead && n.Syncing != nil && n.Syncing.LastIndex > 0 {
				seen, at = n, s
				break
			}
		}
	}
	if seen == nil {
		t.Fatal("no follower ever waited on its disk for the write's entry")
	}
	rd := seen.Syncing
	if rd.LastIndex != seen.LastIndex || rd.FirstIndex > rd.LastIndex {
		t.Errorf("%s syncs entries %d..%d, its log ends at %d", at.Config.NodeName(seen.ID), rd.FirstIndex, rd.LastIndex, seen.LastIndex)
	}
	if seen.DurableIndex != rd.FirstIndex-1 {
		t.Errorf("durable index %d while entries %d..%d sync", seen.DurableIndex, rd.FirstIndex, rd.LastIndex)
	}
	for _, e := range seen.Log {
		if want := e.Index < rd.FirstIndex; e.Durable != want {
			t.Errorf("entry %d: durable %v while entries %d..%d sync", e.Index, e.Durable, rd.FirstIndex, rd.LastIndex)
		}
	}
	if rd.Messages == 0 || rd.DoneMs <= at.NowMs {
		t.Errorf("the Ready holds %d messages and syncs at %d ms (now %d): want the append response waiting, and a sync to come", rd.Messages, rd.DoneMs, at.NowMs)
	}
	for _, m := range at.Messages {
		if m.From == seen.ID && m.Type.String() == "MsgAppResp" && m.Index >= rd.FirstIndex {
			t.Errorf("append response %+v left before the sync", m)
		}
	}

	h.sim.AdvanceTo(rd.DoneMs)
	after := h.sim.Snapshot().Node(seen.ID)
	if after.DurableIndex < rd.LastIndex {
		t.Errorf("after the sync at %d ms the durable index is %d, want at least %d", rd.DoneMs, after.DurableIndex, rd.LastIndex)
	}
}

// A lying disk acknowledges at once: no Ready waits, yet the durable index
// lags behind the log until the disk gets round to it.
func TestViewShowsWhatALyingDiskOwes(t *testing.T) {
	h := newHarness(t, 3)
	lead := h.leader(3000).ID
	h.do(fmt.Sprintf(`{"op":"lying-disk","node":%d,"on":true}`, lead))
	h.write(lead, "k", "much")
	s := h.until(500, "the leader's log ahead of its disk", func(s *Snapshot) bool {
		n := s.Node(lead)
		return n.DurableIndex < n.LastIndex
	})
	if n := s.Node(lead); n.Syncing != nil {
		t.Errorf("a lying disk's node waits on a sync: %+v", n.Syncing)
	}
	h.until(writeBackMs+500, "the lying disk catching up", func(s *Snapshot) bool {
		n := s.Node(lead)
		return n.DurableIndex == n.LastIndex
	})
}
