package main

import (
	"image"
	"testing"

	"github.com/chromedp/chromedp"

	"raftplay/render/scene"
)

// The event list scrolls the lines it has drawn and draws only the new
// ones, or only its rows when more lines come at once than it has; what it
// shows after many such frames is, pixel for pixel, what drawing the whole
// list afresh shows.
func TestBrowserEventListScrolls(t *testing.T) {
	tab := openPlayground(t, "seed=1&paused=true&theme=dark")
	panel := tab.panel("events")
	// A few sends and deliveries a frame, fewer than the list's rows: each
	// frame scrolls the list down by the new lines.
	tab.advance(400) // an election: more lines than the list holds
	tab.waitFrames(2)
	tab.do(`{"op":"put","key":"much","value":"much"}`)
	for range 60 {
		tab.advance(3)
		tab.waitFrames(1)
	}
	// A flood, more lines in a frame than the list has rows, draws the
	// rows again inside the panel as it stands; then it scrolls again.
	tab.advance(300)
	tab.waitFrames(1)
	for range 5 {
		tab.advance(3)
		tab.waitFrames(1)
	}
	tab.samePanelDrawnAfresh("events", panel, "the scrolled event list")
}

// samePanelDrawnAfresh fails the test unless the panel called name, at
// panel, shows pixel for pixel what it shows once drawn whole again (what
// is described by what): another size and back lays the picture out again,
// which draws every cached panel afresh.
func (t *tab) samePanelDrawnAfresh(name string, panel scene.Rect, what string) {
	t.tb.Helper()
	_, kept := t.screenshot()
	for _, w := range []int64{t.view.w + 1, t.view.w} {
		if err := chromedp.Do(t.ctx, chromedp.EmulateViewport(w, t.view.h, chromedp.EmulateScale(t.view.scale))); err != nil {
			t.tb.Fatal(err)
		}
		t.waitFrames(3)
	}
	if p := t.panel(name); p != panel {
		t.tb.Fatalf("the %s panel moved from %+v to %+v", name, panel, p)
	}
	_, fresh := t.screenshot()
	r := image.Rect(int(panel.X), int(panel.Y), int(panel.Right()), int(panel.Bottom()))
	differ, lines := 0, 0
	var where image.Rectangle // the pixels that differ
	for y := r.Min.Y; y < r.Max.Y; y++ {
		rowDiffers := false
		for x := r.Min.X; x < r.Max.X; x++ {
			p := scene.Point{X: float64(x) + 0.5, Y: float64(y) + 0.5}
			if !near(pixel(kept, p), pixel(fresh, p), 0) {
				differ++
				rowDiffers = true
				where = where.Union(image.Rect(x, y, x+1, y+1))
			}
		}
		if rowDiffers {
			lines++
		}
	}
	if differ > 0 {
		t.tb.Errorf("%s differs from the one drawn afresh in %d pixels on %d rows of %v, within %v", what, differ, lines, r, where)
	}
}
