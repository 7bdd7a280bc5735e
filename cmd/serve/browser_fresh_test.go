package main

import (
	"fmt"
	"image"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"raftplay/render/scene"
)

// Take over closes the story panel and the ring spreads out: the links,
// the partition's shading and the messages in flight follow the nodes, so
// the screen is what a fresh draw of the same moment shows, pixel for pixel.
func TestBrowserTakeOverRedrawsTheRing(t *testing.T) {
	tab := openPlayground(t, "scenario=partition&paused=true&theme=dark")
	for {
		tab.finishStep()
		if s := tab.state(); len(s.Partition) > 0 && len(s.Messages) > 0 {
			break
		}
		tab.story(map[string]bool{"next": true})
	}
	before := tab.layout()
	tab.press("x")
	if tab.story(nil).Active {
		t.Fatal("x did not end the story")
	}
	after := tab.layout()
	if slices.EqualFunc(before.Nodes, after.Nodes, func(a, b scene.NodePlace) bool { return a.X == b.X && a.Y == b.Y && a.R == b.R }) {
		t.Fatalf("the nodes stayed at %+v after Take over: the test needs a ring that moves", after.Nodes)
	}
	tab.sameScreenDrawnAfresh("the ring after Take over")
}

// Opening a panel beside the ring and closing it again lays the picture
// out twice; what shows then is what a fresh draw shows.
func TestBrowserPanelOpenAndCloseRedraws(t *testing.T) {
	tab := openPlayground(t, "seed=7&paused=true&theme=light")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.do(`{"op":"partition","groups":[[1,2],[3,4,5]]}`)
	tab.advance(40)
	for _, key := range []string{";", ";"} { // the space-time diagram, open then closed
		tab.press(key)
	}
	tab.sameScreenDrawnAfresh("the picture after the diagram opened and closed")
}

// An embed resized through sizes a few pixels across (an author typing a
// width and height in the embed builder) and back shows what a page opened
// at its final size shows: no sprite of those sizes spoils the others.
func TestBrowserEmbedResizeDrawsAsFresh(t *testing.T) {
	requireBrowser(t)
	view := viewport{640, 400, 1}
	const q = "/?seed=7&paused=true&theme=light"
	setUp := func(tab *tab) {
		tab.advance(electionMs)
		tab.do(`{"op":"put","key":"much","value":"much"}`)
		tab.advance(300)
	}
	tab := openURL(t, browser.server.URL+q, ownAPI, view)
	setUp(tab)
	tab.waitFrames(2)
	// Width typed as 6, 64, 640 at the builder's 600 high, then the
	// height as 4, 40, 400; and a few more of the narrow sizes at which
	// the log panel's boxes come out of a negative size.
	for _, s := range [][2]int64{{6, 600}, {64, 600}, {100, 600}, {30, 600}, {150, 600}, {640, 600}, {640, 4}, {640, 40}, {640, 400}} {
		if err := chromedp.Do(tab.ctx, chromedp.EmulateViewport(s[0], s[1], chromedp.EmulateScale(view.scale))); err != nil {
			t.Fatal(err)
		}
		tab.waitFrames(2)
	}
	_, kept := tab.screenshot()
	fresh := openURL(t, browser.server.URL+q, ownAPI, view)
	setUp(fresh)
	_, drawn := fresh.screenshot()
	if n := differing(kept, drawn, whole(kept)); n > 0 {
		t.Errorf("the resized embed differs from one opened at its size in %d pixels", n)
	}
}

// A frame repaints only the regions where something changed: messages
// moving, timers running down, the clock, the nodes and their logs as the
// run goes on. After many such frames (the run advanced in steps while
// paused, so no frame is repainted whole for the play state), the screen is
// what a fresh draw of the moment shows, at the desktop's and a phone's size.
func TestBrowserRegionRepaintsMatchAFreshDraw(t *testing.T) {
	requireBrowser(t)
	for _, view := range []viewport{defaultView, {390, 844, 1}} {
		tab := openURL(t, browser.server.URL+"/?seed=7&paused=true&theme=light", ownAPI, view)
		tab.until("a leader", budgetMs, electionStepMs, hasLeader)
		tab.do(`{"op":"put","key":"k","value":"v1"}`)
		tab.waitFrames(1)
		moving := 0
		for range 60 {
			if len(tab.advance(2).Messages) > 0 {
				moving++
			}
			tab.waitFrames(1)
		}
		if moving == 0 {
			t.Fatalf("at %dx%d no message was in flight in 120 virtual ms: the test needs motion", view.w, view.h)
		}
		tab.do(`{"op":"crash","node":3}`)
		tab.advance(5)
		tab.waitFrames(2)
		tab.sameScreenDrawnAfresh(fmt.Sprintf("the %dx%d picture after frames repainted in regions", view.w, view.h))
	}
}

// sameScreenDrawnAfresh fails the test unless the whole screen shows, pixel
// for pixel, what it shows once drawn whole again (what is described by
// what): another size and back lays the picture out again, which draws
// everything afresh. The notices fade by the wall clock; the comparison
// starts once they are gone.
func (t *tab) sameScreenDrawnAfresh(what string) {
	t.tb.Helper()
	time.Sleep(time.Duration(scene.NoticeLife*1000+500) * time.Millisecond)
	_, kept := t.screenshot()
	for _, w := range []int64{t.view.w + 1, t.view.w} {
		if err := chromedp.Do(t.ctx, chromedp.EmulateViewport(w, t.view.h, chromedp.EmulateScale(t.view.scale))); err != nil {
			t.tb.Fatal(err)
		}
		t.waitFrames(3)
	}
	_, fresh := t.screenshot()
	if n := differing(kept, fresh, whole(kept)); n > 0 {
		t.tb.Errorf("%s differs from the one drawn afresh in %d pixels", what, n)
	}
}

// whole is the rectangle of all of img.
func whole(img image.Image) scene.Rect {
	b := img.Bounds()
	return scene.Rect{W: float64(b.Dx()), H: float64(b.Dy())}
}
