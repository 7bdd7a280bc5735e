package raftsim

import (
	"fmt"
	"testing"
)

func TestResumeNode(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a paused follower handles what waited", setup: []string{`{"op":"pause-node","node":2}`, `{"op":"put","value":"much"}`},
			js: `{"op":"resume-node","node":2}`, after: 500,
			check: func(t *testing.T, h *harness) {
				s := h.sim.Snapshot()
				n, l := s.Node(2), s.Node(s.Leader())
				if n.Paused || n.Waiting != 0 || n.Applied != l.Applied || len(committedLabels(n)) == 0 {
					t.Fatalf("n2 paused %v, %d waiting, applied %d of the leader's %d", n.Paused, n.Waiting, n.Applied, l.Applied)
				}
			}},
		{name: "a running node", js: `{"op":"resume-node","node":2}`, want: "resume-node: n2 is not paused"},
		{name: "a crashed node", setup: []string{`{"op":"crash","node":2}`}, js: `{"op":"resume-node","node":2}`, want: "resume-node: n2 is not paused"},
		{name: "an unknown node", js: `{"op":"resume-node","node":8}`, want: "resume-node: unknown node 8"},
	})
}

// A leader paused while its disk synced a Ready with committed entries
// applies them when it resumes, still believing it leads, though another
// was elected meanwhile and added a learner: it must not take the learner,
// whose change it never saw, for one whose change was lost. (Found by the
// fault campaign.)
func TestResumedStaleLeaderKeepsTheNewLearner(t *testing.T) {
	h := newHarness(t, 284)
	old := h.sim.node(h.leader(3000).ID)
	h.write(old.id, "k", "much")
	for old.syncing == nil || len(old.syncing.CommittedEntries) == 0 {
		if !h.sim.Step() {
			t.Fatal("nothing scheduled before the leader synced a Ready with committed entries")
		}
	}
	h.do(fmt.Sprintf(`{"op":"pause-node","node":%d}`, old.id))
	h.until(5000, "another leader", func(s *Snapshot) bool { return s.Leader() != 0 && s.Leader() != old.id })
	h.run(200) // a new leader takes no membership change before it applied its log
	h.do(`{"op":"add-member","as":"learner"}`)
	h.run(300)
	learner := h.sim.nodes[len(h.sim.nodes)-1].id
	h.do(fmt.Sprintf(`{"op":"resume-node","node":%d}`, old.id))
	h.run(2000)
	snap := h.sim.Snapshot()
	if n := snap.Node(learner); n == nil || !n.Up || n.Member != MemberLearner {
		t.Fatalf("the learner added while %s was paused: %+v", h.sim.name(old.id), n)
	}
	h.ok()
}
