package raftsim

import "testing"

func TestTimeout(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a follower campaigns", js: `{"op":"timeout","node":4}`, check: func(t *testing.T, h *harness) {
			// With PreVote on, as in etcd, it asks first.
			if n := h.sim.Snapshot().Node(4); n.Role != RolePreCandidate {
				t.Fatalf("n4 is a %s", n.Role)
			}
		}},
		{name: "a crashed node", setup: []string{`{"op":"crash","node":3}`}, js: `{"op":"timeout","node":3}`, want: "n3 is down"},
		{name: "a learner", setup: []string{`{"op":"add-member","as":"learner"}`}, js: `{"op":"timeout","node":6}`, want: "not a voter"},
	})
}
