package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"iter"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// The viewport every tab gets, in CSS pixels; headless Chromium draws one
// device pixel per CSS pixel, so these are the canvas's pixels too.
const (
	viewW = 1280
	viewH = 800
)

const (
	// tabTimeout bounds everything one test does in its tab, with room
	// for a machine whose cores are busy with other work too.
	tabTimeout = 120 * time.Second
	// loadTimeout bounds loading the page until its first frame.
	loadTimeout = 30 * time.Second
	// pollEvery is how often a wait looks again.
	pollEvery = 50 * time.Millisecond
)

// ownAPI is the playground's API in a tab that shows it directly.
const ownAPI = "window.raftplay"

// tab is one browser tab showing the playground, driven through its JS API.
type tab struct {
	tb  testing.TB
	ctx context.Context
	// api is the JavaScript expression for the playground's window.raftplay:
	// the page's own, or one inside an iframe.
	api string
	// close closes the tab; the test's end does too.
	close func()
	// view is the tab's viewport.
	view viewport

	mu      sync.Mutex
	console []string
}

// openPlayground opens a tab on the playground with the URL query query
// (e.g. "seed=7&theme=dark") and waits for its first frame.
func openPlayground(tb testing.TB, query string) *tab {
	tb.Helper()
	return openTab(tb, "/?"+query, ownAPI)
}

// viewport is a tab's size in CSS pixels and its device scale.
type viewport struct {
	w, h  int64
	scale float64
}

// defaultView is the viewport of the tabs that do not ask for another.
var defaultView = viewport{viewW, viewH, 1}

// openTab opens a tab at viewW×viewH on path, a page of the test server whose
// playground api names, and waits until the playground has drawn a frame.
// The tab closes when the test ends; if the test failed, what the page
// wrote to the console is logged first.
func openTab(tb testing.TB, path, api string) *tab {
	tb.Helper()
	requireBrowser(tb)
	return openURL(tb, browser.server.URL+path, api, defaultView)
}

// openURL opens a tab of size view on url, a page whose playground (or
// other counter of frames) api names, e.g. on a server of the test's own,
// and waits for its first frame; each of setup is done to the tab before it
// navigates.
func openURL(tb testing.TB, url, api string, view viewport, setup ...func(*tab)) *tab {
	tb.Helper()
	t := openPage(tb, url, api, view, setup...)
	t.waitFirstFrame(url)
	return t
}

// openPage opens a tab as openURL does, without waiting for a frame: the
// page may be one that never draws.
func openPage(tb testing.TB, url, api string, view viewport, setup ...func(*tab)) *tab {
	tb.Helper()
	return openPageWithin(tb, url, api, view, tabTimeout, setup...)
}

// openPageWithin is openPage for a tab that may take within, rather than
// tabTimeout, for all it does: a benchmark that watches a page for minutes.
func openPageWithin(tb testing.TB, url, api string, view viewport, within time.Duration, setup ...func(*tab)) *tab {
	tb.Helper()
	requireBrowser(tb)
	tabCtx, closeTab := chromedp.NewContext(browser.ctx)
	// The first run opens the tab; like the browser's, it has no deadline.
	if err := chromedp.Do(tabCtx, chromedp.EmulateViewport(view.w, view.h, chromedp.EmulateScale(view.scale))); err != nil {
		closeTab()
		tb.Fatalf("opening a tab: %v", err)
	}
	ctx, cancel := context.WithTimeout(tabCtx, within)
	t := &tab{tb: tb, ctx: ctx, api: api, close: func() { cancel(); closeTab() }, view: view}
	tb.Cleanup(func() {
		if tb.Failed() {
			t.logConsole()
		}
		t.close()
	})
	// Subscribed before the navigation, so no line of the page is missed.
	go t.collectConsole(chromedp.Console(ctx))
	for _, f := range setup {
		f(t)
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		tb.Fatalf("navigating to %s: %v", url, err)
	}
	return t
}

