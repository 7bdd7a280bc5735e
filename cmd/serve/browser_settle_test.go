package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// pollFor waits until expr holds in the page, failing after within.
func (t *tab) pollFor(what, expr string, within time.Duration) {
	t.tb.Helper()
	if _, err := chromedp.Run(t.ctx, chromedp.Poll[bool](expr,
		chromedp.WithPollingInterval(pollEvery/5), chromedp.WithPollingTimeout(within))); err != nil {
		t.tb.Fatalf("waiting for %s: %v", what, err)
	}
}

// A drag on the strip shows kept frames, and once released settles on the
// exact moment under the cursor: state() is then what cmd/sim prints for
// that moment. A key that acts on that past moment forks the run there
// behind the strip's progress bar, and is done once the fork is.
func TestBrowserScrubSettlesAndActsOnThePast(t *testing.T) {
	tab := openPlayground(t, "seed=5")
	tab.pause()
	tab.advance(20000)
	tab.do(crash(2))
	tab.advance(20000)
	tab.do(`{"op":"restart","node":2}`)
	live := tab.advance(80000)

	track := tab.panel("timeline-track")
	y := track.Y + track.H/2
	start := time.Now()
	tab.drag(scene.Point{X: track.X + 0.3*track.W, Y: y}, scene.Point{X: track.X + 0.55*track.W, Y: y})
	tab.pollFor("the exact moment", "JSON.parse(raftplay.timeline()).exact", 60*time.Second)
	settled := time.Since(start)
	m := tab.timeline()
	if m.ShownMs < live.NowMs/2 || m.ShownMs > live.NowMs*6/10 {
		t.Fatalf("a drag to 55%% of a %d ms run settled on %d ms", live.NowMs, m.ShownMs)
	}
	got := eval[string](tab, "raftplay.state()")
	if want := replayed(t, live.Config, live.Actions, m.ShownMs); !bytes.Equal([]byte(got), want) {
		t.Fatalf("settled on %d ms, the picture shows something else than cmd/sim prints:\n got %.300s\nwant %.300s", m.ShownMs, got, want)
	}
	t.Logf("a drag over a %d s run, from its press to the exact moment %d ms: %v", live.NowMs/1000, m.ShownMs, settled)

	if tab.state().Node(2) == nil {
		t.Fatal("no n2")
	}
	tab.press("k")
	// The key acts once the fork it starts has replayed to the moment, a
	// few frames later or many, as the machine goes; the strip shows the
	// fork under way (its Export gives way to the progress) until it ends.
	tab.pollFor("k on a past moment of a two-minute run to fork there and crash all", `(() => {
		const a = JSON.parse(raftplay.state()).actions || [];
		return a.length > 0 && a[a.length - 1].op === "crash-all" &&
			JSON.parse(raftplay.layout()).panels.some(p => p.name === "timeline-export");
	})()`, 120*time.Second)
	s := tab.state()
	last := s.Actions[len(s.Actions)-1]
	if last.Op != raftsim.ActCrashAll || last.AtMs != m.ShownMs {
		t.Errorf("after k on %d ms the log ends with %+v, want crash-all there", m.ShownMs, last)
	}
	for _, a := range s.Actions {
		if a.AtMs > m.ShownMs {
			t.Errorf("action %+v from after the fork at %d ms survived it", a, m.ShownMs)
		}
	}
	for _, n := range s.Nodes {
		if n.Up {
			t.Errorf("after the fork and k n%d is up", n.ID)
		}
	}
}
