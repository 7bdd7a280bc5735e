package main

import (
	"fmt"
	"testing"
	"time"

	"raftplay/render/scene"
)

// BenchmarkBrowserTimeTravel reports, in the page, what time travel costs
// on a 10-virtual-minute run with faults: a seek back to its middle (a
// replay from the start), a seek on from there to near its end (a replay
// carried on), a fork at its end (a replay of the whole run in the live
// simulation), and a click on the strip's middle until the picture settles
// on that moment exactly (the replay spread over frames), beside the
// baseline of playing the run itself through advance().
func BenchmarkBrowserTimeTravel(b *testing.B) {
	tab := openPlayground(b, "seed=1")
	tab.pause()
	timed := func(expr string) float64 {
		return eval[float64](tab, fmt.Sprintf(`(() => { const t = performance.now(); %s; return performance.now() - t; })()`, expr))
	}
	var playMs, backMs, onMs, forkMs, settleMs float64
	for b.Loop() {
		playMs = 0
		for i := range 10 {
			if i == 2 || i == 6 {
				tab.do(`{"op":"crash","node":2}`)
			}
			if i == 4 || i == 8 {
				tab.do(`{"op":"restart","node":2}`)
			}
			playMs += timed("raftplay.advance(60000)")
		}
		end := tab.timeline().NowMs
		backMs = timed(fmt.Sprintf("raftplay.seek(%d)", end/2))
		onMs = timed(fmt.Sprintf("raftplay.seek(%d)", end-1000))
		forkMs = timed("raftplay.fork()")
		track := tab.panel("timeline-track")
		eval[float64](tab, "window.clickedAt = performance.now()")
		tab.click(scene.Point{X: track.X + track.W/2, Y: track.Y + track.H/2})
		tab.pollFor("the exact moment", "JSON.parse(raftplay.timeline()).exact", 5*time.Minute)
		settleMs = eval[float64](tab, "performance.now() - window.clickedAt")
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(playMs, "ms-play-10min")
	b.ReportMetric(backMs, "ms-seek-back-5min")
	b.ReportMetric(onMs, "ms-seek-on-5min")
	b.ReportMetric(forkMs, "ms-fork-10min")
	b.ReportMetric(settleMs, "ms-click-to-exact-5min")
	b.Logf("10 virtual minutes: played in %.0f ms (%.0f virtual s per s); seek back to 5 min %.0f ms, seek on to 10 min %.0f ms, fork at 10 min %.0f ms; a click on the strip's middle to its exact moment %.0f ms",
		playMs, 600_000/playMs, backMs, onMs, forkMs, settleMs)
}
