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

	"raftplay/raftsim"
	"raftplay/render/scene"
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

// framesWindowMs is how long frames are counted, in wall milliseconds.
const framesWindowMs = 5000

// benchView is one view the frame rate is measured in: the playground at a
// size with a URL query, optionally under the stress writers.
type benchView struct {
	name, query string
	view        viewport
	stress      bool
	// check reports the linearizability check's cost in this view.
	check bool
}

// benchViews are the views of the frame-rate table; each is measured beside
// the minimal Ebiten page at the same size.
var benchViews = []benchView{
	{name: "1280×800 idle 0.03×", query: "seed=1", view: defaultView},
	{name: "1280×800 1×", query: "seed=1&speed=1", view: defaultView},
	{name: "1280×800 1× stress", query: "seed=1&speed=1", view: defaultView, stress: true, check: true},
	{name: "1280×800 0.03× stress", query: "seed=1", view: defaultView, stress: true},
	{name: "1280×800 story", query: "scenario=replication", view: defaultView},
	{name: "640×400 minimal", query: "seed=1&controls=minimal", view: viewport{640, 400, 1}},
	{name: "390×844 phone", query: "seed=1", view: viewport{390, 844, 1}},
}

// BenchmarkBrowserFrames prints the frame-rate table: for each view, the
// frames per second the playground draws (and how many of them it painted
// afresh rather than finding nothing changed) beside the rate of a minimal
// Ebiten page at the same size, measured in the same run. The goal is at
// least 30 frames a second, and at least half the minimal page's rate.
func BenchmarkBrowserFrames(b *testing.B) {
	requireBrowser(b)
	minimal := serveMinimalPage(b)
	for b.Loop() {
		var table strings.Builder
		fmt.Fprintf(&table, "\n| view | frames/s | painted/s | ms in Draw per painted frame | minimal page frames/s | goal met |\n|---|---|---|---|---|---|\n")
		for _, v := range benchViews {
			// The minimal page right before each view, so both see the
			// same machine.
			tab := openURL(b, minimal, "window.minimal", v.view)
			base, _, _ := countFrames(tab)
			tab.close()
			fps, painted, drawMs := framesIn(b, v)
			met := fps >= 30 && fps >= base/2
			fmt.Fprintf(&table, "| %s | %.1f | %.1f | %.1f | %.1f | %v |\n", v.name, fps, painted, drawMs, base, met)
			b.ReportMetric(fps, "frames/s-"+strings.ReplaceAll(v.name, " ", "-"))
		}
		b.Log(table.String())
	}
	b.ReportMetric(0, "ns/op")
}

// framesIn opens the playground in view v, turns the stress writers on once
// there is a leader when v asks for them, and returns the frames drawn and
// painted per second over framesWindowMs and the time in Draw per painted
// frame.
func framesIn(b *testing.B, v benchView) (fps, painted, drawMs float64) {
	b.Helper()
	tab := openURL(b, browser.server.URL+"/?"+v.query, ownAPI, v.view)
	defer tab.close()
	if v.stress {
		tab.until("a leader", budgetMs, electionStepMs, hasLeader)
		tab.do(`{"op":"stress","on":true}`)
	}
	fps, painted, drawMs = countFrames(tab)
	if v.check {
		reportCheckCost(b, tab, tab.state())
	}
	return fps, painted, drawMs
}

// countFrames counts the frames tab's page draws in framesWindowMs and
// returns them per second, with the frames painted afresh per second and
// the milliseconds in Draw per painted frame when the page tells them (the
// minimal page paints every frame and does not time them).
func countFrames(tab *tab) (fps, painted, drawMs float64) {
	rates := eval[[]float64](tab, fmt.Sprintf(`new Promise(done => {
		const api = %[1]s, painted = () => api.painted ? api.painted() : api.frames();
		const ms = () => api.drawMs ? api.drawMs() : 0;
		const f0 = api.frames(), p0 = painted(), m0 = ms(), t0 = performance.now();
		setTimeout(() => {
			const s = (performance.now() - t0) / 1000, p = painted() - p0;
			done([(api.frames() - f0) / s, p / s, p > 0 ? (ms() - m0) / p : 0]);
		}, %[2]d);
	})`, tab.api, framesWindowMs))
	return rates[0], rates[1], rates[2]
}

// serveMinimalPage builds the minimal Ebiten page (testdata/minimal) for the
// browser, serves it with Go's wasm_exec.js, and returns its URL.
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
	server := httptest.NewServer(http.FileServer(http.Dir(dir)))
	b.Cleanup(server.Close)
	return server.URL + "/"
}

// reportCheckCost reports the cost of the linearizability check's steps
// from raftplay.checkCost().
func reportCheckCost(b *testing.B, tab *tab, s *raftsim.Snapshot) {
	b.Helper()
	var cost scene.CheckStats
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
