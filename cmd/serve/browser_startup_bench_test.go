package main

import (
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"raftplay/web"
)

// firstFrameLoads is how many navigations each first-frame figure is the
// median of.
const firstFrameLoads = 5

// baselineSiteEnv names a folder holding another build of the site (a copy
// of web/ from another commit, built): BenchmarkBrowserFirstFrame then
// measures it too, in the same run, so a change is judged against the same
// machine at the same moment.
const baselineSiteEnv = "RAFTPLAY_BASELINE_SITE"

// settleAfterVisit is how long a first visit stays open once its service
// worker has taken over, as a reader's would: the browser writes the wasm's
// compiled code to its cache a while after the page starts running.
const settleAfterVisit = 3 * time.Second

// startupStep is one step on the way to the first frame: the time between
// two of the start-up marks (web/loader.js, cmd/wasm/marks_js.go).
type startupStep struct{ name, from, to string }

// startupSteps split the time from navigation (mark "") to the end of the
// first frame.
var startupSteps = []startupStep{
	{"page and scripts", "", "fetch"},
	{"download", "fetch", "downloaded"},
	{"compile after the last byte", "downloaded", "instantiated"},
	{"Go runtime and init", "instantiated", "main"},
	{"simulator, stories, game", "main", "started"},
	{"to the first Draw", "started", "first-draw"},
	{"first Draw", "first-draw", "first-frame"},
}

// startup is one load's time to its first frame and the start-up marks it
// left, in milliseconds since navigation.
type startup struct {
	firstFrameMs float64
	marks        map[string]float64
}

// step returns the milliseconds s spent in st, or false when a mark is
// missing (a build from before the marks).
func (s startup) step(st startupStep) (float64, bool) {
	from, ok := s.marks[st.from]
	if st.from == "" {
		from, ok = 0, true
	}
	to, ok2 := s.marks[st.to]
	return to - from, ok && ok2
}

// BenchmarkBrowserFirstFrame reports the time from navigation to the end of
// the first frame on a first visit (a fresh origin: nothing in the HTTP
// cache, no service worker, no compiled code kept) and on a return visit to
// the same origin right after it (the service worker serves the page and
// the wasm, and the browser may have kept the wasm's compiled code), each
// the median of firstFrameLoads loads in new tabs, with the median of each
// step between the start-up marks. With baselineSiteEnv set, the other
// build is measured too, alternated with this one.
func BenchmarkBrowserFirstFrame(b *testing.B) {
	requireBrowser(b)
	sites := []struct {
		name string
		fsys fs.FS
	}{{"this build", web.Site}}
	if dir := os.Getenv(baselineSiteEnv); dir != "" {
		sites = append(sites, struct {
			name string
			fsys fs.FS
		}{"baseline " + dir, os.DirFS(dir)})
	}
	for b.Loop() {
		first := make([][]startup, len(sites))
		back := make([][]startup, len(sites))
		for range firstFrameLoads {
			for i, site := range sites {
				f, r := visitTwice(b, site.fsys)
				first[i], back[i] = append(first[i], f), append(back[i], r)
			}
		}
		for i, site := range sites {
			b.Logf("%s:\n%s", site.name, startupTable(first[i], back[i]))
		}
		b.ReportMetric(medianFirstFrame(first[0]), "ms-first-visit")
		b.ReportMetric(medianFirstFrame(back[0]), "ms-return-visit")
	}
	b.ReportMetric(0, "ns/op")
}

// visitTwice serves fsys on a new origin, visits it, lets the visit settle
// as a reader would, and visits it again in a new tab.
func visitTwice(b *testing.B, fsys fs.FS) (first, back startup) {
	b.Helper()
	h, err := newHandler(fsys)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	tab := openURL(b, srv.URL+"/?seed=1", ownAPI, defaultView)
	first = tab.startup()
	tab.waitForWorker()
	time.Sleep(settleAfterVisit)
	tab.close()
	tab = openURL(b, srv.URL+"/?seed=1", ownAPI, defaultView)
	back = tab.startup()
	tab.close()
	return first, back
}

// startup reads the page's time to its first frame and its start-up marks.
func (t *tab) startup() startup {
	t.tb.Helper()
	return startup{
		firstFrameMs: eval[float64](t, t.api+".firstFrameMs()"),
		marks: eval[map[string]float64](t, `Object.fromEntries(performance.getEntriesByType("mark")
			.filter((m) => m.name.startsWith("raftplay:")).map((m) => [m.name.slice(9), m.startTime]))`),
	}
}

// startupTable lays out the first and return visits' medians, total and by
// step, with the range of the totals.
func startupTable(first, back []startup) string {
	var out strings.Builder
	fmt.Fprintf(&out, "| median of %d loads, ms | first visit | return visit |\n|---|---|---|\n", len(first))
	row := func(name string, f, r string) { fmt.Fprintf(&out, "| %s | %s | %s |\n", name, f, r) }
	for _, st := range startupSteps {
		row(st.name, medianStep(first, st), medianStep(back, st))
	}
	span := func(loads []startup) string {
		ms := firstFrames(loads)
		return fmt.Sprintf("**%.0f** (%.0f–%.0f)", ms[len(ms)/2], ms[0], ms[len(ms)-1])
	}
	row("navigation to first frame", span(first), span(back))
	return out.String()
}

// medianStep is the median time of step st over loads, or "–" when the
// loads did not mark it.
func medianStep(loads []startup, st startupStep) string {
	var ms []float64
	for _, l := range loads {
		if v, ok := l.step(st); ok {
			ms = append(ms, v)
		}
	}
	if len(ms) == 0 {
		return "–"
	}
	slices.Sort(ms)
	return fmt.Sprintf("%.0f", ms[len(ms)/2])
}

// firstFrames returns the loads' times to the first frame, sorted.
func firstFrames(loads []startup) []float64 {
	ms := make([]float64, len(loads))
	for i, l := range loads {
		ms[i] = l.firstFrameMs
	}
	slices.Sort(ms)
	return ms
}

// medianFirstFrame is the median time to the first frame over loads.
func medianFirstFrame(loads []startup) float64 {
	ms := firstFrames(loads)
	return ms[len(ms)/2]
}
