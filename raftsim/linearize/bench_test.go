package linearize

import (
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// BenchmarkCheckTenMinutesOfStress times the linearizability check of the
// whole history of 10 virtual minutes of stress (three writers) plus three
// checking clients, checked in one go at the end.
func BenchmarkCheckTenMinutesOfStress(b *testing.B) {
	sim := stressed(b)
	sim.Advance(600_000)
	history := clients.Of(sim).History(0)
	b.ResetTimer()
	for b.Loop() {
		if v := New().Check(history, 0); v.Status != raftsim.StatusLinearizable {
			b.Fatalf("%s: %q", v.Status, v.Offending)
		}
	}
	b.ReportMetric(float64(len(history)), "ops")
}

// stressed is a cluster with the stress writers and three checking clients
// on.
func stressed(tb testing.TB) *raftsim.Sim {
	sim, err := clients.New(raftsim.DefaultConfig())
	if err != nil {
		tb.Fatal(err)
	}
	for _, js := range []string{`{"op":"stress","on":true}`, `{"op":"clients","count":3}`} {
		if err := sim.DoJSON(js); err != nil {
			tb.Fatal(err)
		}
	}
	return sim
}
