package nemesis

import (
	"testing"

	"raftplay/raftsim"
)

// The faults end with every node running: a node paused while it joins,
// before the configuration in force holds it, is resumed too, and follows
// the leader once its addition commits.
func TestAllClearResumesAPausedJoiner(t *testing.T) {
	sim, err := raftsim.New(raftsim.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	sim.AdvanceTo(2000)
	if err := sim.Do(raftsim.Action{Op: raftsim.ActAddMember, As: raftsim.MemberLearner}); err != nil {
		t.Fatal(err)
	}
	joiner := uint64(len(sim.Snapshot().Nodes))
	if err := sim.Do(raftsim.Action{Op: raftsim.ActPauseNode, Node: joiner}); err != nil {
		t.Fatal(err)
	}
	snap := sim.Snapshot()
	if n := snap.Node(joiner); n == nil || !n.Paused || n.Member != raftsim.MemberJoining {
		t.Fatalf("n%d after add-member and pause-node: %+v, want a paused joiner", joiner, n)
	}
	for _, a := range allClear(snap) {
		_ = sim.Do(a)
	}
	sim.AdvanceTo(5000)
	snap = sim.Snapshot()
	n := snap.Node(joiner)
	if n.Paused || n.Member != raftsim.MemberLearner || n.Lead != snap.Leader() {
		t.Fatalf("n%d after the faults cleared: paused %v, %s following %d, want a running learner following the leader n%d",
			joiner, n.Paused, n.Member, n.Lead, snap.Leader())
	}
}
