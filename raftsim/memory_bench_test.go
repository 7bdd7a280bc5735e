package raftsim_test

import (
	"runtime"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/linearize"
)

// BenchmarkHeapUnderStress runs the stress writers for an hour of virtual
// time, with the history check the playground runs, and reports the heap in
// use after 10 and after 60 virtual minutes (MB@10min, MB@60min): with
// compaction, as the defaults have it, and, as the baseline, without
// (snapshot_count 0). Goal: at most 64 MB at 60 minutes and no growth from
// 10 to 60.
func BenchmarkHeapUnderStress(b *testing.B) {
	for _, bc := range []struct {
		name  string
		count int
	}{{"compaction", raftsim.DefaultConfig().SnapshotCount}, {"no-compaction", 0}} {
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
				sim.AdvanceTo(10 * 60_000)
				at10 = heapInUseMB()
				sim.AdvanceTo(60 * 60_000)
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
