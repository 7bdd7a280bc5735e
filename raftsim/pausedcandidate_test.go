package raftsim

import (
	"fmt"
	"testing"
)

// A candidate whose process pauses after its first granted vote wins its old
// term when it runs again, with the grants that waited for it, after the
// others elected a leader of a later term and committed in it. That is raft
// itself (etcd's node does the same after a long pause): the old term's
// leader steps down at the later term's first message. The checker counts
// the vote delivered before the pause, and asks the old term's leader only
// for what was committed before its term.
func TestPausedCandidateWinsItsOldTerm(t *testing.T) {
	h := newHarness(t, 3)
	l := h.leader(3000)
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, l.ID))
	// Run event by event until a candidate holds one granted vote.
	var cand *node
	for cand == nil {
		if !h.sim.Step() || h.sim.Now() > 10000 {
			t.Fatal("no candidate got a vote after the leader crashed")
		}
		for _, v := range h.sim.checker.votes {
			if n := h.sim.node(v.candidate); n.term == v.term && n.role == RoleCandidate {
				cand = n
			}
		}
	}
	term := cand.term
	h.do(fmt.Sprintf(`{"op":"pause-node","node":%d}`, cand.id))
	// The three others elect a leader of a later term, who commits in it.
	s := h.until(5000, "a leader of a later term that committed", func(s *Snapshot) bool {
		ld := s.Node(s.Leader())
		return ld != nil && ld.Term > term && ld.Commit > 0 && ld.Log[len(ld.Log)-1].Term == ld.Term && ld.Log[len(ld.Log)-1].Committed
	})
	if cand.waitingMessages() == 0 {
		t.Fatalf("no message waited for the paused candidate n%d", cand.id)
	}
	var won bool
	h.sim.OnEvent(func(e Event) {
		if e.Kind == EvElected && e.Node == cand.id && e.Term == term {
			won = true
		}
	})
	h.do(fmt.Sprintf(`{"op":"resume-node","node":%d}`, cand.id))
	if !won {
		t.Fatalf("n%d resumed and did not win term %d (the later leader is n%d of term %d)", cand.id, term, s.Leader(), s.Node(s.Leader()).Term)
	}
	h.run(2000)
	h.ok()
	if s := h.sim.Snapshot(); s.Node(cand.id).Lead == cand.id || s.Leader() == cand.id {
		t.Fatalf("the old term's leader n%d leads on", cand.id)
	}
}