// waitFirstFrame waits until the page at url, just loaded, has drawn a frame.
func (t *tab) waitFirstFrame(url string) {
	t.tb.Helper()
	ready := fmt.Sprintf("(() => { const api = %s; return api && api.frames && api.frames() > 0; })()", t.api)
	if _, err := chromedp.Run(t.ctx, chromedp.Poll[bool](ready,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(loadTimeout))); err != nil {
		status, _ := chromedp.Run(t.ctx, chromedp.Evaluate[string](
			`[document.getElementById("raftplay-status"), document.getElementById("raftplay-error")].map(e => e ? e.textContent : "").join(" ")`))
		t.tb.Fatalf("the page at %s did not draw a frame within %v (%v); the loader says: %q", url, loadTimeout, err, status)
	}
}

// collectConsole keeps every console line of the page until the tab closes.
func (t *tab) collectConsole(messages iter.Seq2[chromedp.ConsoleMessage, error]) {
	for m, err := range messages {
		if err != nil {
			return
		}
		t.mu.Lock()
		t.console = append(t.console, m.Text)
		t.mu.Unlock()
	}
}

// logConsole logs the last lines the page wrote to the console.
func (t *tab) logConsole() {
	const most = 40
	t.mu.Lock()
	lines := t.console[max(0, len(t.console)-most):]
	t.mu.Unlock()
	t.tb.Logf("the page's console (last %d lines):\n%s", len(lines), strings.Join(lines, "\n"))
}

