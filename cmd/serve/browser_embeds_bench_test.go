package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"raftplay/web"
)

// embedCount is how many playgrounds the host page of
// BenchmarkBrowserEmbeds shows, side by side and all in view.
const embedCount = 2

// BenchmarkBrowserEmbeds reports how soon each of several playgrounds on
// one page draws its first frame, in milliseconds from the host page's
// navigation, and how long after the first the second starts (goal: at
// most one second). The host page is served from the site's origin, so it
// can read each playground's time; same-origin frames share one renderer.
func BenchmarkBrowserEmbeds(b *testing.B) {
	requireBrowser(b)
	var frames strings.Builder
	for i := range embedCount {
		fmt.Fprintf(&frames, `<iframe src="index.html?seed=%d&controls=minimal" width="620" height="380" style="border:0" loading="lazy"></iframe>`, i+1)
	}
	mux := http.NewServeMux()
	site, err := newHandler(web.Site)
	if err != nil {
		b.Fatal(err)
	}
	mux.Handle("/", site)
	mux.HandleFunc("/host.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><title>embeds</title><body style=\"margin:0\">%s</body>", frames.String())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for b.Loop() {
		tab := openPage(b, srv.URL+"/host.html", "", defaultView)
		// Each frame's first frame, on the host page's clock.
		const firstFrames = `[...document.querySelectorAll("iframe")].map((f) => {
			const api = f.contentWindow.raftplay;
			const ms = api && api.frames() > 0 ? api.firstFrameMs() : 0;
			return ms > 0 ? f.contentWindow.performance.timeOrigin + ms - performance.timeOrigin : 0;
		})`
		if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](firstFrames+".every((ms) => ms > 0)",
			chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(2*loadTimeout))); err != nil {
			b.Fatalf("the embeds did not all draw: %v", err)
		}
		ms := eval[[]float64](tab, firstFrames)
		tab.close()
		slices.Sort(ms)
		gap := ms[1] - ms[0]
		b.Logf("%d embeds on one page: first frames %v after navigation; the second %.0f ms after the first (goal: at most 1000)", embedCount, roundMs(ms), gap)
		b.ReportMetric(ms[0], "ms-first-embed")
		b.ReportMetric(gap, "ms-second-after-first")
	}
	b.ReportMetric(0, "ns/op")
}

// roundMs turns each of ms, milliseconds, into a duration for the log.
func roundMs(ms []float64) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = time.Duration(m) * time.Millisecond
	}
	return out
}
