package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserPausedPageStopsDrawing checks that a paused page nobody
// touches stops drawing frames, so it costs the browser next to nothing,
// at every size and with a story, and that the page at rest answers a key
// at once: Step moves the run on and frames come again.
func TestBrowserPausedPageStopsDrawing(t *testing.T) {
	requireBrowser(t)
	for _, c := range []struct {
		query string
		view  viewport
	}{
		{"seed=1&paused=1", defaultView},
		{"seed=1&paused=1&controls=minimal", viewport{640, 400, 1}},
		{"scenario=replication&paused=1", viewport{390, 844, 1}},
	} {
		tab := openURL(t, browser.server.URL+"/?"+c.query, ownAPI, c.view)
		tab.waitFrames(1)
		before := tab.state().NowMs
		// True once frames() has not moved for 1.5 s of the page's time.
		const still = `(() => {
			const f = raftplay.frames(), now = performance.now(), s = window.stillSince;
			if (!s || s.frames !== f) { window.stillSince = {frames: f, at: now}; return false; }
			return now - s.at > 1500;
		})()`
		if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](still,
			chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Errorf("%s at %dx%d: a paused page nobody touches goes on drawing frames (%d so far): %v",
				c.query, c.view.w, c.view.h, tab.frames(), err)
		}
		// A key, and nothing else, wakes the page at rest.
		resting := tab.frames()
		if err := chromedp.Do(tab.ctx, chromedp.KeyEvent(".")); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](fmt.Sprintf("raftplay.frames() > %d", resting),
			chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Errorf("%s at %dx%d: the page at rest drew no frame after a key: %v", c.query, c.view.w, c.view.h, err)
		}
		if after := tab.state().NowMs; after <= before {
			t.Errorf("%s at %dx%d: Step (.) on the page at rest left the run at %d ms", c.query, c.view.w, c.view.h, after)
		}
		tab.close()
	}
}
