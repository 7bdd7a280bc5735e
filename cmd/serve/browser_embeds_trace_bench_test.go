package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
	"github.com/tidwall/gjson"

	"raftplay/web"
)

// embedTraceCategories are the trace categories BenchmarkBrowserEmbedsGap
// reads: the page's marks, the WebGL calls of the renderer (gpu) and V8's
// compiling of the wasm (v8.wasm).
var embedTraceCategories = []string{"blink.user_timing", "gpu", "v8.wasm"}

// embedTrace collects a browser trace of one load of a host page.
type embedTrace struct {
	tb     testing.TB
	mu     sync.Mutex
	events []gjson.Result
	done   chan struct{}
}

// start starts tracing t's browser, before t navigates.
func (tr *embedTrace) start(t *tab) {
	tr.tb.Helper()
	tr.done = make(chan struct{})
	if err := chromedp.Listen(t.ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			tr.mu.Lock()
			for _, v := range e.Value {
				tr.events = append(tr.events, gjson.ParseBytes(v))
			}
			tr.mu.Unlock()
		case *tracing.EventTracingComplete:
			close(tr.done)
		}
	}); err != nil {
		tr.tb.Fatalf("listening for the trace: %v", err)
	}
	if _, err := chromedp.Call(t.ctx, tracing.Start, tracing.StartParams{TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig: &tracing.TraceConfig{IncludedCategories: embedTraceCategories}}); err != nil {
		tr.tb.Fatalf("starting the trace: %v", err)
	}
}

// stop ends the trace and waits for its last events.
func (tr *embedTrace) stop(t *tab) {
	tr.tb.Helper()
	if _, err := chromedp.Call(t.ctx, tracing.End, cdp.Empty{}); err != nil {
		tr.tb.Fatalf("ending the trace: %v", err)
	}
	select {
	case <-tr.done:
	case <-t.ctx.Done():
		tr.tb.Fatal("the trace did not complete")
	case <-time.After(loadTimeout):
		tr.tb.Fatal("the trace did not complete")
	}
}

// embedGap is where the time between the first and the second playground's
// first frame went, in milliseconds, from a trace: the playgrounds share
// one renderer, whose main thread runs both programs in turn.
type embedGap struct {
	gap float64
	// readback is the main thread's time inside WebGL's ReadPixels, which
	// Chromium calls to show each WebGL frame when it composites in
	// software (no GPU): it waits there until SwiftShader has drawn the
	// frame.
	readback float64
	// tierUp is V8's time optimizing the wasm's hot functions on
	// background threads, which take the same cores.
	tierUp float64
}

// gap reads the trace's embedGap, or fails when it lacks the marks.
func (tr *embedTrace) gap() embedGap {
	tr.tb.Helper()
	tr.mu.Lock()
	defer tr.mu.Unlock()
	var frames []gjson.Result
	for _, e := range tr.events {
		if e.Get("name").String() == "raftplay:first-frame" {
			frames = append(frames, e)
		}
	}
	if len(frames) < 2 {
		tr.tb.Fatalf("the trace holds %d first frames, want 2", len(frames))
	}
	slices.SortFunc(frames, func(a, b gjson.Result) int { return cmp.Compare(a.Get("ts").Int(), b.Get("ts").Int()) })
	from, to := frames[0].Get("ts").Float(), frames[1].Get("ts").Float()
	pid, tid := frames[0].Get("pid").Int(), frames[0].Get("tid").Int()
	g := embedGap{gap: (to - from) / 1000}
	for _, e := range tr.events {
		if e.Get("ph").String() != "X" || e.Get("pid").Int() != pid {
			continue
		}
		start, dur := e.Get("ts").Float(), e.Get("dur").Float()
		within := (min(start+dur, to) - max(start, from)) / 1000
		if within <= 0 {
			continue
		}
		switch name := e.Get("name").String(); {
		case name == "GLES2::ReadPixels" && e.Get("tid").Int() == tid:
			g.readback += within
		case name == "wasm.TopTierCompilation":
			g.tierUp += within
		}
	}
	return g
}

// BenchmarkBrowserEmbedsGap traces embedsLoads loads of the host page with
// two playgrounds side by side (BenchmarkBrowserEmbeds's first layout) and
// reports where the time between their first frames goes: the share the
// renderer's main thread, which both programs run on, waits in WebGL
// readbacks for SwiftShader to finish drawing, and the CPU V8 spends
// optimizing the wasm meanwhile. Tracing slows the page a little, so the
// gap itself is BenchmarkBrowserEmbeds's to report.
func BenchmarkBrowserEmbedsGap(b *testing.B) {
	requireBrowser(b)
	for b.Loop() {
		var gaps []embedGap
		for range embedsLoads {
			tr := &embedTrace{tb: b}
			loadEmbeds(b, web.Site, embedLayouts[0], tr)
			gaps = append(gaps, tr.gap())
		}
		med := func(f func(embedGap) float64) float64 {
			v := make([]float64, len(gaps))
			for i, g := range gaps {
				v[i] = f(g)
			}
			slices.Sort(v)
			return v[len(v)/2]
		}
		var rows strings.Builder
		for i, g := range gaps {
			fmt.Fprintf(&rows, "| %d | %.0f | %.0f | %.0f |\n", i+1, g.gap, g.readback, g.tierUp)
		}
		b.Logf("between the first and the second playground's first frame, traced:\n| load | gap ms | main thread in WebGL readbacks ms | wasm optimizing on other threads ms |\n|---|---|---|---|\n%s", rows.String())
		b.ReportMetric(med(func(g embedGap) float64 { return g.gap }), "ms-gap")
		b.ReportMetric(med(func(g embedGap) float64 { return g.readback }), "ms-readback")
		b.ReportMetric(med(func(g embedGap) float64 { return g.tierUp }), "ms-tier-up")
	}
	b.ReportMetric(0, "ns/op")
}
