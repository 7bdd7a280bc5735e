package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
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

// firstFrameLoads is how many fresh navigations the first-frame figure is
// the median of.
const firstFrameLoads = 5

// BenchmarkBrowserFirstFrame reports the median time from navigation to the
// end of the first frame, each load in a new tab. The service worker keeps
// the wasm after the first load (and the browser's HTTP cache would too), so
// this is a return visit's time, not a first visit's.
func BenchmarkBrowserFirstFrame(b *testing.B) {
	var median float64
	for b.Loop() {
		ms := make([]float64, firstFrameLoads)
		for i := range ms {
			tab := openPlayground(b, "seed=1")
			ms[i] = eval[float64](tab, tab.api+".firstFrameMs()")
			tab.close()
		}
		slices.Sort(ms)
		median = ms[len(ms)/2]
		b.Logf("navigation to first frame, %d loads: %.0f ms median, %.0f to %.0f ms", len(ms), median, ms[0], ms[len(ms)-1])
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(median, "ms-to-first-frame")
}

// framesWindowMs is how long frames are counted, in wall milliseconds.
const framesWindowMs = 5000

// BenchmarkBrowserFrames reports the frames drawn per second by a 5-node
// cluster under the stress writers, at the playground's default speed and
// in real time (speed 1, where the simulator and the checker do the most work
// per frame), and, in real time, what the linearizability check, which runs
// inside the frames, costs them.
func BenchmarkBrowserFrames(b *testing.B) {
	for b.Loop() {
		framesUnderStress(b, "seed=1", "frames/s", false)
		framesUnderStress(b, "seed=1&speed=1", "frames/s-at-speed-1", true)
	}
	b.ReportMetric(0, "ns/op")
}

// framesUnderStress opens the playground with query, turns the stress
// writers on once it has a leader, counts the frames drawn in
// framesWindowMs and reports them per second as unit; with check it also
// reports the linearizability check's cost.
func framesUnderStress(b *testing.B, query, unit string, check bool) {
	b.Helper()
	tab := openPlayground(b, query)
	defer tab.close()
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.do(`{"op":"stress","on":true}`)
	fps := eval[float64](tab, fmt.Sprintf(`new Promise(done => {
		const f0 = %[1]s.frames(), t0 = performance.now();
		setTimeout(() => done((%[1]s.frames() - f0) * 1000 / (performance.now() - t0)), %[2]d);
	})`, tab.api, framesWindowMs))
	s := tab.state()
	b.ReportMetric(fps, unit)
	b.Logf("?%s: %.1f frames drawn per second over %d s, %d nodes under stress writes (%d ops answered in the last virtual second)",
		query, fps, framesWindowMs/1000, len(s.Nodes), s.Clients.OpsPerSec)
	if check {
		reportCheckCost(b, tab, s)
	}
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
