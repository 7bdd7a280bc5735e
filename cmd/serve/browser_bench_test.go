package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"raftplay/control"
	"raftplay/raftsim"
)

// The browser figures make bench prints: what the wasm costs to download,
// how soon the first frame shows, how fast frames come under load and what
// the linearizability check costs them. They report and never fail on a
// figure: the goals are in the log lines.

// BenchmarkBrowserTransfer reports raftplay.wasm's bytes on the wire, served
// by the handler to a client that accepts brotli, then to one that accepts
// only gzip (a browser on a plain-http host).
func BenchmarkBrowserTransfer(b *testing.B) {
	requireBrowser(b)
	// A client that neither asks for gzip by itself nor unpacks the body,
	// so the body read is the bytes sent.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	codings := []struct {
		accept, unit string
		goalMB       float64
	}{{"br", "MB-brotli", 2.9}, {"gzip", "MB-gzip", 4.0}}
	sizes := make([]float64, len(codings))
	for b.Loop() {
		for i, c := range codings {
			sizes[i] = wasmBytes(b, client, c.accept) / 1e6
		}
	}
	b.ReportMetric(0, "ns/op")
	for i, c := range codings {
		b.ReportMetric(sizes[i], c.unit)
		b.Logf("raftplay.wasm as %s: %.2f MB on the wire (goal: at most %.1f MB)", c.accept, sizes[i], c.goalMB)
	}
}

// wasmBytes fetches raftplay.wasm accepting only coding and returns the
// length of the body, after checking it came in that coding.
func wasmBytes(b *testing.B, client *http.Client, coding string) float64 {
	b.Helper()
	req, err := http.NewRequest(http.MethodGet, browser.server.URL+"/raftplay.wasm", nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", coding)
	resp, err := client.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		b.Fatal(err)
	}
	if got := resp.Header.Get("Content-Encoding"); resp.StatusCode != http.StatusOK || got != coding {
		b.Fatalf("GET /raftplay.wasm accepting %s: status %d, Content-Encoding %q", coding, resp.StatusCode, got)
	}
	return float64(n)
}

// framesWindowMs is how long frames and CPU time are counted, in wall
// milliseconds, after settleMs from the first frame: a page that has just
// loaded lays out, fills its sprite sheet and draws whole for a while
// before it shows its steady cost.
const (
	framesWindowMs = 5000
	settleMs       = 2000
)

// benchView is one view the frame rate is measured in: the playground at a
// size with a URL query, optionally under the stress writers, with the goals
// it is held to (0: none).
type benchView struct {
	name, query string
	view        viewport
	stress      bool
	// check reports the linearizability check's cost in this view.
	check bool
	// minFPS is the frame rate to reach; maxCPU the Chromium CPU seconds
	// per 10 s not to exceed.
	minFPS, maxCPU float64
}

// benchViews are the views of the frame-rate table; each is measured beside
// the minimal Ebiten pages at the same size. The default speed is 0.03×.
var benchViews = []benchView{
	{name: "1280×800 idle 0.03×", query: "seed=1", view: defaultView, minFPS: 40, maxCPU: 6},
	{name: "1280×800 paused", query: "seed=1&paused=1", view: defaultView, maxCPU: 0.5},
	{name: "1280×800 1×", query: "seed=1&speed=1", view: defaultView},
	{name: "1280×800 1× stress", query: "seed=1&speed=1", view: defaultView, stress: true, check: true, minFPS: 30},
	{name: "1280×800 0.03× stress", query: "seed=1", view: defaultView, stress: true},
	{name: "1280×800 story", query: "scenario=replication", view: defaultView},
	{name: "640×400 minimal", query: "seed=1&controls=minimal", view: viewport{640, 400, 1}, minFPS: 55},
	{name: "390×844 phone", query: "seed=1", view: viewport{390, 844, 1}, minFPS: 55},
}

// yardsticks are the minimal Ebiten pages each view is measured beside, by
// their query: the radius of their circle (a 60-px anti-aliased circle
// alone costs more than a small one and a line of text), and whether the
// canvas is multisampled, as it is by Ebiten's default and is not in the
// playground.
var yardsticks = []struct {
	name, query string
}{
	{"text + 4-px circle", "r=4"},
	{"text + 60-px circle", "r=60"},
	{"text + 4-px circle, not multisampled", "r=4&aa=0"},
}

