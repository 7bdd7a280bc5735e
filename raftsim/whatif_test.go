package raftsim

import "testing"

// TestTimeoutSpreadNarrowsDraws checks the what-if: with
// TimeoutSpreadTicks set, every randomized election timeout raft draws lies
// in [ElectionTicks, ElectionTicks+spread), for timeouts read from one byte
// and from two; without it, raft's own spread shows.
func TestTimeoutSpreadNarrowsDraws(t *testing.T) {
	for _, tc := range []struct{ et, spread int }{{150, 5}, {150, 1}, {300, 3}, {150, 0}} {
		cfg := DefaultConfig()
		cfg.TickMs, cfg.ElectionTicks, cfg.HeartbeatTicks, cfg.TimeoutSpreadTicks = 1, tc.et, tc.et/2, tc.spread
		sim, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi := int64(1<<62), int64(0)
		for range 100 {
			sim.Advance(37)
			// Crash-free runs redraw at every election and term change;
			// kill the leader now and then so followers draw again.
			if l := sim.Snapshot().Leader(); l != 0 && sim.Now()%5 == 0 {
				sim.Do(Action{Op: "crash", Node: l})
				sim.Advance(1)
				sim.Do(Action{Op: "restart", Node: l})
			}
			for _, n := range sim.Snapshot().Nodes {
				if n.Up && n.Role != RoleLeader {
					lo, hi = min(lo, n.ElectionTimeoutMs), max(hi, n.ElectionTimeoutMs)
				}
			}
		}
		want := int64(tc.spread)
		if want == 0 {
			if hi < int64(tc.et)+int64(tc.et)/2 {
				t.Errorf("no spread: timeouts %d..%d ms, want raft's own [%d, %d)", lo, hi, tc.et, 2*tc.et)
			}
			continue
		}
		if lo < int64(tc.et) || hi >= int64(tc.et)+want {
			t.Errorf("spread %d over %d ticks: timeouts %d..%d ms, want within [%d, %d)", tc.spread, tc.et, lo, hi, tc.et, int64(tc.et)+want)
		}
	}
}

func TestTimeoutSpreadIsValidated(t *testing.T) {
	cfg := DefaultConfig()
	for _, v := range []int{-1, cfg.ElectionTicks + 1} {
		cfg.TimeoutSpreadTicks = v
		if cfg.Validate() == nil {
			t.Errorf("timeout_spread_ticks %d accepted with election_ticks %d", v, cfg.ElectionTicks)
		}
	}
}
