package raftsim

import "testing"

func TestRemoveMember(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a follower", js: `{"op":"remove-member","node":4}`, after: 1000, check: func(t *testing.T, h *harness) {
			if n := h.sim.Snapshot().Node(4); n.Member != MemberRemoved {
				t.Fatalf("n4 is %s", n.Member)
			}
		}},
		{name: "an unknown node", js: `{"op":"remove-member","node":8}`, want: "8"},
		{name: "no node", js: `{"op":"remove-member","node":-1}`, want: `remove-member needs "node"`},
	})
}
