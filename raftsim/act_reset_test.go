package raftsim

import "testing"

func TestReset(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a seed and three nodes", js: `{"op":"reset","seed":9,"config":{"nodes":3}}`, check: func(t *testing.T, h *harness) {
			s := h.sim.Snapshot()
			if s.Seed != 9 || len(s.Nodes) != 3 || len(s.Actions) != 0 {
				t.Fatalf("seed %d, %d nodes, actions %v", s.Seed, len(s.Nodes), s.Actions)
			}
		}},
		{name: "a seed that is not whole", js: `{"op":"reset","seed":1.5}`, want: `reset: "seed" must be a whole number`},
		{name: "a bad config", js: `{"op":"reset","config":{"nodes":12}}`, want: "reset: "},
	})
}
