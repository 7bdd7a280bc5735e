package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"raftplay/raftsim/timeline"
	"raftplay/render/scene"
)

// timelineInfo is what raftplay.timeline() says.
type timelineInfo struct {
	NowMs int64 `json:"now_ms"`
	// ShownMs is the moment shown; Exact is false while a kept frame
	// stands in for it.
	ShownMs int64 `json:"shown_ms"`
	Exact   bool  `json:"exact"`
	Marks   []struct {
		AtMs int64  `json:"at_ms"`
		Kind string `json:"kind"`
	} `json:"marks"`
}

func (t *tab) timeline() timelineInfo {
	t.tb.Helper()
	var info timelineInfo
	if err := json.Unmarshal([]byte(eval[string](t, t.api+".timeline()")), &info); err != nil {
		t.tb.Fatal(err)
	}
	return info
}

// playUntil lets the page play in real time until the live run reaches ms.
func (t *tab) playUntil(ms int64) {
	t.tb.Helper()
	expr := fmt.Sprintf("JSON.parse(%s.timeline()).now_ms >= %d", t.api, ms)
	if _, err := chromedp.Run(t.ctx, chromedp.Poll[bool](expr,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.tb.Fatalf("waiting for the run to reach %d ms: %v", ms, err)
	}
}

// drag presses the mouse at from, moves it to to and releases it there,
// each step read by the game.
func (t *tab) drag(from, to scene.Point) {
	t.tb.Helper()
	opts := []chromedp.MouseOption{chromedp.ButtonLeft, chromedp.ClickCount(1)}
	if err := chromedp.Do(t.ctx,
		chromedp.MouseEvent(chromedp.MouseMoved, from.X, from.Y),
		chromedp.MouseEvent(chromedp.MousePressed, from.X, from.Y, opts...)); err != nil {
		t.tb.Fatal(err)
	}
	t.inputRead()
	for i := 1; i <= 4; i++ {
		x := from.X + (to.X-from.X)*float64(i)/4
		if err := chromedp.Do(t.ctx, chromedp.MouseEvent(chromedp.MouseMoved, x, to.Y, chromedp.ButtonLeft)); err != nil {
			t.tb.Fatal(err)
		}
		t.inputRead()
	}
	if err := chromedp.Do(t.ctx, chromedp.MouseEvent(chromedp.MouseReleased, to.X, to.Y, opts...)); err != nil {
		t.tb.Fatal(err)
	}
	t.inputRead()
}

// panel returns the rectangle layout() names name, failing without it.
func (t *tab) panel(name string) scene.Rect {
	t.tb.Helper()
	for _, p := range t.layout().Panels {
		if p.Name == name {
			return scene.Rect{X: p.X, Y: p.Y, W: p.W, H: p.H}
		}
	}
	t.tb.Fatalf("layout() has no %q", name)
	return scene.Rect{}
}

// saveShot writes a screenshot to $RAFTPLAY_SHOTS, when set, to look at.
func (t *tab) saveShot(name string) {
	t.tb.Helper()
	png, _ := t.screenshot()
	if dir := os.Getenv("RAFTPLAY_SHOTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.tb.Fatal(err)
		}
	}
}

