package raftsim

import (
	"fmt"
	"slices"
	"testing"
)

// memberEvents collects the member events of a run.
func (h *harness) memberEvents() *[]Event {
	var evs []Event
	cancel := h.sim.OnEvent(func(e Event) {
		if e.Kind == EvMember {
			evs = append(evs, e)
		}
	})
	h.t.Cleanup(cancel)
	return &evs
}

// settled waits until the configuration in force is c, not joint, and every
// running member has applied it.
func (h *harness) settled(limit int64, want ConfView) *Snapshot {
	h.t.Helper()
	return h.until(limit, fmt.Sprintf("configuration %s everywhere", want.describe()), func(s *Snapshot) bool {
		if s.Leader() == 0 || !confEqual(s.Membership, want) {
			return false
		}
		for _, n := range s.Nodes {
			if n.Up && !confEqual(*n.Conf, want) {
				return false
			}
		}
		return true
	})
}

// synced waits until the leader knows node id's log to hold all of its own.
func (h *harness) synced(id uint64, limit int64) *Snapshot {
	h.t.Helper()
	return h.until(limit, fmt.Sprintf("the leader's progress of n%d at its own match", id), func(s *Snapshot) bool {
		l := s.Node(s.Leader())
		if l == nil {
			return false
		}
		i := slices.IndexFunc(l.Progress, func(p ProgressView) bool { return p.ID == id })
		j := slices.IndexFunc(l.Progress, func(p ProgressView) bool { return p.ID == l.ID })
		return i >= 0 && l.Progress[i].Match == l.Progress[j].Match
	})
}

// votersWithout lists the IDs 1 to n but id.
func votersWithout(n, id uint64) []uint64 {
	var ids []uint64
	for i := uint64(1); i <= n; i++ {
		if i != id {
			ids = append(ids, i)
		}
	}
	return ids
}

func confEqual(a, b ConfView) bool {
	return slices.Equal(a.Voters, b.Voters) && slices.Equal(a.VotersOutgoing, b.VotersOutgoing) &&
		slices.Equal(a.Learners, b.Learners) && slices.Equal(a.LearnersNext, b.LearnersNext) && a.AutoLeave == b.AutoLeave
}

func conf(voters []uint64, learners ...uint64) ConfView {
	return ConfView{Voters: voters, VotersOutgoing: []uint64{}, Learners: append([]uint64{}, learners...), LearnersNext: []uint64{}}
}

// A learner added to a busy cluster receives the state and, once it has
// caught up, is promoted to a voter: each change applied in one step.
func TestAddLearnerAndPromote(t *testing.T) {
	h := newHarness(t, 1)
	evs := h.memberEvents()
	h.leader(3000)
	h.writes(30, "k")
	h.do(`{"op":"add-member","as":"learner","name":"F"}`)
	s := h.sim.Snapshot()
	if n := s.Node(6); n == nil || !n.Up || n.Member != MemberJoining || s.NodeName(6) != "F" {
		t.Fatalf("after add-member node 6 is %+v", n)
	}
	h.settled(3000, conf([]uint64{1, 2, 3, 4, 5}, 6))
	s = h.caughtUp(6, 3000)
	if n := s.Node(6); n.Member != MemberLearner || n.Keys == 0 {
		t.Fatalf("learner 6: member %q with %d keys", n.Member, n.Keys)
	}
	h.synced(6, 3000)
	h.do(`{"op":"promote","node":6}`)
	s = h.settled(3000, conf([]uint64{1, 2, 3, 4, 5, 6}))
	if n := s.Node(6); n.Member != MemberVoter {
		t.Fatalf("promoted 6 is a %q", n.Member)
	}
	if e := (*evs)[0]; e.Text != fmt.Sprintf("n%d proposed add learner F at index 32", s.Leader()) {
		t.Errorf("the first member event says %q", e.Text)
	}
	var changes []string
	for _, e := range *evs {
		if e.Node == s.Leader() || e.Change == ChangeAddLearner || e.Change == ChangePromote {
			changes = append(changes, fmt.Sprintf("%s %d", e.Change, e.Member))
		}
	}
	want := []string{"add learner 6", "applied 6", "promote 6", "applied 6"}
	if !slices.Equal(changes, want) {
		t.Errorf("the leader's member events: %q, want %q", changes, want)
	}
	h.ok()
}

// A removed follower stops for good; the rest go on committing.
func TestRemoveFollower(t *testing.T) {
	h := newHarness(t, 2)
	l := h.leader(3000)
	f := l.ID%5 + 1
	h.do(fmt.Sprintf(`{"op":"remove-member","node":%d}`, f))
	rest := votersWithout(5, f)
	h.settled(3000, conf(rest))
	// It stops ten ticks after it was removed (memberstop.go).
	h.until(removedStopTicks*h.sim.cfg.TickMs, fmt.Sprintf("n%d removed and stopped", f), func(s *Snapshot) bool {
		return s.Node(f).Member == MemberRemoved && !s.Node(f).Up
	})
	for _, js := range []string{`{"op":"restart","node":%d}`, `{"op":"crash","node":%d}`, `{"op":"remove-member","node":%d}`} {
		if err := h.sim.DoJSON(fmt.Sprintf(js, f)); err == nil || err.Error() != fmt.Sprintf("n%d was removed from the cluster", f) &&
			err.Error() != fmt.Sprintf("remove-member: n%d was removed from the cluster", f) {
			t.Errorf("%s on a removed node: %v", fmt.Sprintf(js, f), err)
		}
	}
	h.writes(5, "after")
	h.caughtUp(rest[0], 3000)
	h.ok()
}