// frameFigures are what one page measured over framesWindowMs.
type frameFigures struct {
	// fps is frames per second (Draw calls), painted those painted afresh
	// rather than left as they were, presented those put on the canvas
	// (Ebiten presents the first three unchanged frames after a painted one
	// too), drawMs the milliseconds in Draw per painted frame.
	fps, painted, presented, drawMs float64
	// motionFPS is the frame rate while messages are in flight
	// (raftplay.motion()), 0 when none flew or the page does not tell: a
	// playground that plays slowly sleeps while nothing moves, so its fps
	// counts only the frames that show something.
	motionFPS float64
	// cpu is all Chromium processes' CPU seconds per 10 s of wall time;
	// gpuMs the GPU process's CPU milliseconds per presented frame.
	cpu, gpuMs float64
	// pssMB is the PSS, in MB, the page adds to all of Chromium at the end
	// of the window, gpuPSSMB the part of it in the GPU process, where
	// SwiftShader keeps the page's textures.
	pssMB, gpuPSSMB float64
}

// BenchmarkBrowserFrames prints the frame-rate table: for each view, the
// frames per second the playground draws (and how many of them it painted
// afresh rather than finding nothing changed, and how fast it draws while
// messages fly) and the CPU time all of Chromium spends on it, beside the
// minimal Ebiten pages at the same size, measured in the same run. The
// goals are the views' own (minFPS, judged on the rate while messages fly,
// and maxCPU).
func BenchmarkBrowserFrames(b *testing.B) {
	requireBrowser(b)
	minimal := serveMinimalPage(b)
	for b.Loop() {
		var table strings.Builder
		fmt.Fprintf(&table, "\n| view | frames/s | while messages fly | painted/s | presented/s | ms in Draw per painted frame | GPU process CPU ms per presented frame | Chromium CPU s per 10 s | PSS added, MB (GPU process) |")
		for _, y := range yardsticks {
			fmt.Fprintf(&table, " %s frames/s, CPU s per 10 s, PSS MB |", y.name)
		}
		fmt.Fprintf(&table, " goals | met |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
		for _, v := range benchViews {
			// The minimal pages right before each view, so all see the
			// same machine.
			var base strings.Builder
			for _, y := range yardsticks {
				before := settledPSS(b)
				tab := openURL(b, minimal+"?"+y.query, "window.minimal", v.view)
				f := countFrames(b, tab, before)
				tab.close()
				fmt.Fprintf(&base, " %.1f, %.1f, %.0f |", f.fps, f.cpu, f.pssMB)
			}
			f := framesIn(b, v)
			goals, met := v.goals(f)
			fmt.Fprintf(&table, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f (%.0f) |%s %s | %v |\n", v.name, f.fps, f.motionFPS, f.painted, f.presented, f.drawMs, f.gpuMs, f.cpu, f.pssMB, f.gpuPSSMB, base.String(), goals, met)
			metric := strings.ReplaceAll(v.name, " ", "-")
			b.ReportMetric(f.fps, "frames/s-"+metric)
			b.ReportMetric(f.motionFPS, "motion-frames/s-"+metric)
			b.ReportMetric(f.cpu, "cpu-s/10s-"+metric)
			b.ReportMetric(f.pssMB, "MB-PSS-"+metric)
		}
		empty := emptyPageCPU(b, minimal)
		b.Log(table.String())
		b.Logf("an empty page, drawing nothing, in the same browser: %.1f CPU s per 10 s (the floor under a paused view's figure)", empty)
		b.ReportMetric(empty, "cpu-s/10s-empty-page")
	}
	b.ReportMetric(0, "ns/op")
}

// emptyPageCPU returns the CPU seconds per 10 s all of Chromium spends
// while its only tab shows a page that draws nothing: what the browser
// costs on its own, and the least a paused playground can cost.
func emptyPageCPU(b *testing.B, minimal string) float64 {
	b.Helper()
	tab := openPage(b, minimal+"empty.html", "", defaultView)
	defer tab.close()
	time.Sleep(settleMs * time.Millisecond)
	cpu0, t0 := chromiumCPUNow(), time.Now()
	eval[bool](tab, fmt.Sprintf(`new Promise(done => setTimeout(() => done(true), %d))`, framesWindowMs))
	return chromiumCPUNow().minus(cpu0).all * 10 / time.Since(t0).Seconds()
}

// goals says what v is held to and whether f meets it.
func (v benchView) goals(f frameFigures) (string, bool) {
	var said []string
	met := true
	if v.minFPS > 0 {
		// What moves is drawn at the rate the goal asks for: while
		// messages fly, or at all when the page does not tell.
		rate := f.fps
		if f.motionFPS > 0 {
			rate = f.motionFPS
		}
		said = append(said, fmt.Sprintf("≥ %.0f frames/s", v.minFPS))
		met = met && rate >= v.minFPS
	}
	if v.maxCPU > 0 {
		said = append(said, fmt.Sprintf("≤ %.1f CPU s", v.maxCPU))
		met = met && f.cpu <= v.maxCPU
	}
	if len(said) == 0 {
		return "–", true
	}
	return strings.Join(said, ", "), met
}

// framesIn opens the playground in view v, turns the stress writers on once
// there is a leader when v asks for them, and measures it.
func framesIn(b *testing.B, v benchView) frameFigures {
	b.Helper()
	before := settledPSS(b)
	tab := openURL(b, browser.server.URL+"/?"+v.query, ownAPI, v.view)
	defer tab.close()
	if v.stress {
		tab.until("a leader", budgetMs, electionStepMs, hasLeader)
		tab.do(`{"op":"stress","on":true}`)
	}
	f := countFrames(b, tab, before)
	if v.check {
		reportCheckCost(b, tab, tab.state())
	}
	return f
}

// countFrames counts the frames tab's page draws in framesWindowMs and
// returns them per second, with the frames painted afresh and presented per
// second, the frame rate while messages fly and the milliseconds in Draw
// per painted frame when the page tells them (the minimal page paints and
// presents every frame and does not time them), the CPU time Chromium
// spent meanwhile, and the PSS the page adds to what Chromium held before
// it opened.
func countFrames(b *testing.B, tab *tab, before chromiumMemory) frameFigures {
	time.Sleep(settleMs * time.Millisecond)
	cpu0, t0 := chromiumCPUNow(), time.Now()
	rates := eval[[]float64](tab, fmt.Sprintf(`new Promise(done => {
		const api = %[1]s, painted = () => api.painted ? api.painted() : api.frames();
		const presented = () => api.presented ? api.presented() : api.frames();
		const motion = () => api.motion ? api.motion() : [0, 0];
		const ms = () => api.drawMs ? api.drawMs() : 0;
		const f0 = api.frames(), p0 = painted(), s0 = presented(), v0 = motion(), m0 = ms(), t0 = performance.now();
		setTimeout(() => {
			const s = (performance.now() - t0) / 1000, p = painted() - p0, v = motion();
			const moving = v[1] - v0[1] > 0 ? (v[0] - v0[0]) * 1000 / (v[1] - v0[1]) : 0;
			done([(api.frames() - f0) / s, p / s, (presented() - s0) / s, p > 0 ? (ms() - m0) / p : 0, moving]);
		}, %[2]d);
	})`, tab.api, framesWindowMs))
	used, wall := chromiumCPUNow().minus(cpu0), time.Since(t0).Seconds()
	f := frameFigures{fps: rates[0], painted: rates[1], presented: rates[2], drawMs: rates[3], motionFPS: rates[4], cpu: used.all * 10 / wall}
	if presented := f.presented * wall; presented > 0 {
		f.gpuMs = used.gpu * 1000 / presented
	}
	f.pssMB, f.gpuPSSMB = (chromiumPSS(b)-before.all)/1e6, (gpuPSS()-before.gpu)/1e6
	return f
}

// serveMinimalPage builds the minimal Ebiten page (testdata/minimal) for the
// browser, serves it with Go's wasm_exec.js and an empty page (empty.html),
// and returns its URL.
func serveMinimalPage(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	build := exec.Command("go", "build", "-trimpath", "-o", filepath.Join(dir, "minimal.wasm"), "./testdata/minimal")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building the minimal page: %v\n%s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		b.Fatal(err)
	}
	for src, dst := range map[string]string{
		filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"): "wasm_exec.js",
		filepath.Join("testdata", "minimal", "index.html"):                              "index.html",
	} {
		data, err := os.ReadFile(src)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	empty := "<!doctype html><title>empty</title><p>This page draws nothing."
	if err := os.WriteFile(filepath.Join(dir, "empty.html"), []byte(empty), 0o644); err != nil {
		b.Fatal(err)
	}
	server := httptest.NewServer(http.FileServer(http.Dir(dir)))
	b.Cleanup(server.Close)
	return server.URL + "/"
}

// reportCheckCost reports the cost of the linearizability check's steps
// from raftplay.checkCost().
func reportCheckCost(b *testing.B, tab *tab, s *raftsim.Snapshot) {
	b.Helper()
	var cost control.CheckStats
	if err := json.Unmarshal([]byte(eval[string](tab, tab.api+".checkCost()")), &cost); err != nil {
		b.Fatalf("raftplay.checkCost() is not its JSON: %v", err)
	}
	if cost.Steps == 0 || cost.Every == 0 {
		b.Fatalf("the linearizability check took no step in the frames (checkCost %+v)", cost)
	}
	b.ReportMetric(cost.MeanMs, "ms/check-step")
	b.ReportMetric(cost.MeanMs/float64(cost.Every), "ms-check/frame")
	b.Logf("linearizability check: %d steps of at most %d operations, one every %d frames: %.2f ms a step on average (%.2f ms a frame), %.2f ms at most lately, %.2f ms worst; verdict %q after %d operations",
		cost.Steps, cost.Budget, cost.Every, cost.MeanMs, cost.MeanMs/float64(cost.Every), cost.MaxMs, cost.WorstMs,
		s.Clients.Linearizable.Status, s.Clients.Linearizable.Checked)
}
