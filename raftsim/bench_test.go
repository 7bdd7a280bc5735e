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

// BenchmarkCheckTenMinutesOfStress times the linearizability check of the
// whole history of 10 virtual minutes of stress (three writers) plus three
// checking clients, checked in one go at the end.
func BenchmarkCheckTenMinutesOfStress(b *testing.B) {
	h := newHarness(b, 1)
	h.do(`{"op":"stress","on":true}`)
	h.do(`{"op":"clients","count":3}`)
	h.run(600_000)
	ops := len(h.sim.History(0))
	b.ResetTimer()
	for b.Loop() {
		h.sim.lin = newLinChecker()
		if v := h.sim.CheckLinearizability(0); v.Status != "linearizable" {
			b.Fatalf("%s: %q", v.Status, v.Offending)
		}
	}
	b.ReportMetric(float64(ops), "ops")
}
