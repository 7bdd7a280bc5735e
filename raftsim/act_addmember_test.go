package raftsim

import "testing"

func TestAddMember(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a learner", js: `{"op":"add-member","as":"learner"}`, after: 1000, check: func(t *testing.T, h *harness) {
			if n := h.sim.Snapshot().Node(6); n == nil || n.Member != MemberLearner {
				t.Fatalf("n6 is %+v", n)
			}
		}},
		{name: "a named voter", js: `{"op":"add-member","as":"voter","name":"f"}`},
		{name: "as nothing", js: `{"op":"add-member"}`, want: `add-member needs "as": "learner" or "voter"`},
		{name: "a name of a number", js: `{"op":"add-member","as":"voter","name":3}`, want: `add-member: "name" must be a string`},
	})
}
