package raftsim

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
)

// jointSeen runs a learner's addition and promotion and the removal of a
// follower, with the actions' "joint" set to joint, and reports whether any
// event found a joint configuration in force or applied on any node, and
// the run for replaying it.
func jointSeen(t *testing.T, joint bool) (bool, Run, []byte) {
	h := newHarness(t, 3)
	seen := false
	h.sim.OnEvent(func(Event) {
		s := h.sim.Snapshot()
		seen = seen || s.Membership.Joint() || slices.ContainsFunc(s.Nodes, func(n NodeView) bool { return n.Conf != nil && n.Conf.Joint() })
	})
	l := h.leader(3000).ID
	f := l%5 + 1
	h.writes(10, "k")
	h.do(fmt.Sprintf(`{"op":"add-member","as":"learner","joint":%v}`, joint))
	h.settled(3000, conf([]uint64{1, 2, 3, 4, 5}, 6))
	h.synced(6, 3000)
	h.do(fmt.Sprintf(`{"op":"promote","node":6,"joint":%v}`, joint))
	h.settled(3000, conf([]uint64{1, 2, 3, 4, 5, 6}))
	h.do(fmt.Sprintf(`{"op":"remove-member","node":%d,"joint":%v}`, f, joint))
	h.settled(3000, conf(votersWithout(6, f)))
	h.ok()
	return seen, h.sim.Run(), h.sim.SnapshotJSON()
}

// etcd's server changes the membership in one step: at no event of the
// changes is a joint configuration in force or applied anywhere. With
// "joint": true raft's joint consensus is entered and left again. Both runs
// replay byte for byte from their action logs.
func TestMembershipChangesEtcdWayAndJoint(t *testing.T) {
	for _, joint := range []bool{false, true} {
		t.Run(fmt.Sprint("joint=", joint), func(t *testing.T) {
			seen, run, final := jointSeen(t, joint)
			if seen != joint {
				t.Fatalf("joint %v: a joint configuration seen %v", joint, seen)
			}
			s, _ := New(DefaultConfig())
			AttachClients(s)
			if refused, err := s.Replay(run); err != nil || refused != nil {
				t.Fatal(err, refused)
			}
			if !bytes.Equal(s.SnapshotJSON(), final) {
				t.Fatal("the replay of the action log differs from the run")
			}
		})
	}
}

// The run's conf_change knob makes an action without "joint" take raft's
// joint consensus; the console's etcdctl commands stay etcd's single step.
func TestConfChangeKnob(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Seed, cfg.ConfChange = 3, ConfChangeJoint
	s, _ := New(cfg)
	AttachClients(s)
	h := &harness{t: t, sim: s}
	var changes []MemberChange
	h.sim.OnEvent(func(e Event) {
		if e.Kind == EvMember && e.Node == 1 && (e.Change == ChangeApplied || e.Change == ChangeEnterJoint) {
			changes = append(changes, e.Change)
		}
	})
	h.leader(3000)
	h.do(`{"op":"add-member","as":"learner"}`)
	h.settled(3000, conf([]uint64{1, 2, 3, 4, 5}, 6))
	if err := s.ChangeMembers(&Action{Op: ActRemoveMember, Node: 6}); err != nil {
		t.Fatal(err)
	}
	h.settled(3000, conf([]uint64{1, 2, 3, 4, 5}))
	if want := []MemberChange{ChangeEnterJoint, ChangeApplied}; !slices.Equal(changes, want) {
		t.Fatalf("n1 applied %v, want %v", changes, want)
	}
}

// A learner added after every node compacted its log catches up from the
// leader's merged snapshot, which names it (raft ignores one that does
// not), and no node took a snapshot because the configuration changed.
func TestAddedMemberCatchesUpFromMergedSnapshot(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Seed, cfg.SnapshotCount, cfg.SnapshotCatchUpEntries = 4, 10, 2
	s, _ := New(cfg)
	AttachClients(s)
	h := &harness{t: t, sim: s}
	var snaps, sent []Event
	h.sim.OnEvent(func(e Event) {
		switch {
		case e.Kind == EvSnapshot:
			snaps = append(snaps, e)
		case e.Kind == EvSent && e.MsgType.String() == "MsgSnap":
			sent = append(sent, e)
		}
	})
	h.leader(3000)
	h.writes(15, "k")
	l := h.sim.Snapshot().Node(h.sim.Snapshot().Leader())
	if l.FirstIndex <= 1 {
		t.Fatalf("the leader has not compacted its log: first index %d", l.FirstIndex)
	}
	taken := len(snaps)
	h.do(`{"op":"add-member","as":"learner"}`)
	h.settled(3000, conf([]uint64{1, 2, 3, 4, 5}, 6))
	got := h.caughtUp(6, 3000)
	if len(snaps) != taken {
		t.Errorf("%d snapshots taken after the change with nothing written: %s", len(snaps)-taken, snaps[taken].Text)
	}
	if len(sent) == 0 {
		t.Fatal("no MsgSnap was sent to the new learner")
	}
	m := sent[0].flight.msg
	md := m.GetSnapshot().GetMetadata()
	if m.GetTo() != 6 || !slices.Contains(md.GetConfState().GetLearners(), 6) || md.GetIndex() <= l.SnapshotIndex {
		t.Fatalf("the MsgSnap to n%d: index %d (the leader's saved snapshot is at %d), configuration %v",
			m.GetTo(), md.GetIndex(), l.SnapshotIndex, md.GetConfState())
	}
	if n := got.Node(6); n.SnapshotIndex != md.GetIndex() || n.Keys != got.Node(got.Leader()).Keys {
		t.Fatalf("n6 holds snapshot %d and %d keys; the MsgSnap was at %d", n.SnapshotIndex, n.Keys, md.GetIndex())
	}
	h.ok()
}
