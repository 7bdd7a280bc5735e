package main

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"

	"raftplay/render/scene"
)

// heldWasm serves the site through h, except that the wasm's response waits
// until release is closed: a download that has not arrived yet, however
// slow the network. It counts the requests for the wasm.
type heldWasm struct {
	h        http.Handler
	release  chan struct{}
	requests atomic.Int32
}

func (s *heldWasm) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, ".wasm") {
		s.requests.Add(1)
		select {
		case <-s.release:
		case <-r.Context().Done():
			return
		}
	}
	s.h.ServeHTTP(w, r)
}

// serveHeld serves a copy of the site with its wasm held back.
func serveHeld(t *testing.T) (*heldWasm, *httptest.Server) {
	held := &heldWasm{h: siteHandlerFor(t, siteCopy(t)), release: make(chan struct{})}
	srv := httptest.NewServer(held)
	t.Cleanup(srv.Close)
	return held, srv
}

// posterNodes are the nodes the poster draws, read from its SVG: each
// node's body is the circle without a stroke, its name the text at its
// centre.
const posterNodes = `(() => {
	const svg = document.getElementById("raftplay-poster");
	if (!svg || getComputedStyle(svg).display === "none") return [];
	const discs = [...svg.querySelectorAll("circle")].filter((c) => !c.hasAttribute("stroke"));
	const names = [...svg.querySelectorAll("text")];
	return discs.map((c, i) => ({name: names[i].textContent, x: +c.getAttribute("cx"), y: +c.getAttribute("cy"), r: +c.getAttribute("r")}));
})()`

// waitPoster waits until the tab shows the poster and returns its nodes.
func (t *tab) waitPoster() []scene.NodePlace {
	t.tb.Helper()
	if _, err := chromedp.Run(t.ctx, chromedp.Poll[bool](posterNodes+".length > 0",
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(loadTimeout))); err != nil {
		t.tb.Fatalf("the page showed no poster: %v", err)
	}
	return eval[[]scene.NodePlace](t, posterNodes)
}

// posterSlack is how far, in CSS pixels, a node of the poster may be from
// where the first frame draws it: the poster's places are interpolated
// between a grid of page sizes, and its numbers are rounded to tenths.
const posterSlack = 3

// The poster is on screen while the wasm has not arrived, with the nodes
// where the first frame then draws them, at a desktop's, a phone's, a small
// embed's and an odd size, in the page's theme; screenshots of the poster
// and of the first frame go to the artifacts for a person to compare.
func TestBrowserPosterShowsTheFirstFrame(t *testing.T) {
	requireBrowser(t)
	for _, c := range []struct {
		view  viewport
		touch bool
	}{{viewport{1280, 800, 1}, false}, {viewport{390, 844, 1}, false}, {phoneView, true}, {viewport{640, 400, 1}, false}, {viewport{1111, 777, 1}, false}} {
		view := c.view
		name := fmt.Sprintf("%dx%d", view.w, view.h)
		var setup []func(*tab)
		if c.touch {
			name, setup = name+"-touch", []func(*tab){asPhone}
		}
		t.Run(name, func(t *testing.T) {
			held, srv := serveHeld(t)
			tab := openPage(t, srv.URL+"/?seed=1&theme=light", ownAPI, view, setup...)
			poster := tab.waitPoster()
			if got := eval[bool](tab, `performance.getEntriesByType("resource").some((e) => e.name.endsWith(".wasm") && e.responseEnd > 0)`); got {
				t.Fatal("the wasm arrived although the server holds it back")
			}
			if held.requests.Load() == 0 {
				// The poster does not wait for the download: it is asked
				// for at once, and is what shows while it runs.
				t.Log("the poster was up before the wasm was even asked for")
			}
			shot, err := chromedp.Run(tab.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			saveArtifact(t, "poster-"+name+".png", shot)

			close(held.release)
			tab.waitFirstFrame(srv.URL)
			live, _ := tab.screenshot()
			saveArtifact(t, "poster-"+name+"-first-frame.png", live)
			placed := tab.layout()
			if len(placed.Nodes) != len(poster) {
				t.Fatalf("the poster draws %d nodes, the first frame %d", len(poster), len(placed.Nodes))
			}
			for i, n := range placed.Nodes {
				p := poster[i]
				if p.Name != n.Name || math.Hypot(p.X-n.X, p.Y-n.Y) > posterSlack || math.Abs(p.R-n.R) > posterSlack {
					t.Errorf("the poster draws %s at (%.1f, %.1f) r %.1f; the first frame draws %s at (%.1f, %.1f) r %.1f",
						p.Name, p.X, p.Y, p.R, n.Name, n.X, n.Y, n.R)
				}
			}
		})
	}
}

// With start=click the page shows the poster and a play button and asks
// for no wasm until the button is pressed; then the playground starts.
func TestBrowserStartOnClickWaitsForPlay(t *testing.T) {
	requireBrowser(t)
	held, srv := serveHeld(t)
	close(held.release)
	tab := openPage(t, srv.URL+"/?seed=1&start=click", ownAPI, defaultView)
	tab.waitPoster()
	if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](`!document.getElementById("raftplay-play").hidden`,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(loadTimeout))); err != nil {
		t.Fatalf("no play button: %v", err)
	}
	// The page has settled: its scripts and the poster are in, and the play
	// button waits. Nothing may have asked for the program.
	if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](`document.readyState === "complete"`,
		chromedp.WithPollingInterval(pollEvery))); err != nil {
		t.Fatal(err)
	}
	if n := held.requests.Load(); n != 0 {
		t.Fatalf("the page asked for the wasm %d times before play was pressed", n)
	}
	if eval[bool](tab, `performance.getEntriesByType("resource").some((e) => e.name.includes(".wasm"))`) {
		t.Fatal("the browser fetched the wasm before play was pressed")
	}
	if eval[bool](tab, "window.raftplay !== undefined") {
		t.Fatal("the playground runs before play was pressed")
	}
	if err := chromedp.Do(tab.ctx, chromedp.Click(chromedp.CSS("#raftplay-play"))); err != nil {
		t.Fatal(err)
	}
	tab.waitFirstFrame(srv.URL)
	if held.requests.Load() == 0 {
		t.Error("the playground runs but the server never sent the wasm")
	}
}
