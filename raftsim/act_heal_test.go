package raftsim

import "testing"

func TestHeal(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a partition", setup: []string{`{"op":"partition","groups":[[1,2],[3,4,5]]}`}, js: `{"op":"heal"}`,
			check: func(t *testing.T, h *harness) {
				if p := h.sim.Snapshot().Partition; len(p) != 0 {
					t.Fatalf("partition %v after heal", p)
				}
			}},
		{name: "no partition", js: `{"op":"heal"}`, want: "not partitioned"},
	})
}
