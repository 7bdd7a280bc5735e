package raftsim_test

import (
	"fmt"
	"runtime"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/linearize"
)

// BenchmarkHeapUnderStress runs the stress writers for an hour of virtual
// time, with the history check the playground runs, and reports the heap in
// use after 10 and after 60 virtual minutes (MB@10min, MB@60min): with
// compaction, as the defaults have it; with compaction and a membership
// change every minute; and, as the baseline, without compaction
// (snapshot_count 0). Goal: at most 64 MB at 60 minutes and no growth from
// 10 to 60.
func BenchmarkHeapUnderStress(b *testing.B) {
	for _, bc := range []struct {
		name  string
		count int
		churn bool
	}{{"compaction", raftsim.DefaultConfig().SnapshotCount, false}, {"compaction+membership", raftsim.DefaultConfig().SnapshotCount, true},
		{"no-compaction", 0, false}} {
		b.Run(bc.name, func(b *testing.B) {
			cfg := raftsim.DefaultConfig()
			cfg.SnapshotCount = bc.count
			var at10, at60 float64
			for b.Loop() {
				sim, err := clients.New(cfg)
				if err != nil {
					b.Fatal(err)
				}
				clients.Of(sim).CheckHistoryWith(linearize.New)
				if err := sim.DoJSON(`{"op":"stress","on":true}`); err != nil {
					b.Fatal(err)
				}
				for minute := 1; minute <= 60; minute++ {
					sim.AdvanceTo(int64(minute) * 60_000)
					if bc.churn {
						changeMembership(sim, minute)
					}
					if minute == 10 {
						at10 = heapInUseMB()
					}
				}
				at60 = heapInUseMB()
				if st := sim.Snapshot(); !st.Invariants.OK {
					b.Fatalf("invariants broke: %+v", st.Invariants.Violations)
				}
				runtime.KeepAlive(sim)
			}
			b.ReportMetric(at10, "MB@10min")
			b.ReportMetric(at60, "MB@60min")
		})
	}
}

// heapInUseMB is the heap in use after a collection, in MB.
func heapInUseMB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapInuse) / (1 << 20)
}

// changeMembership makes the minute's membership change, in a cycle of
// three: add a learner, promote the newest learner, remove the voter with
// the lowest ID. A change the cluster refuses now (another one still in
// progress, no leader) is skipped.
func changeMembership(sim *raftsim.Sim, minute int) {
	snap := sim.Snapshot()
	var learner, oldest uint64
	for _, n := range snap.Nodes {
		switch {
		case n.Member == raftsim.MemberLearner:
			learner = n.ID
		case n.Member == raftsim.MemberVoter && oldest == 0:
			oldest = n.ID
		}
	}
	switch minute % 3 {
	case 1:
		_ = sim.DoJSON(`{"op":"add-member","as":"learner"}`)
	case 2:
		_ = sim.DoJSON(fmt.Sprintf(`{"op":"promote","node":%d}`, learner))
	default:
		_ = sim.DoJSON(fmt.Sprintf(`{"op":"remove-member","node":%d}`, oldest))
	}
}
