package raftsim

import (
	"strings"
	"testing"
)

// The checker must be able to fail: each case feeds it a fabricated history
// that breaks one property and expects that property's violation.
func TestCheckerCatchesFabricatedViolations(t *testing.T) {
	terms := func(ts ...uint64) func(uint64) (uint64, bool) {
		return func(i uint64) (uint64, bool) {
			if i == 0 {
				return 0, true
			}
			if i > uint64(len(ts)) {
				return 0, false
			}
			return ts[i-1], true
		}
	}
	tests := []struct {
		name string
		feed func(c *checker) error
		want string // substring of the error; "" means no violation
	}{
		{"two leaders in one term", func(c *checker) error {
			if err := c.leader(3, 1); err != nil {
				return err
			}
			return c.leader(3, 2)
		}, "both led term 3"},
		{"one leader per term is fine", func(c *checker) error {
			_ = c.leader(3, 1)
			return c.leader(4, 2)
		}, ""},
		{"a leader without a majority", func(c *checker) error {
			c.vote(3, 1, 2)
			c.vote(2, 1, 3) // a vote of an earlier term counts for nothing
			return c.quorum(3, 1, conf([]uint64{1, 2, 3, 4, 5}), termsOf(nil))
		}, "n1 leads term 3 with the votes of 2 of the voters [1 2 3 4 5], not a majority"},
		{"a joint leader with a majority of the incoming voters only", func(c *checker) error {
			return jointElection(c, 2, 6)
		}, "with the votes of 2 of the voters [1 2 3 4 5]"},
		{"a joint leader with a majority of both", func(c *checker) error {
			return jointElection(c, 2, 4, 6)
		}, ""},
		{"same index and term, different data", func(c *checker) error {
			_ = c.entry(1, 5, 2, 0xaa, 1)
			return c.entry(2, 5, 2, 0xbb, 1)
		}, "different entry at index 5"},
		{"same index and term, different prefix", func(c *checker) error {
			_ = c.entry(1, 5, 2, 0xaa, 1)
			return c.entry(2, 5, 2, 0xaa, 2)
		}, "follows term"},
		{"commit goes back", func(c *checker) error {
			return c.commit(1, 1, 4, 3, terms(1, 1, 1, 1))
		}, "went back from 4 to 3"},
		{"leader without a committed entry", func(c *checker) error {
			_ = c.commit(1, 2, 0, 3, terms(1, 1, 2))
			return c.leaderComplete(2, 3, terms(1, 1))
		}, "without the committed entry at index 3"},
		{"leader with another entry at the committed index", func(c *checker) error {
			_ = c.commit(1, 2, 0, 3, terms(1, 1, 2))
			return c.leaderComplete(2, 3, terms(1, 1, 1))
		}, "without the committed entry"},
		{"complete leader is fine", func(c *checker) error {
			_ = c.commit(1, 2, 0, 3, terms(1, 1, 2))
			return c.leaderComplete(2, 3, terms(1, 1, 2, 3))
		}, ""},
		{"a paused candidate wins its old term with the votes delivered before and after", func(c *checker) error {
			// n9 stands in term 2 and gets n7's vote; its process pauses,
			// n3 wins term 5; n9 runs again and counts the votes that
			// waited for it: with n7's, a majority of five.
			c.vote(2, 9, 7)
			c.vote(5, 3, 4)
			c.vote(5, 3, 5)
			if err := c.quorum(5, 3, conf([]uint64{3, 4, 5, 7, 9}), termsOf(map[uint64]uint64{3: 5, 9: 2})); err != nil {
				return err
			}
			c.vote(2, 9, 4)
			return c.quorum(2, 9, conf([]uint64{3, 4, 5, 7, 9}), termsOf(map[uint64]uint64{3: 5, 9: 2}))
		}, ""},
		{"a candidate that moved past its term keeps none of its votes", func(c *checker) error {
			c.vote(2, 9, 7)
			c.vote(2, 9, 4)
			_ = c.quorum(5, 3, conf([]uint64{3, 4, 5, 7, 9}), termsOf(map[uint64]uint64{3: 5, 9: 3}))
			return c.quorum(2, 9, conf([]uint64{3, 4, 5, 7, 9}), termsOf(nil))
		}, "n9 leads term 2 with the votes of 1 of the voters"},
		{"an old term's leader need not hold what later terms committed", func(c *checker) error {
			_ = c.commit(1, 1, 0, 2, terms(1, 1))
			_ = c.commit(1, 5, 2, 3, terms(1, 1, 5))
			return c.leaderComplete(9, 2, terms(1, 1))
		}, ""},
		{"an old term's leader holds what earlier terms committed", func(c *checker) error {
			_ = c.commit(1, 1, 0, 2, terms(1, 1))
			_ = c.commit(1, 5, 2, 3, terms(1, 1, 5))
			return c.leaderComplete(9, 2, terms(1))
		}, "n9 leads term 2 without the committed entry at index 2 (term 1)"},
		{"two nodes apply different entries at one index", func(c *checker) error {
			_ = c.apply(1, 1, 1, 0xaa)
			return c.apply(2, 1, 2, 0xbb)
		}, "applied a different entry at index 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newChecker(DefaultConfig().NodeName)
			err := tt.feed(&c)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("unexpected violation: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("got %v, want a violation containing %q", err, tt.want)
			}
		})
	}
}

// A violation found during a run is reported in the snapshot and the event
// stream, and the run goes on.
func TestViolationIsReportedAndRunContinues(t *testing.T) {
	h := newHarness(t, 2)
	l := h.leader(2000)
	var seen []Event
	h.sim.OnEvent(func(e Event) {
		if e.Kind == EvViolation {
			seen = append(seen, e)
		}
	})
	// Claim that another node led the leader's term: election safety breaks.
	h.sim.check(InvElectionSafety, h.sim.checker.leader(l.Term, l.ID%5+1))
	h.run(500)
	s := h.sim.Snapshot()
	if s.Invariants.OK || len(s.Invariants.Violations) != 1 || s.Invariants.Violations[0].Invariant != InvElectionSafety {
		t.Fatalf("snapshot invariants = %+v", s.Invariants)
	}
	if len(seen) != 1 || !strings.Contains(seen[0].Text, "election-safety") {
		t.Fatalf("violation events = %+v", seen)
	}
	if s.NowMs <= 500 || s.Leader() == 0 {
		t.Fatalf("run did not go on: now %d ms, leader %d", s.NowMs, s.Leader())
	}
}

// jointElection has n1 win term 3 with the votes of voters, in the joint
// configuration that replaces n3, n4 and n5 with n6.
func jointElection(c *checker, voters ...uint64) error {
	for _, v := range voters {
		c.vote(3, 1, v)
	}
	joint := conf([]uint64{1, 2, 6})
	joint.VotersOutgoing = []uint64{1, 2, 3, 4, 5}
	return c.quorum(3, 1, joint, termsOf(nil))
}

// termsOf answers the checker's question of a node's current term from a
// map (0 for nodes it does not hold).
func termsOf(m map[uint64]uint64) func(uint64) uint64 {
	return func(id uint64) uint64 { return m[id] }
}
