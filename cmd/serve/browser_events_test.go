package main

import (
	"image"
	"testing"

	"github.com/chromedp/chromedp"

	"raftplay/render/scene"
)

// The event list scrolls the lines it has drawn and draws only the new
// ones; what it shows after many such frames is, pixel for pixel, what
// drawing the whole list afresh shows.
func TestBrowserEventListScrolls(t *testing.T) {
	tab := openPlayground(t, "seed=1&paused=true&theme=dark")
	events := func() scene.PanelPlace {
		for _, p := range tab.layout().Panels {
			if p.Name == "events" {
				return p
			}
		}
		t.Fatal("no events panel at 1280×800")
		return scene.PanelPlace{}
	}
	panel := events()
	// A few sends and deliveries a frame, fewer than the list's rows: each
	// frame scrolls the list down by the new lines.
	tab.advance(400) // an election: more lines than the list holds
	tab.waitFrames(2)
	tab.do(`{"op":"put","key":"much","value":"much"}`)
	for range 60 {
		tab.advance(3)
		tab.waitFrames(1)
	}
	_, scrolled := tab.screenshot()
	// Another size and back lays the picture out again, and the list is
	// drawn whole.
	for _, w := range []int64{tab.view.w + 1, tab.view.w} {
		if err := chromedp.Do(tab.ctx, chromedp.EmulateViewport(w, tab.view.h, chromedp.EmulateScale(tab.view.scale))); err != nil {
			t.Fatal(err)
		}
		tab.waitFrames(3)
	}
	if p := events(); p != panel {
		t.Fatalf("the events panel moved from %+v to %+v", panel, p)
	}
	_, fresh := tab.screenshot()
	r := image.Rect(int(panel.X), int(panel.Y), int(panel.X+panel.W), int(panel.Y+panel.H))
	differ, lines := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		rowDiffers := false
		for x := r.Min.X; x < r.Max.X; x++ {
			p := scene.Point{X: float64(x) + 0.5, Y: float64(y) + 0.5}
			if !near(pixel(scrolled, p), pixel(fresh, p), 0) {
				differ++
				rowDiffers = true
			}
		}
		if rowDiffers {
			lines++
		}
	}
	if differ > 0 {
		t.Errorf("the scrolled event list differs from the one drawn afresh in %d pixels on %d rows of %v", differ, lines, r)
	}
}
