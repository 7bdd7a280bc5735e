package raftsim

import (
	"fmt"
	"testing"
)

// From two voters to one by removing the leader, under stress, as etcd's
// server does it: the removed leader leads on (no StepDownOnRemoval) for
// etcd's delay, so the survivor learns that the change committed, and once
// the old leader stops, the survivor elects itself and leads alone.
func TestRemoveLeaderFromTwoVoters(t *testing.T) {
	for seed := int64(1); seed <= 24; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Seed, cfg.Nodes = seed, 3
			s, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			AttachClients(s)
			h := &harness{t: t, sim: s}
			h.do(`{"op":"stress","on":true}`)
			l := h.leader(3000).ID
			f := l%3 + 1
			h.retry(3000, fmt.Sprintf(`{"op":"remove-member","node":%d}`, f))
			rest := []uint64{}
			for id := uint64(1); id <= 3; id++ {
				if id != f {
					rest = append(rest, id)
				}
			}
			h.settled(5000, conf(rest))
			l = h.leader(3000).ID
			h.retry(3000, fmt.Sprintf(`{"op":"remove-member","node":%d}`, l))
			survivor := rest[0] + rest[1] - l
			h.settled(5000, conf([]uint64{survivor}))
			snap := h.until(3000, "the survivor leading", func(s *Snapshot) bool { return s.Leader() == survivor })
			if snap.Node(l).Up {
				t.Fatalf("leader n%d, removed n%d up %v", snap.Leader(), l, snap.Node(l).Up)
			}
			h.writes(5, "alone")
			h.ok()
		})
	}
}

// A removed follower is out of the cluster as soon as a configuration
// without it is applied, so actions on it are refused, but it runs on for
// etcd's ten ticks before it stops.
func TestRemovedMemberStopsTenTicksLater(t *testing.T) {
	h := newHarness(t, 4)
	f := h.leader(3000).ID%5 + 1
	var left, stopped int64
	cancel := h.sim.OnEvent(func(e Event) {
		switch {
		case e.Kind == EvMember && e.Change == ChangeApplied && left == 0:
			left = h.sim.Now()
		case e.Kind == EvMember && e.Change == ChangeStopped && e.Node == f:
			stopped = h.sim.Now()
		}
	})
	defer cancel()
	h.do(fmt.Sprintf(`{"op":"remove-member","node":%d}`, f))
	s := h.until(3000, fmt.Sprintf("n%d removed", f), func(s *Snapshot) bool { return s.Node(f).Member == MemberRemoved })
	if !s.Node(f).Up || stopped != 0 {
		t.Fatalf("n%d stopped as soon as it was removed", f)
	}
	if err := h.sim.DoJSON(fmt.Sprintf(`{"op":"crash","node":%d}`, f)); err == nil || err.Error() != fmt.Sprintf("n%d was removed from the cluster", f) {
		t.Errorf("crash of the removed n%d: %v", f, err)
	}
	h.run(1000)
	if want := left + removedStopTicks*h.sim.cfg.TickMs; stopped != want || h.sim.Snapshot().Node(f).Up {
		t.Fatalf("the removal applied at %d ms, n%d stopped at %d ms, want %d ms", left, f, stopped, want)
	}
	h.ok()
}