// The timeline strip by real mouse and keys: a drag shows a past moment
// while the live run waits, ] [ and ← step through the marks, Play from
// here forks the run there, and Export downloads the run as a test.
func TestBrowserTimelineStrip(t *testing.T) {
	tab := openPlayground(t, "seed=3&speed=8")
	tab.playUntil(3000)
	old := tab.until("a leader", budgetMs, electionStepMs, hasLeader).Leader()
	tab.do(crash(old))
	tab.playUntil(9000)
	tab.do(fmt.Sprintf(`{"op":"restart","node":%d}`, old))
	tab.do(`{"op":"put","key":"a","value":"much"}`)
	tab.playUntil(12000)

	track := tab.panel("timeline-track")
	y := track.Y + track.H/2
	end := tab.timeline().NowMs
	tab.drag(scene.Point{X: track.X + 0.2*track.W, Y: y}, scene.Point{X: track.X + 0.5*track.W, Y: y})
	shown := tab.state()
	live := tab.timeline().NowMs
	if want := end / 2; shown.NowMs < want-1500 || shown.NowMs > live/2+1500 {
		t.Fatalf("after a drag to the middle of the track the picture shows %d ms, want about %d of %d..%d", shown.NowMs, want, end, live)
	}
	tab.waitFrames(10)
	if now := tab.timeline().NowMs; now != live {
		t.Errorf("the live run moved from %d to %d ms while the past was shown", live, now)
	}
	tab.saveShot("timeline-1280x800.png")

	marks := tab.timeline().Marks
	next := func(ms int64) int64 {
		for _, m := range marks {
			if m.AtMs > ms {
				return m.AtMs
			}
		}
		return -1
	}
	want := next(shown.NowMs)
	if want < 0 {
		t.Fatalf("no mark after %d ms in %+v", shown.NowMs, marks)
	}
	tab.press("]")
	after := tab.state().NowMs
	if after < want || after > want+1500 {
		t.Errorf("] from %d ms shows %d ms, want just after the mark at %d", shown.NowMs, after, want)
	}
	tab.press("[")
	back := tab.state().NowMs
	if back >= after {
		t.Errorf("[ from the mark at %d ms shows %d ms, want an earlier mark", want, back)
	}
	tab.press(kb.ArrowRight)
	forkAt := tab.state().NowMs
	if forkAt < back || forkAt > after {
		t.Errorf("→ from %d ms shows %d ms, want the next mark's frame (marks close together share one), at most the one at %d ms (marks %+v)", back, forkAt, want, marks)
	}

	tab.click(tab.panel("timeline-fork").Center())
	tab.playUntil(forkAt + 1000)
	s := tab.state()
	for _, a := range s.Actions {
		if a.AtMs > forkAt {
			t.Errorf("action %+v from after the fork at %d ms survived it", a, forkAt)
		}
	}
	if s.NowMs < forkAt+1000 || s.NowMs > live {
		t.Errorf("after the fork the run is at %d ms, want on from %d ms", s.NowMs, forkAt)
	}

	eval[bool](tab, `(() => {
		const click = HTMLAnchorElement.prototype.click;
		HTMLAnchorElement.prototype.click = function () {
			window.exported = {name: this.download};
			fetch(this.href).then(r => r.text()).then(text => { window.exported.text = text; });
		};
		return true;
	})()`)
	tab.click(tab.panel("timeline-export").Center())
	if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool]("window.exported && window.exported.text !== undefined",
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("Export downloaded nothing: %v", err)
	}
	var ex timeline.Export
	if err := json.Unmarshal([]byte(eval[string](tab, "window.exported.text")), &ex); err != nil {
		t.Fatal(err)
	}
	if name := eval[string](tab, "window.exported.name"); name != fmt.Sprintf("raftplay-seed3-%dms.json", ex.UntilMs) {
		t.Errorf("the download is called %q", name)
	}
	if got := replayed(t, ex.Config, ex.Actions, ex.UntilMs); string(got) != string(ex.Final) {
		t.Errorf("the downloaded run's final state differs from a replay of its actions")
	}
}

// The strip at the other sizes, for a look (RAFTPLAY_SHOTS) and for the
// layout: on the screen, under the ring.
func TestBrowserTimelineStripSizes(t *testing.T) {
	requireBrowser(t)
	for _, v := range []viewport{{640, 400, 1}, {390, 844, 3}} {
		tab := openURL(t, browser.server.URL+"/?seed=3&speed=8", ownAPI, v)
		tab.playUntil(6000)
		track := tab.panel("timeline-track")
		tab.click(scene.Point{X: track.X + track.W/3, Y: track.Y + track.H/2})
		if s := tab.state(); s.NowMs > 4500 {
			t.Errorf("%dx%d: a click a third along the track shows %d ms", v.w, v.h, s.NowMs)
		}
		strip := tab.panel("timeline")
		if strip.Bottom() > float64(v.h) || strip.W < float64(v.w)/2 {
			t.Errorf("%dx%d: the strip is at %+v", v.w, v.h, strip)
		}
		tab.saveShot(fmt.Sprintf("timeline-%dx%d.png", v.w, v.h))
	}
}
