package timeline

import (
	"testing"

	"raftplay/raftsim/judged"
)

// tenMinutes is a 10-virtual-minute run with faults and two checking
// clients, watched by a timeline at 100 ms frames.
func tenMinutes(b *testing.B) (*Timeline, func()) {
	sim := newLive(b, 9)
	if err := sim.DoJSON(`{"op":"clients","count":2}`); err != nil {
		b.Fatal(err)
	}
	tl := New(sim, judged.New, Options{})
	livePlay(b, sim, tl, 600_000, 100)
	return tl, tl.Close
}

// BenchmarkReplay10Min is the baseline: a plain replay of the whole run
// (what a share link or cmd/sim does), beside which StateAt and Fork cost.
func BenchmarkReplay10Min(b *testing.B) {
	tl, done := tenMinutes(b)
	defer done()
	run := tl.sim.Run()
	b.ResetTimer()
	for range b.N {
		sim, _ := tl.build(run.Config)
		if _, err := sim.Replay(run); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStateAtBack10Min seeks back and forth across a 10-minute run,
// the worst case: every seek replays from the start, to 5 minutes on average.
func BenchmarkStateAtBack10Min(b *testing.B) {
	tl, done := tenMinutes(b)
	defer done()
	b.ResetTimer()
	for i := range b.N {
		if _, err := tl.StateAt(int64(600_000 - 60_000*(i%10))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStateAtForward10Min steps forward 1 s at a time, as scrubbing
// towards the present does: each seek carries on from the last.
func BenchmarkStateAtForward10Min(b *testing.B) {
	tl, done := tenMinutes(b)
	defer done()
	b.ResetTimer()
	for i := range b.N {
		if _, err := tl.StateAt(int64(1000 * (i%600 + 1))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFrame10Min is scrubbing over the kept frames, and reports what
// they cost in memory.
func BenchmarkFrame10Min(b *testing.B) {
	tl, done := tenMinutes(b)
	defer done()
	b.ResetTimer()
	for i := range b.N {
		if _, ok := tl.Frame(100 + int64(i*7919)%599_900); !ok {
			b.Fatal("no frame")
		}
	}
	// After the loop: ResetTimer drops metrics reported before it.
	st := tl.Stats()
	b.ReportMetric(float64(st.Bytes)/(1<<20), "MiB-kept")
	b.ReportMetric(float64(st.Frames), "frames")
	b.ReportMetric(float64(st.EveryMs), "ms-apart")
}

// BenchmarkFork10Min forks a 10-minute run at its end: a replay of the
// whole run in the live simulation.
func BenchmarkFork10Min(b *testing.B) {
	tl, done := tenMinutes(b)
	defer done()
	b.ResetTimer()
	for range b.N {
		if err := tl.Fork(600_000); err != nil {
			b.Fatal(err)
		}
	}
}