// Removing the leader, as etcd does it: once it applies its removal it leads
// on (etcd leaves raft's StepDownOnRemoval off) until it stops ten ticks
// later; the others then elect a leader among themselves, and nothing leaves
// the removed node afterwards.
func TestRemoveLeader(t *testing.T) {
	h := newHarness(t, 3)
	l := h.leader(3000).ID
	var sentAfter []Event
	stopped := false
	cancel := h.sim.OnEvent(func(e Event) {
		switch {
		case e.Kind == EvMember && e.Change == ChangeStopped && e.Node == l:
			stopped = true
		case stopped && e.Kind == EvSent && e.From == l:
			sentAfter = append(sentAfter, e)
		}
	})
	defer cancel()
	h.do(fmt.Sprintf(`{"op":"remove-member","node":%d}`, l))
	rest := votersWithout(5, l)
	s := h.settled(5000, conf(rest))
	// Without StepDownOnRemoval, as in etcd, it leads on until it stops.
	if stopped || s.Leader() != l || s.Node(l).Member != MemberRemoved {
		t.Fatalf("leader n%d removed: stopped %v, leader now n%d, member %q", l, stopped, s.Leader(), s.Node(l).Member)
	}
	s = h.until(3000, "a new leader", func(s *Snapshot) bool { return s.Leader() != 0 && s.Leader() != l })
	if !stopped || s.Node(l).Up {
		t.Fatalf("n%d leads while the removed n%d has not stopped", s.Leader(), l)
	}
	h.writes(5, "after")
	h.run(1000)
	if len(sentAfter) > 0 {
		t.Errorf("the removed leader sent %d messages after it stopped, first %s", len(sentAfter), sentAfter[0].Text)
	}
	h.ok()
}

// A node restarted after it applied changes comes back with the same
// configuration: its snapshot's, and the changes after it applied again.
func TestRestartKeepsConfiguration(t *testing.T) {
	h := newHarness(t, 4)
	l := h.leader(3000).ID
	h.writes(120, "k") // past a snapshot, so the restart starts from one
	h.do(`{"op":"add-member","as":"learner"}`)
	want := conf([]uint64{1, 2, 3, 4, 5}, 6)
	h.settled(3000, want)
	f := l%5 + 1
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, f))
	h.do(fmt.Sprintf(`{"op":"restart","node":%d}`, f))
	s := h.until(3000, "the restarted node's configuration", func(s *Snapshot) bool {
		return s.Node(f).Applied >= s.Node(s.Leader()).Commit
	})
	n := s.Node(f)
	if n.SnapshotIndex == 0 || !confEqual(*n.Conf, want) {
		t.Fatalf("n%d restarted from snapshot %d with configuration %s, want %s", f, n.SnapshotIndex, n.Conf.describe(), want.describe())
	}
	h.ok()
}

// A node added after the leader compacted its log is built from the
// leader's snapshot, which carries the configuration, and its state matches.
func TestNewMemberBuiltFromSnapshot(t *testing.T) {
	h := newHarness(t, 5)
	h.leader(3000)
	h.writes(160, "k")
	restored := false
	cancel := h.sim.OnEvent(func(e Event) {
		if e.Kind == EvRestore && e.Node == 6 {
			// The state comes with the configuration of the snapshot.
			if c := h.sim.Snapshot().Node(6).Conf; !slices.Contains(c.members(), 6) {
				t.Errorf("n6 restored a snapshot at index %d whose configuration %s does not hold it", e.Index, c.describe())
			}
			restored = true
		}
	})
	defer cancel()
	if s := h.sim.Snapshot(); s.Node(s.Leader()).FirstIndex <= 1 {
		t.Fatalf("the leader has not compacted its log")
	}
	h.do(`{"op":"add-member","as":"voter"}`)
	s := h.settled(3000, conf([]uint64{1, 2, 3, 4, 5, 6}))
	s = h.caughtUp(6, 3000)
	if n := s.Node(6); !restored || n.SnapshotIndex == 0 || n.Member != MemberVoter {
		t.Fatalf("n6: restored from a snapshot %v, snapshot index %d, member %q", restored, n.SnapshotIndex, n.Member)
	}
	h.ok()
}

// A node added while the network is partitioned joins the leader's side,
// and the partition's groups list it.
func TestMemberAddedDuringAPartitionJoinsTheLeadersSide(t *testing.T) {
	h := newHarness(t, 10)
	l := h.leader(3000).ID
	f := l%5 + 1
	h.do(fmt.Sprintf(`{"op":"partition","groups":[[%d],%s]}`, f, jsonIDs(votersWithout(5, f))))
	h.do(`{"op":"add-member","as":"learner"}`)
	want := conf(votersWithout(5, 0), 6)
	s := h.until(3000, "learner n6 in force", func(s *Snapshot) bool { return confEqual(s.Membership, want) && s.Node(6).Member == MemberLearner })
	if g := s.Partition[1]; !slices.Contains(g, 6) || !slices.Contains(g, l) {
		t.Fatalf("partition %v: n6 is not on the leader's side", s.Partition)
	}
	h.caughtUp(6, 3000)
	h.ok()
}

// A learner removed stops as soon as the joint configuration without it is
// applied; restart-all leaves it stopped.
func TestRemoveLearner(t *testing.T) {
	h := newHarness(t, 11)
	h.addLearners(1)
	h.do(`{"op":"remove-member","node":6}`)
	s := h.settled(3000, conf(votersWithout(5, 0)))
	if n := s.Node(6); n.Member != MemberRemoved || n.Up {
		t.Fatalf("removed learner: %+v", n)
	}
	h.do(`{"op":"crash-all"}`)
	h.do(`{"op":"restart-all"}`)
	s = h.settled(3000, conf(votersWithout(5, 0)))
	if s.Node(6).Up {
		t.Fatal("restart-all restarted a removed node")
	}
	h.ok()
}
