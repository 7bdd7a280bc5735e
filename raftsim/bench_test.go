package raftsim

import (
	"fmt"
	"sync"
	"testing"
)

// BenchmarkVirtualSecondsPerWallSecond simulates a 5-node cluster under 10
// client writes per virtual second and reports how many virtual seconds it
// simulates per wall-clock second (vs/s).
func BenchmarkVirtualSecondsPerWallSecond(b *testing.B) {
	h := newHarness(b, 1)
	h.run(1000)
	b.ResetTimer()
	virtualMs := int64(0)
	for i := 0; b.Loop(); i++ {
		// One iteration is one virtual second: ten writes, 100 ms apart.
		for w := range 10 {
			h.run(100)
			virtualMs += 100
			if err := h.sim.DoJSON(fmt.Sprintf(`{"op":"put","key":"k%d","value":"v%d"}`, w, i)); err != nil {
				b.Fatal(err)
			}
		}
	}
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(virtualMs)/1000/s, "vs/s")
	}
	if st := h.sim.Snapshot(); !st.Invariants.OK {
		b.Fatalf("invariants broke: %+v", st.Invariants.Violations)
	}
}

// BenchmarkSimsInGoroutines runs one and then two simulations at once, each
// in its own goroutine, and reports the virtual seconds simulated per wall
// second by all of them together (vs/s) and by each (vs/s/sim). Every raft
// call of every simulation in the process takes one lock (entropy.go), so the
// figures show what that lock costs batch work across cores.
func BenchmarkSimsInGoroutines(b *testing.B) {
	for _, sims := range []int{1, 2} {
		b.Run(fmt.Sprintf("sims=%d", sims), func(b *testing.B) {
			hs := make([]*harness, sims)
			for i := range hs {
				hs[i] = newHarness(b, int64(i+1))
				hs[i].do(`{"op":"clients","count":3}`)
			}
			virtualMs := int64(0)
			for b.Loop() {
				var wg sync.WaitGroup
				for _, h := range hs {
					wg.Go(func() { h.run(1000) })
				}
				wg.Wait()
				virtualMs += 1000
			}
			if s := b.Elapsed().Seconds(); s > 0 {
				b.ReportMetric(float64(virtualMs*int64(sims))/1000/s, "vs/s")
				b.ReportMetric(float64(virtualMs)/1000/s, "vs/s/sim")
			}
		})
	}
}
