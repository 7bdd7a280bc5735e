package raftsim

import (
	"bytes"
	"fmt"
	"testing"
)

// frozen is what a node's raft and disk hold: a paused node's does not move.
func frozen(n *NodeView) string {
	return fmt.Sprintf("role %s term %d vote %d lead %d commit %d applied %d last %d durable %d",
		n.Role, n.Term, n.Vote, n.Lead, n.Commit, n.Applied, n.LastIndex, n.DurableIndex)
}

func TestPauseNode(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a follower stands still while the others write", js: `{"op":"pause-node","node":2}`,
			check: func(t *testing.T, h *harness) {
				before := h.sim.Snapshot().Node(2)
				if !before.Paused || !before.Up {
					t.Fatalf("n2 paused %v, up %v", before.Paused, before.Up)
				}
				h.write(5, "/a", "much")
				h.run(1000)
				after := h.sim.Snapshot().Node(2)
				if frozen(after) != frozen(before) || after.ElectionElapsedMs != before.ElectionElapsedMs {
					t.Fatalf("a paused node moved:\n%s\n%s", frozen(before), frozen(after))
				}
				if after.Waiting == 0 {
					t.Fatal("no message waits for a paused node under a leader's heartbeats")
				}
				if l := h.sim.Snapshot().Node(5); l.Commit <= before.Commit {
					t.Fatalf("the others did not commit without n2: leader's commit %d", l.Commit)
				}
			}},
		{name: "a crashed node", setup: []string{`{"op":"crash","node":3}`}, js: `{"op":"pause-node","node":3}`, want: "pause-node: n3 is down"},
		{name: "a paused node", setup: []string{`{"op":"pause-node","node":3}`}, js: `{"op":"pause-node","node":3}`, want: "pause-node: n3 is already paused"},
		{name: "an unknown node", js: `{"op":"pause-node","node":7}`, want: "pause-node: unknown node 7"},
		{name: "no node", js: `{"op":"pause-node"}`, want: `pause-node needs "node"`},
		{name: "then a crash", setup: []string{`{"op":"pause-node","node":3}`}, js: `{"op":"crash","node":3}`, after: 100,
			check: func(t *testing.T, h *harness) {
				if n := h.sim.Snapshot().Node(3); n.Up || n.Paused || n.Waiting != 0 {
					t.Fatalf("a paused node crashed: up %v, paused %v, %d waiting", n.Up, n.Paused, n.Waiting)
				}
			}},
		{name: "time out a paused node", setup: []string{`{"op":"pause-node","node":3}`}, js: `{"op":"timeout","node":3}`, want: "n3 is paused"},
		{name: "a write via a paused node", setup: []string{`{"op":"pause-node","node":3}`}, js: `{"op":"put","value":"much","via":3}`, want: "n3 is paused"},
		{name: "transfer from a paused leader", setup: []string{`{"op":"pause-node","node":5}`}, js: `{"op":"transfer","to":2}`, want: "the leader, n5, is paused"},
		{name: "a member added under a paused leader", setup: []string{`{"op":"pause-node","node":5}`}, js: `{"op":"add-member","as":"learner"}`, want: "the leader, n5, is paused"},
	})
}

// A paused leader's raft does not move while the others, hearing nothing,
// elect a leader without it; resumed, it learns of the new term from what
// waited for it, steps down and catches up.
func TestPausedLeaderIsReplacedAndCatchesUp(t *testing.T) {
	h := newHarness(t, 1)
	old := h.leader(2000).ID
	h.do(fmt.Sprintf(`{"op":"pause-node","node":%d}`, old))
	before := h.sim.Snapshot().Node(old)
	s := h.until(3000, "a new leader", func(s *Snapshot) bool { return s.Leader() != 0 && s.Leader() != old })
	now := s.Leader()
	if got := s.Node(old); frozen(got) != frozen(before) || got.Role != RoleLeader {
		t.Fatalf("the paused leader moved:\n%s\n%s", frozen(before), frozen(got))
	}
	h.write(now, "/b", "wow")
	h.run(500)
	h.do(fmt.Sprintf(`{"op":"resume-node","node":%d}`, old))
	s = h.until(2000, "the old leader following the new one, caught up", func(s *Snapshot) bool {
		n, l := s.Node(old), s.Node(now)
		return n.Role == RoleFollower && n.Lead == now && n.Applied == l.Applied && n.Hash == l.Hash
	})
	if n := s.Node(old); n.Paused || n.Waiting != 0 || n.Term <= before.Term {
		t.Fatalf("after resuming: %+v", n)
	}
	h.ok()
}

// A run with pauses replays byte for byte from its action log.
func TestPausedRunReplays(t *testing.T) {
	h := newHarness(t, 4)
	h.leader(2000)
	for _, step := range []string{
		`{"op":"pause-node","node":2}`, `{"op":"put","value":"much","via":1}`, `{"op":"stress","on":true}`,
		`{"op":"pause-node","node":4}`, `{"op":"resume-node","node":2}`, `{"op":"crash","node":4}`,
		`{"op":"restart","node":4}`, `{"op":"pause-node","node":1}`, `{"op":"resume-node","node":1}`,
	} {
		h.do(step)
		h.run(400)
	}
	want := h.sim.SnapshotJSON()
	again := newHarness(t, 4)
	refused, err := again.sim.Replay(h.sim.Run())
	if err != nil || len(refused) != 0 {
		t.Fatalf("replay: %v, refused %v", err, refused)
	}
	if got := again.sim.SnapshotJSON(); !bytes.Equal(got, want) {
		t.Fatalf("the replay differs:\n%s\n%s", want, got)
	}
}
