package main

import (
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// embedsLoads is how many times BenchmarkBrowserEmbeds loads each host page;
// its figures are the medians, with the range beside them.
const embedsLoads = 3

// The size of each playground on a host page: two side by side fit the
// 1280-pixel view.
const (
	embedW = 620
	embedH = 380
)

// belowFold is the height of the text between two playgrounds of a host page
// that shows one at a time: two screens, as in an article that comes back to
// a playground a few paragraphs on.
const belowFold = 2 * viewH

// embedLayout is one host page of BenchmarkBrowserEmbeds.
type embedLayout struct {
	name string
	// key names the layout in the benchmark's metrics.
	key   string
	count int
	// sideBySide puts every playground in view at once; otherwise the first
	// is in view and each other one belowFold further down.
	sideBySide bool
	// lazy gives each iframe loading="lazy", as the embed builder's snippet does.
	lazy bool
}

// embedLayouts are the host pages BenchmarkBrowserEmbeds loads: the first,
// two side by side, is also BenchmarkBrowserEmbedsGap's.
var embedLayouts = []embedLayout{
	{name: "two side by side, both in view", key: "two", count: 2, sideBySide: true, lazy: true},
	{name: `four, one in view, loading="lazy"`, key: "four-lazy", count: 4, lazy: true},
	{name: "four, one in view, loaded eagerly", key: "four-eager", count: 4},
}

// html is the host page of l showing the playgrounds of the site at siteURL,
// each with its own seed: the first is seed 1.
func (l embedLayout) html(siteURL string) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><title>embeds</title><body style="margin:0">`)
	lazy := ""
	if l.lazy {
		lazy = ` loading="lazy"`
	}
	for i := range l.count {
		if i > 0 && !l.sideBySide {
			fmt.Fprintf(&b, `<div style="height:%dpx"></div>`, belowFold)
		}
		fmt.Fprintf(&b, `<iframe id="embed-%d" src="%s/index.html?seed=%d&controls=minimal" width="%d" height="%d" style="border:0"%s></iframe>`,
			i+1, siteURL, i+1, embedW, embedH, lazy)
	}
	b.WriteString(`</body>`)
	return b.String()
}

// embedStart is one playground's way to interactive on a host page.
type embedStart struct {
	// inView is when the playground came into view, in milliseconds since
	// the host page's navigation: 0 for one in view from the start.
	inView float64
	// marks holds the start-up marks (web/loader.js, cmd/wasm/marks_js.go)
	// by name without "raftplay:", with "navigation" (the iframe's own
	// navigation began), "page" (its HTML was in) and "interactive" (the
	// game had drawn three frames: its loop runs and reads clicks and keys),
	// in milliseconds since the host page's navigation.
	marks map[string]float64
	// late is set when the playground was interactive before the benchmark
	// attached to it: its "interactive" is then when it attached.
	late bool
}

// startup is s on the playground's own clock, for the steps of
// BenchmarkBrowserFirstFrame.
func (s embedStart) startup() startup {
	own := map[string]float64{}
	for name, ms := range s.marks {
		own[name] = ms - s.marks["navigation"]
	}
	return startup{firstFrameMs: own["first-frame"], marks: own}
}

// embedColumns are the moments the embeds table shows for each playground.
var embedColumns = []struct{ name, mark string }{
	{"iframe navigation", "navigation"},
	{"wasm fetch", "fetch"},
	{"last byte", "downloaded"},
	{"instantiated", "instantiated"},
	{"Go main", "main"},
	{"game built", "started"},
	{"first frame", "first-frame"},
	{"interactive", "interactive"},
}

// embedLoad is one load of a host page: each playground's start and the PSS
// that Chromium's processes gained, all of them and the GPU process's, once
// all had started and, on a page showing one at a time, before the reader
// scrolled on from the first.
type embedLoad struct {
	embeds                []embedStart
	pss, gpuPSS, firstPSS float64
}

// BenchmarkBrowserEmbeds reports how several playgrounds on one host page
// start and what they cost in memory. The host page is served from another
// site than the playground, as a school's or a blog's page is: Chromium runs
// the playgrounds in a renderer of their own, which the host page cannot
// script, so the benchmark attaches to each iframe as a target of its own.
// Each load is a first visit to a site of its own (serveOnNewSite); only the
// GPU process, which every page shares, stays warm from load to load. For
// each layout of embedLayouts it logs, per playground, when it came into
// view, its start-up marks, its first frame and when it became interactive
// (three frames drawn), in milliseconds since the host page's navigation;
// with two side by side, how long after the first the second draws (goal:
// at most one second) and where each spent its time; with one in view, how
// soon each of the others is interactive once scrolled to, and the PSS the
// page adds to Chromium while the reader stays at the first; and the PSS it
// adds once every playground has run. With
// baselineSiteEnv set, the other build is measured too, alternated with
// this one.
func BenchmarkBrowserEmbeds(b *testing.B) {
	requireBrowser(b)
	sites := benchSites()
	for b.Loop() {
		// loads[site][layout] are the loads of each layout of each build,
		// taken round by round, so that each meets the machine's load (and
		// the GPU process's warmth) alike.
		loads := make([][][]embedLoad, len(sites))
		for s := range loads {
			loads[s] = make([][]embedLoad, len(embedLayouts))
		}
		for range embedsLoads {
			for s, site := range sites {
				for i, l := range embedLayouts {
					loads[s][i] = append(loads[s][i], loadEmbeds(b, site.fsys, l, nil))
				}
			}
		}
		for s, site := range sites {
			for i, l := range embedLayouts {
				b.Logf("%s, %s:\n%s", site.name, l.name, embedsTable(l, loads[s][i]))
			}
		}
		for i, l := range embedLayouts {
			loads := loads[0][i]
			if l.sideBySide {
				b.ReportMetric(median(loads, secondAfterFirst), "ms-2nd-after-1st-"+l.key)
			} else {
				b.ReportMetric(median(loads, func(e embedLoad) float64 { return e.embeds[0].marks["interactive"] }), "ms-1st-interactive-"+l.key)
				b.ReportMetric(median(loads, slowestOther), "ms-others-interactive-in-view-"+l.key)
				b.ReportMetric(median(loads, func(e embedLoad) float64 { return e.firstPSS / 1e6 }), "MB-PSS-first-only-"+l.key)
			}
			b.ReportMetric(median(loads, func(e embedLoad) float64 { return e.pss / 1e6 }), "MB-PSS-"+l.key)
		}
	}
	b.ReportMetric(0, "ns/op")
}

// byFirstFrame returns the playgrounds of e in the order they drew their
// first frame.
func byFirstFrame(e embedLoad) []embedStart {
	return slices.SortedFunc(slices.Values(e.embeds), func(x, y embedStart) int {
		return cmp.Compare(x.marks["first-frame"], y.marks["first-frame"])
	})
}

// secondAfterFirst is how long after the first playground's first frame the
// second's came.
func secondAfterFirst(e embedLoad) float64 {
	s := byFirstFrame(e)
	return s[1].marks["first-frame"] - s[0].marks["first-frame"]
}

// slowestOther is the longest time from coming into view to interactive of
// the playgrounds after the first.
func slowestOther(e embedLoad) float64 {
	slowest := 0.0
	for _, s := range e.embeds[1:] {
		slowest = max(slowest, s.marks["interactive"]-s.inView)
	}
	return slowest
}

// loadEmbeds serves fsys on a new site and l's host page on another,
// opens the host page and brings each playground into view in turn, waiting
// for it to become interactive; with trace set, it traces the browser from
// the navigation to the last playground's interactive.
func loadEmbeds(b *testing.B, fsys fs.FS, l embedLayout, trace *embedTrace) embedLoad {
	b.Helper()
	site, err := newHandler(fsys)
	if err != nil {
		b.Fatal(err)
	}
	siteSrv := serveOnNewSite(b, site)
	defer siteSrv.Close()
	page := l.html(siteSrv.URL)
	hostSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer hostSrv.Close()
	// "localhost" and "127.0.0.1" are different sites to the browser.
	hostURL := strings.Replace(hostSrv.URL, "127.0.0.1", "localhost", 1) + "/host.html"

	before := settledPSS(b)
	var setup []func(*tab)
	if trace != nil {
		setup = append(setup, trace.start)
	}
	tab := openPage(b, hostURL, "", defaultView, setup...)
	defer tab.close()
	if trace != nil {
		defer trace.stop(tab)
	}
	origin := eval[float64](tab, "performance.timeOrigin")
	load := embedLoad{embeds: make([]embedStart, l.count)}
	if l.sideBySide {
		// Awaited together, so that the benchmark attaches to each before
		// it starts.
		waitEmbeds(b, tab, siteSrv.URL, origin, load.embeds, allOf(l.count)...)
	} else {
		for i := range l.count {
			if i > 0 {
				load.embeds[i].inView = eval[float64](tab, fmt.Sprintf(
					`document.getElementById("embed-%d").scrollIntoView(), performance.now()`, i+1))
			}
			waitEmbeds(b, tab, siteSrv.URL, origin, load.embeds, i)
			if i == 0 {
				load.firstPSS = settledPSS(b).all - before.all
			}
		}
	}
	after := settledPSS(b)
	load.pss, load.gpuPSS = after.all-before.all, after.gpu-before.gpu
	return load
}

// lastLoopback is the last loopback address serveOnNewSite gave a server.
var lastLoopback atomic.Int32

// serveOnNewSite serves h on a loopback address of its own, 127.0.0.2 and
// on: a site the browser has not seen. A new port alone is a new origin but
// the same site, whose renderer may still be running (its service worker
// keeps it), with the module it compiled for the last load in its memory.
func serveOnNewSite(b *testing.B, h http.Handler) *httptest.Server {
	b.Helper()
	n := lastLoopback.Add(1) + 1
	if n > 254 {
		b.Fatal("no loopback address left for a new site")
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", n))
	if err != nil {
		b.Fatalf("listening on a new loopback address: %v", err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener = ln
	srv.Start()
	return srv
}

// allOf is 0, 1, … n-1.
func allOf(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// waitEmbeds attaches to the iframes of the playgrounds which (indexes into
// embeds) and waits until each is interactive, then fills in its marks on
// the host page's clock, whose performance.timeOrigin is origin.
func waitEmbeds(b *testing.B, tab *tab, siteURL string, origin float64, embeds []embedStart, which ...int) {
	b.Helper()
	type result struct {
		i     int
		marks map[string]float64
		err   error
	}
	done := make(chan result, len(which))
	for _, i := range which {
		go func() {
			marks, err := embedMarks(tab.ctx, siteURL, i+1)
			done <- result{i, marks, err}
		}()
	}
	for range which {
		r := <-done
		if r.err != nil {
			b.Fatalf("playground %d: %v", r.i+1, r.err)
		}
		embeds[r.i].late = r.marks["attached"] >= r.marks["interactive"]
		for name, ms := range r.marks {
			r.marks[name] = ms - origin
		}
		embeds[r.i].marks = r.marks
	}
}

// interactiveMarks is evaluated in a playground's iframe: it waits until
// the game has drawn three frames and returns the start-up marks, the
// iframe's navigation and HTML, the moment of attaching and that of becoming
// interactive, each as performance.timeOrigin plus its time, a clock the
// host page shares. It looks every 10 ms: a look in each animation frame
// would stop in an iframe out of view, which Chromium does not animate.
const interactiveMarks = `new Promise((resolve) => {
  const now = () => performance.timeOrigin + performance.now();
  const attached = now();
  const look = () => {
    const api = window.raftplay;
    if (!(api && api.frames && api.frames() > 2)) {
      setTimeout(look, 10);
      return;
    }
    const marks = Object.fromEntries(performance.getEntriesByType("mark")
      .filter((m) => m.name.startsWith("raftplay:"))
      .map((m) => [m.name.slice(9), performance.timeOrigin + m.startTime]));
    const page = performance.timeOrigin + performance.getEntriesByType("navigation")[0].responseEnd;
    resolve(Object.assign(marks, { navigation: performance.timeOrigin, page, attached, interactive: now() }));
  };
  look();
})`

// embedMarks waits for the iframe of the playground with the given seed to
// appear as a target, attaches to it and returns interactiveMarks from it.
func embedMarks(ctx context.Context, siteURL string, seed int) (map[string]float64, error) {
	want := fmt.Sprintf("%s/index.html?seed=%d&", siteURL, seed)
	within := 2 * loadTimeout
	deadline := time.Now().Add(within)
	var id target.ID
	for id == "" {
		infos, err := chromedp.Targets(ctx)
		if err != nil {
			return nil, err
		}
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, want) {
				id = info.TargetID
			}
		}
		if id == "" {
			if time.Now().After(deadline) {
				return nil, fmt.Errorf("no iframe target for %s… within %v", want, within)
			}
			time.Sleep(pollEvery / 5)
		}
	}
	// Detached, not closed, when done: closing the target would take the
	// iframe off the page.
	frameCtx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(id), chromedp.WithDetachOnCancel())
	defer cancel()
	frameCtx, cancelWait := context.WithTimeout(frameCtx, within)
	defer cancelWait()
	return chromedp.Run(frameCtx, chromedp.Evaluate[map[string]float64](interactiveMarks, chromedp.EvalAwaitPromise))
}

// chromiumMemory is the PSS of the test browser's processes, in bytes:
// all of them and the GPU process's.
type chromiumMemory struct{ all, gpu float64 }

// settledPSS returns the PSS of the test browser's processes, all and the
// GPU process's, once it has stopped changing: a tab closed just before
// takes a moment to give its memory back, and a playground just started
// to collect what its start left. It has stopped when three readings half
// a second apart stay within 2 MB of the first: two alone can fall in a
// pause between the steps in which a closed tab's memory goes.
func settledPSS(b *testing.B) chromiumMemory {
	b.Helper()
	const settled, still, most = 2e6, 3, 40
	all, same := chromiumPSS(b), 0
	for range most {
		time.Sleep(500 * time.Millisecond)
		now := chromiumPSS(b)
		if math.Abs(now-all) < settled {
			same++
		} else {
			all, same = now, 0
		}
		if same == still {
			break
		}
	}
	return chromiumMemory{all, gpuPSS()}
}

// gpuPSS is the PSS of the test browser's GPU process, where SwiftShader
// keeps every WebGL context's textures.
func gpuPSS() float64 {
	var total float64
	for _, p := range chromiumProcesses() {
		if isGPUProcess(p.pid) {
			total += pssOf(p.pid)
		}
	}
	return total
}

// sorted returns f of each load, sorted.
func sorted(loads []embedLoad, f func(embedLoad) float64) []float64 {
	v := make([]float64, len(loads))
	for i, l := range loads {
		v[i] = f(l)
	}
	slices.Sort(v)
	return v
}

// median returns the median of f over loads.
func median(loads []embedLoad, f func(embedLoad) float64) float64 {
	v := sorted(loads, f)
	return v[len(v)/2]
}

// spread formats the median of f over loads with its range.
func spread(loads []embedLoad, f func(embedLoad) float64) string {
	v := sorted(loads, f)
	return fmt.Sprintf("%.0f (%.0f–%.0f)", v[len(v)/2], v[0], v[len(v)-1])
}

// embedsTable lays out l's loads: a row per playground with the median of
// each moment since the host page's navigation and the time from coming
// into view to the first frame and to interactive, with their ranges; side
// by side, the gap between the first two first frames and the steps of the
// first and the second to draw; then the memory.
func embedsTable(l embedLayout, loads []embedLoad) string {
	var out strings.Builder
	fmt.Fprintf(&out, "| playground (ms since the host page's navigation, median of %d) | in view |", len(loads))
	for _, c := range embedColumns {
		fmt.Fprintf(&out, " %s |", c.name)
	}
	out.WriteString(" in view to first frame | in view to interactive |\n|---|---|")
	out.WriteString(strings.Repeat("---|", len(embedColumns)+2) + "\n")
	for i := range l.count {
		fmt.Fprintf(&out, "| %d | %.0f |", i+1, median(loads, func(e embedLoad) float64 { return e.embeds[i].inView }))
		for _, c := range embedColumns {
			fmt.Fprintf(&out, " %.0f |", median(loads, func(e embedLoad) float64 { return e.embeds[i].marks[c.mark] }))
		}
		for _, mark := range []string{"first-frame", "interactive"} {
			fmt.Fprintf(&out, " %s |", spread(loads, func(e embedLoad) float64 { return e.embeds[i].marks[mark] - e.embeds[i].inView }))
		}
		out.WriteString("\n")
	}
	if l.sideBySide {
		fmt.Fprintf(&out, "\nthe second first frame after the first: %s ms (goal: at most 1000)\n\n%s", spread(loads, secondAfterFirst), embedSteps(loads))
	}
	if !l.sideBySide {
		fmt.Fprintf(&out, "\nPSS added while the reader stays at the first: %s MB\n", spread(loads, func(e embedLoad) float64 { return e.firstPSS / 1e6 }))
	}
	fmt.Fprintf(&out, "\nPSS added once all %d have run: %s MB, of it the GPU process %s MB\n", l.count,
		spread(loads, func(e embedLoad) float64 { return e.pss / 1e6 }), spread(loads, func(e embedLoad) float64 { return e.gpuPSS / 1e6 }))
	for n, e := range loads {
		for i, s := range e.embeds {
			if s.late {
				fmt.Fprintf(&out, "load %d: playground %d was interactive before the benchmark attached to it; its interactive time is when it attached\n", n+1, i+1)
			}
		}
	}
	return out.String()
}

// embedSteps lays out the start-up steps (BenchmarkBrowserFirstFrame's) of
// the first and the second playground to draw, medians over loads, on each
// one's own clock: the second's step to "instantiated" holds its wait for
// the renderer's main thread, which it shares with the first.
func embedSteps(loads []embedLoad) string {
	var first, second []startup
	for _, e := range loads {
		s := byFirstFrame(e)
		first, second = append(first, s[0].startup()), append(second, s[1].startup())
	}
	var out strings.Builder
	out.WriteString("| step, median ms | first to draw | second to draw |\n|---|---|---|\n")
	for _, st := range append(startupSteps, posterStep) {
		fmt.Fprintf(&out, "| %s | %s | %s |\n", st.name, medianStep(first, st), medianStep(second, st))
	}
	return out.String()
}
