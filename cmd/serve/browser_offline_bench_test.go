package main

import (
	"net/http/httptest"
	"slices"
	"testing"
	"time"
)

// BenchmarkBrowserOffline reports what the service worker keeps and how
// soon an offline visit draws its first frame, beside the first visit's
// time, online with nothing cached, measured in the same run on a server of
// its own (a fresh origin, so nothing is cached before).
func BenchmarkBrowserOffline(b *testing.B) {
	requireBrowser(b)
	for b.Loop() {
		host := &swappableSite{}
		host.serveSite(b, siteCopy(b))
		srv := httptest.NewServer(host)
		tab := openURL(b, srv.URL+"/?seed=1", ownAPI, defaultView)
		firstVisit := tab.firstFrameTime()
		tab.waitForWorker()
		cached := tab.cachedBytes()
		tab.close()

		host.goDown()
		offline := make([]time.Duration, firstFrameLoads)
		for i := range offline {
			tab := openURL(b, srv.URL+"/?seed=1", ownAPI, defaultView, goOffline)
			offline[i] = tab.firstFrameTime()
			tab.close()
		}
		srv.Close()
		slices.Sort(offline)
		median := offline[len(offline)/2]
		b.ReportMetric(float64(cached), "cached-bytes")
		b.ReportMetric(float64(median.Milliseconds()), "ms-to-first-frame-offline")
		b.ReportMetric(float64(firstVisit.Milliseconds()), "ms-to-first-frame-first-visit")
		b.Logf("cached %d bytes; first frame offline %v median of %d (%v to %v), first visit online %v",
			cached, median.Round(time.Millisecond), len(offline), offline[0].Round(time.Millisecond),
			offline[len(offline)-1].Round(time.Millisecond), firstVisit.Round(time.Millisecond))
	}
	b.ReportMetric(0, "ns/op")
}
