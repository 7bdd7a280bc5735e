package raftsim

import (
	"fmt"
	"testing"
)

// A leader that crashes right after proposing an added member, before the
// entry left its disk, takes the change with it: the next leader never
// holds it, and the node started for it stops for good. The next node added
// gets a new ID.
func TestLeaderCrashBeforeTheChangeCommits(t *testing.T) {
	h := newHarness(t, 6)
	evs := h.memberEvents()
	l := h.leader(3000).ID
	h.do(`{"op":"add-member","as":"learner"}`)
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, l))
	s := h.until(5000, "n6 stopped", func(s *Snapshot) bool { return s.Node(6).Member == MemberRemoved })
	if s.Node(6).Up || s.Membership.Joint() || len(s.Membership.Learners) != 0 {
		t.Fatalf("after the lost change: n6 %+v, membership %s", s.Node(6), s.Membership.describe())
	}
	if last := (*evs)[len(*evs)-1]; last.Change != ChangeStopped || last.Member != 6 {
		t.Errorf("last member event %s, want n6 stopped", last.Text)
	}
	h.do(fmt.Sprintf(`{"op":"restart","node":%d}`, l))
	h.leader(3000)
	h.do(`{"op":"add-member","as":"voter"}`)
	h.settled(3000, conf([]uint64{1, 2, 3, 4, 5, 7}))
	h.ok()
}

// A leader that crashes while the cluster is in joint consensus: the others
// elect a leader with a majority of both configurations, and it leaves the
// joint configuration by itself; the change holds.
func TestLeaderCrashWhileJoint(t *testing.T) {
	h := newHarness(t, 7)
	l := h.leader(3000).ID
	f := l%5 + 1
	h.do(fmt.Sprintf(`{"op":"remove-member","node":%d,"joint":true}`, f))
	h.stepUntil("the leader in joint consensus", func(s *Snapshot) bool {
		return s.Leader() == l && s.Node(l).Conf.Joint()
	})
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, l))
	rest := votersWithout(5, f)
	s := h.settled(5000, conf(rest))
	if s.Leader() == l || s.Node(f).Member != MemberRemoved {
		t.Fatalf("leader n%d, n%d is %q", s.Leader(), f, s.Node(f).Member)
	}
	h.do(fmt.Sprintf(`{"op":"restart","node":%d}`, l))
	h.settled(3000, conf(rest))
	h.ok()
}

// A failed member is replaced: removed while down, and a new voter added.
func TestReplaceFailedMember(t *testing.T) {
	h := newHarness(t, 8)
	l := h.leader(3000).ID
	f := l%5 + 1
	h.writes(10, "k")
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, f))
	h.removeSettled(f)
	h.leader(3000)
	h.do(`{"op":"add-member","as":"voter"}`)
	want := votersWithout(6, f)
	h.settled(3000, conf(want))
	h.writes(5, "after")
	h.caughtUp(6, 3000)
	h.ok()
}

// A leader that crashes after its followers hold the proposed change, before
// it commits: the next leader holds it too, commits it, and the new member
// joins.
func TestLeaderCrashAfterTheChangeReplicated(t *testing.T) {
	h := newHarness(t, 9)
	l := h.leader(3000).ID
	h.do(`{"op":"add-member","as":"learner"}`)
	h.stepUntil("the change on every follower", func(s *Snapshot) bool {
		for _, n := range s.Nodes {
			if n.ID != l && n.ID <= 5 && (len(n.Log) == 0 || n.Log[len(n.Log)-1].Label != "conf") {
				return false
			}
		}
		return true
	})
	if s := h.sim.Snapshot(); s.Node(l).Commit >= s.Node(l).LastIndex {
		t.Fatalf("the change committed before the crash")
	}
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, l))
	h.settled(5000, conf([]uint64{1, 2, 3, 4, 5}, 6))
	h.caughtUp(6, 3000)
	h.ok()
}
