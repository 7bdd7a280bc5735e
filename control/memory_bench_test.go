package control_test

import (
	"runtime"
	"runtime/metrics"
	"testing"

	"raftplay/control"
	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/spacetime"
	"raftplay/render/scene"
)

// The run of the page's memory benchmark (cmd/serve BenchmarkBrowserMemory):
// ten minutes of 10× stress, at 60 frames a second.
const (
	stressSpeed  = 10
	stressWallMs = 10 * 60 * 1000
	frameWallMs  = 1000.0 / 60
	// sampleFrames is how often the heap is read: often enough to catch
	// its peak between two collections.
	sampleFrames = 8
	// logEveryMs is how often, in virtual time, the heap is logged.
	logEveryMs = 600_000
)

// BenchmarkPageHeapUnderStress does natively, without drawing, what a page
// does in each frame (render.Game.Update) through ten minutes of 10×
// stress: the simulator advances by the frame's share of virtual time, the
// history check takes its step every scene.CheckEvery frames, the timeline
// keeps its frames, the diagram follows the messages and the scene observes
// the snapshot and the events. A wasm module never gives memory back, so
// what the page holds is the heap at its peak: it reports the heap's
// objects at their peak (MB-peak-objects), the heap's spans the runtime
// took for them (MB-heap-sys), the live heap at the end (MB-live) and the
// bytes allocated per virtual second (MB/vs), and logs the heap, the live
// heap of the last collection and the timeline's kept bytes every
// logEveryMs. With -short it runs one minute of 10×.
func BenchmarkPageHeapUnderStress(b *testing.B) {
	wallMs := float64(stressWallMs)
	if testing.Short() {
		wallMs = 60 * 1000
	}
	var peak, sys, live, alloc float64
	for b.Loop() {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		sim, err := judged.New(raftsim.DefaultConfig())
		if err != nil {
			b.Fatal(err)
		}
		tl := control.NewTimeline(sim, judged.New, nil)
		diagram := spacetime.New(sim, spacetime.Options{})
		sc, _ := scene.NewChosen(scene.Choices{}, func(s string, size float64) float64 { return float64(len(s)) * size / 2 })
		if err := sim.DoJSON(`{"op":"stress","on":true}`); err != nil {
			b.Fatal(err)
		}
		var check control.Checker
		var events []raftsim.Event
		samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
		peak = 0
		var logged int64
		for f := 1; float64(f)*frameWallMs <= wallMs; f++ {
			sim.AdvanceTo(int64(float64(f) * frameWallMs * stressSpeed))
			snap := sim.Snapshot()
			check.Frame(sim, snap.Clients.Operations)
			tl.Observe(snap)
			events = sim.AppendEvents(events[:0], sc.LastSeq())
			sc.Observe(snap, events)
			if f%sampleFrames != 0 {
				continue
			}
			metrics.Read(samples)
			peak = max(peak, float64(samples[0].Value.Uint64()))
			if now, last := sim.Now(), logged; now/logEveryMs != last/logEveryMs {
				logged = now
				b.Logf("%4d virtual s: heap objects %.1f MB, live at the last collection %.1f MB, timeline %.1f MB in %d frames",
					now/1000, float64(samples[0].Value.Uint64())/1e6, float64(samples[1].Value.Uint64())/1e6, float64(tl.Stats().Bytes)/1e6, tl.Stats().Frames)
			}
		}
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		sys = float64(after.HeapSys)
		alloc = float64(after.TotalAlloc - before.TotalAlloc)
		runtime.GC()
		runtime.ReadMemStats(&after)
		live = float64(after.HeapAlloc)
		b.Logf("diagram %+v", diagram.Stats())
		tl.Close()
		diagram.Close()
	}
	b.ReportMetric(peak/1e6, "MB-peak-objects")
	b.ReportMetric(sys/1e6, "MB-heap-sys")
	b.ReportMetric(live/1e6, "MB-live")
	b.ReportMetric(alloc/1e6/(wallMs*stressSpeed/1000), "MB/vs")
}