// waitConsole waits for the page to write a console line containing each
// of parts.
func (t *tab) waitConsole(within time.Duration, parts ...string) {
	t.tb.Helper()
	deadline := time.Now().Add(within)
	for {
		t.mu.Lock()
		found := slices.ContainsFunc(t.console, func(line string) bool { return containsAll(line, parts) })
		t.mu.Unlock()
		if found {
			return
		}
		if time.Now().After(deadline) {
			t.tb.Fatalf("no console line with %q within %v", parts, within)
		}
		time.Sleep(pollEvery)
	}
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// eval evaluates a JavaScript expression in t and returns its value as T.
func eval[T any](t *tab, expr string) T {
	t.tb.Helper()
	v, err := chromedp.Run(t.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.tb.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// call calls the API's method with a JSON argument and returns what it
// returns as T.
func call[T any](t *tab, method string, arg any) T {
	t.tb.Helper()
	text, err := json.Marshal(arg)
	if err != nil {
		t.tb.Fatal(err)
	}
	return eval[T](t, fmt.Sprintf("%s.%s(%s)", t.api, method, text))
}

// do does an action given as JSON, e.g. `{"op":"crash","node":1}`, and
// fails the test if the playground refuses it.
func (t *tab) do(action string) {
	t.tb.Helper()
	res := call[string](t, "do", action)
	var r struct {
		OK bool `json:"ok"`
	}
	if err := json.Unmarshal([]byte(res), &r); err != nil || !r.OK {
		t.tb.Fatalf("raftplay.do(%s) = %s", action, res)
	}
}

// state returns the playground's current snapshot.
func (t *tab) state() *raftsim.Snapshot {
	t.tb.Helper()
	return t.snapshot("state()", eval[string](t, t.api+".state()"))
}

// advance moves virtual time on by ms at once and returns the snapshot.
func (t *tab) advance(ms int) *raftsim.Snapshot {
	t.tb.Helper()
	return t.snapshot(fmt.Sprintf("advance(%d)", ms), call[string](t, "advance", ms))
}

// snapshot decodes the snapshot that raftplay.what returned.
func (t *tab) snapshot(what, text string) *raftsim.Snapshot {
	t.tb.Helper()
	var s raftsim.Snapshot
	if err := json.Unmarshal([]byte(text), &s); err != nil {
		t.tb.Fatalf("raftplay.%s is not a snapshot (%v): %.300s", what, err, text)
	}
	return &s
}

// until advances virtual time by stepMs at a time until cond holds, for at
// most budgetMs, and returns the snapshot where it does; it fails the test,
// saying what was awaited and where the cluster stood, if cond never holds.
// Each step is a round trip to a page busy drawing, which costs about a
// frame, so the step is as long as what is awaited allows.
func (t *tab) until(what string, budgetMs, stepMs int, cond func(*raftsim.Snapshot) bool) *raftsim.Snapshot {
	t.tb.Helper()
	s := t.state()
	for spent := 0; !cond(s); spent += stepMs {
		if spent >= budgetMs {
			t.tb.Fatalf("%s: not within %d virtual ms; the cluster: %s", what, budgetMs, describe(s))
		}
		s = t.advance(stepMs)
	}
	return s
}

// frames returns how many frames the playground has drawn.
func (t *tab) frames() int {
	t.tb.Helper()
	return eval[int](t, t.api+".frames()")
}

// waitFrames waits until the playground has drawn n more frames, so that
// what was done before shows on the canvas. A page that nothing changes
// draws no frames, so each look wakes it (wake()).
func (t *tab) waitFrames(n int) {
	t.tb.Helper()
	want := t.frames() + n
	expr := fmt.Sprintf("(() => { const api = %s; if (api.wake) api.wake(); return api.frames() >= %d; })()", t.api, want)
	if _, err := chromedp.Run(t.ctx, chromedp.Poll[bool](expr,
		chromedp.WithPollingInterval(pollEvery/5), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.tb.Fatalf("waiting for %d more frames: %v", n, err)
	}
}

// pause stops virtual time, so that what state() says next is what the
// canvas shows until something is done; the game goes on drawing.
func (t *tab) pause() {
	t.tb.Helper()
	t.do(`{"op":"pause"}`)
}

// click clicks the left mouse button at p, in CSS pixels. The button stays
// down until the game has read it (see inputRead): a press and a release
// read in one frame would be no click to it.
func (t *tab) click(p scene.Point) {
	t.tb.Helper()
	opts := []chromedp.MouseOption{chromedp.ButtonLeft, chromedp.ClickCount(1)}
	if err := chromedp.Do(t.ctx,
		chromedp.MouseEvent(chromedp.MouseMoved, p.X, p.Y),
		chromedp.MouseEvent(chromedp.MousePressed, p.X, p.Y, opts...)); err != nil {
		t.tb.Fatalf("pressing the mouse at (%.0f, %.0f): %v", p.X, p.Y, err)
	}
	t.inputRead()
	if err := chromedp.Do(t.ctx, chromedp.MouseEvent(chromedp.MouseReleased, p.X, p.Y, opts...)); err != nil {
		t.tb.Fatalf("releasing the mouse at (%.0f, %.0f): %v", p.X, p.Y, err)
	}
	t.inputRead()
}

// press types keys on the keyboard and waits until the game has read them.
func (t *tab) press(keys string) {
	t.tb.Helper()
	if err := chromedp.Do(t.ctx, chromedp.KeyEvent(keys)); err != nil {
		t.tb.Fatalf("typing %q: %v", keys, err)
	}
	t.inputRead()
}

// inputRead waits until the game has read what was just typed or clicked.
// The game reads input at the start of a frame, so one more frame drawn is
// not enough: it may be the frame that had already read its input when the
// event came. The frame after it has read it. Two keys read in one frame
// act in the game's order, not the order typed (Enter before an arrow).
func (t *tab) inputRead() {
	t.tb.Helper()
	t.waitFrames(2)
}

// screenshot captures the viewport as a PNG, once what was done before has
// been drawn and shown, and decodes it.
func (t *tab) screenshot() ([]byte, image.Image) {
	t.tb.Helper()
	t.waitFrames(2)
	buf, err := chromedp.Run(t.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.tb.Fatalf("capturing a screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		t.tb.Fatalf("decoding the screenshot: %v", err)
	}
	w, h := int(math.Round(float64(t.view.w)*t.view.scale)), int(math.Round(float64(t.view.h)*t.view.scale))
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		t.tb.Fatalf("the screenshot is %dx%d, want %dx%d", b.Dx(), b.Dy(), w, h)
	}
	return buf, img
}

// describe sums up a snapshot for a failure message.
func describe(s *raftsim.Snapshot) string {
	var b strings.Builder
	fmt.Fprintf(&b, "at %d ms:", s.NowMs)
	for _, n := range s.Nodes {
		fmt.Fprintf(&b, " n%d %s term %d commit %d/%d;", n.ID, n.Role, n.Term, n.Commit, n.LastIndex)
	}
	if len(s.Partition) > 0 {
		fmt.Fprintf(&b, " partition %v;", s.Partition)
	}
	fmt.Fprintf(&b, " %d messages in flight", len(s.Messages))
	return b.String()
}
