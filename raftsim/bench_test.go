package raftsim

import (
	"fmt"
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
