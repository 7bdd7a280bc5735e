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

// settleAfterVisit is how long a visit stays open once its service worker
// has taken over, as a reader's would: the browser keeps the wasm's
// optimized code a couple of seconds after the page has run it.
const settleAfterVisit = 5 * time.Second

// visits are the visits to one origin measured in turn: the browser keeps
// the compiled code of a visit for the next one, but the service worker
// serves the wasm from its own cache, whose code the browser keeps only
// from the first return visit on.
var visits = []string{"first visit", "first return", "later return"}

// startupStep is one step on the way to the first frame: the time between
// two of the start-up marks (web/loader.js, cmd/wasm/marks_js.go).
type startupStep struct{ name, from, to string }

// startupSteps split the time from navigation (mark "") to the end of the
// first frame.
var startupSteps = []startupStep{
	{"page", "", "page"},
	{"scripts", "page", "fetch"},
	{"download", "fetch", "downloaded"},
	{"compile after the last byte", "downloaded", "instantiated"},
	{"Go runtime and init", "instantiated", "main"},
	{"simulator, stories, game", "main", "started"},
	{"to the first Draw", "started", "first-draw"},
	{"first Draw", "first-draw", "first-frame"},
}

// posterStep is the time from navigation to the poster (web/poster.js), which
// is drawn while the steps above run.
var posterStep = startupStep{"navigation to the poster", "", "poster"}

// posterSteps split posterStep: the page's HTML, poster.js, the request for
// the ring's places (a poster-*.json file) and its answer, which on a
// return visit the service worker gives from its cache, and the drawing.
var posterSteps = []startupStep{
	{"  page", "", "page"},
	{"  poster.js in", "page", "poster-script"},
	{"  places asked for", "poster-script", "places-asked"},
	{"  places in", "places-asked", "places"},
	{"  poster drawn", "places", "poster"},
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
// cache, no service worker, no compiled code kept) and on two return visits
// to the same origin after it (the service worker serves the page and the
// wasm), each the median of firstFrameLoads loads in new tabs, with the
// median of each step between the start-up marks. With baselineSiteEnv
// set, the other build is measured too, alternated with this one.
func BenchmarkBrowserFirstFrame(b *testing.B) {
	requireBrowser(b)
	sites := benchSites()
	for b.Loop() {
		// loads[site][visit] are the loads of each visit to each site.
		loads := make([][][]startup, len(sites))
		for i := range loads {
			loads[i] = make([][]startup, len(visits))
		}
		for range firstFrameLoads {
			for i, site := range sites {
				for v, s := range visitOrigin(b, site.fsys) {
					loads[i][v] = append(loads[i][v], s)
				}
			}
		}
		for i, site := range sites {
			b.Logf("%s:\n%s", site.name, startupTable(loads[i]))
		}
		for v, name := range visits {
			b.ReportMetric(medianFirstFrame(loads[0][v]), "ms-"+strings.ReplaceAll(name, " ", "-"))
		}
	}
	b.ReportMetric(0, "ns/op")
}

// benchSite is a build of the site a benchmark measures.
type benchSite struct {
	name string
	fsys fs.FS
}

// benchSites are this build and, with baselineSiteEnv set, the other one.
func benchSites() []benchSite {
	sites := []benchSite{{"this build", web.Site}}
	if dir := os.Getenv(baselineSiteEnv); dir != "" {
		sites = append(sites, benchSite{"baseline " + dir, os.DirFS(dir)})
	}
	return sites
}

// visitOrigin serves fsys on a new origin and pays it each of visits, each
// in a new tab that stays open a while as a reader's would.
func visitOrigin(b *testing.B, fsys fs.FS) []startup {
	b.Helper()
	h, err := newHandler(fsys)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	loads := make([]startup, len(visits))
	for v := range visits {
		tab := openURL(b, srv.URL+"/?seed=1", ownAPI, defaultView)
		loads[v] = tab.startup()
		if v < len(visits)-1 {
			tab.waitForWorker()
			time.Sleep(settleAfterVisit)
		}
		tab.close()
	}
	return loads
}

// startup reads the page's time to its first frame and its start-up marks.
func (t *tab) startup() startup {
	t.tb.Helper()
	return startup{
		firstFrameMs: eval[float64](t, t.api+".firstFrameMs()"),
		// "page" is when the page's own HTML was in, "poster-script" when
		// poster.js was, "places-asked" and "places" when the poster's
		// places were asked for and in.
		marks: eval[map[string]float64](t, `Object.fromEntries(performance.getEntriesByType("mark")
			.filter((m) => m.name.startsWith("raftplay:")).map((m) => [m.name.slice(9), m.startTime])
			.concat([["page", performance.getEntriesByType("navigation")[0].responseEnd]])
			.concat(performance.getEntriesByType("resource").flatMap((r) => {
				const path = new URL(r.name).pathname;
				if (path.endsWith("/poster.js")) {
					return [["poster-script", r.responseEnd]];
				}
				return /\/poster-[^/]*\.json$/.test(path) ? [["places-asked", r.startTime], ["places", r.responseEnd]] : [];
			})))`),
	}
}

// startupTable lays out each visit's medians, total and by step, with the
// range of the totals; loads[v] are the loads of visits[v].
func startupTable(loads [][]startup) string {
	var out strings.Builder
	fmt.Fprintf(&out, "| median of %d loads, ms | %s |\n|---|", len(loads[0]), strings.Join(visits, " | "))
	for range visits {
		out.WriteString("---|")
	}
	out.WriteString("\n")
	for _, st := range startupSteps {
		fmt.Fprintf(&out, "| %s |", st.name)
		for _, l := range loads {
			fmt.Fprintf(&out, " %s |", medianStep(l, st))
		}
		out.WriteString("\n")
	}
	for _, st := range append([]startupStep{posterStep}, posterSteps...) {
		fmt.Fprintf(&out, "| %s |", st.name)
		for _, l := range loads {
			fmt.Fprintf(&out, " %s |", medianStep(l, st))
		}
		out.WriteString("\n")
	}
	out.WriteString("| navigation to first frame |")
	for _, l := range loads {
		ms := firstFrames(l)
		fmt.Fprintf(&out, " **%.0f** (%.0f–%.0f) |", ms[len(ms)/2], ms[0], ms[len(ms)-1])
	}
	out.WriteString("\n")
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
