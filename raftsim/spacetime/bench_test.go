package spacetime

import (
	"runtime"
	"testing"

	"raftplay/raftsim"
)

// busy starts a run under the stress writers, with a watcher that does
// nothing: the playground always has one, which makes the simulator
// describe its events, so that cost is the baseline's too.
func busy(b *testing.B) *raftsim.Sim {
	sim := newSim(b, 1)
	sim.OnEvent(func(raftsim.Event) {})
	if err := sim.DoJSON(`{"op":"stress","on":true}`); err != nil {
		b.Fatal(err)
	}
	return sim
}

// heapGrowth is how much the live heap grew while f ran.
func heapGrowth(f func()) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return float64(after.HeapAlloc) - float64(before.HeapAlloc)
}

// BenchmarkFollow reports what following a busy run costs: 10 virtual
// seconds played without and with a model, in the same run.
func BenchmarkFollow(b *testing.B) {
	b.Run("baseline", func(b *testing.B) {
		for b.Loop() {
			busy(b).Advance(10_000)
		}
	})
	b.Run("model", func(b *testing.B) {
		for b.Loop() {
			sim := busy(b)
			New(sim, Options{})
			sim.Advance(10_000)
		}
	})
}

// BenchmarkKept reports the memory a full model keeps (DefaultMaxArrows
// arrows): the heap's growth over a busy run with a model, less its growth
// over the same run without one.
func BenchmarkKept(b *testing.B) {
	var kept, perArrow float64
	for b.Loop() {
		sim := busy(b)
		var m *Model
		with := heapGrowth(func() {
			m = New(sim, Options{})
			for m.Stats().Arrows < DefaultMaxArrows {
				sim.Advance(100)
			}
		})
		until := sim.Now()
		plain := busy(b)
		without := heapGrowth(func() { plain.Advance(until) })
		kept = with - without
		perArrow = kept / float64(m.Stats().Arrows)
		runtime.KeepAlive(m)
		runtime.KeepAlive(sim)
		runtime.KeepAlive(plain)
	}
	b.ReportMetric(kept/1e6, "MB-kept")
	b.ReportMetric(perArrow, "B/arrow")
}
