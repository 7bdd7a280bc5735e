package main

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"raftplay/web"
)

// buildPattern finds the build's name in offline.js.
var buildPattern = regexp.MustCompile(`"build":"([0-9a-f]+)"`)

// siteCopy reads every file of web.Site into a map the test can change.
func siteCopy(t testing.TB) fstest.MapFS {
	t.Helper()
	site := fstest.MapFS{}
	err := fs.WalkDir(web.Site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(web.Site, p)
		site[p] = &fstest.MapFile{Data: body}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := site["offline.js"]; !ok {
		t.Fatal("web/offline.js is not built: run make wasm")
	}
	return site
}

// swappableSite serves one site or another, or nothing at all, as the test
// says; it stands for a host that gets a new build, or goes away.
type swappableSite struct{ h atomic.Pointer[http.Handler] }

func (s *swappableSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	(*s.h.Load()).ServeHTTP(w, r)
}

// serveSite makes s serve fsys.
func (s *swappableSite) serveSite(t testing.TB, fsys fs.FS) {
	t.Helper()
	h, err := newHandler(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s.h.Store(&h)
}

// goDown makes s refuse every request, as a host that has gone away.
func (s *swappableSite) goDown() {
	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "the host is down", http.StatusServiceUnavailable)
	})
	s.h.Store(&h)
}

// goOffline cuts a tab off the network with Chromium's network emulation.
func goOffline(t *tab) {
	t.tb.Helper()
	if _, err := chromedp.Call(t.ctx, network.Enable, network.EnableParams{}); err != nil {
		t.tb.Fatal(err)
	}
	conditions := []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}
	if _, err := chromedp.Call(t.ctx, network.EmulateNetworkConditionsByRule,
		network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: conditions}); err != nil {
		t.tb.Fatalf("emulating no network: %v", err)
	}
}

// reload reloads the page and waits for the playground's first frame.
func (t *tab) reload() {
	t.tb.Helper()
	if err := chromedp.Do(t.ctx, chromedp.Reload()); err != nil {
		t.tb.Fatalf("reloading: %v", err)
	}
	t.waitFirstFrame("the reloaded page")
}

// firstFrameTime is the time from the start of the page's navigation to its
// first frame, within an animation frame: performance.now() counts from
// that start, and the page is polled once per animation frame until it has
// drawn.
func (t *tab) firstFrameTime() time.Duration {
	t.tb.Helper()
	ms := eval[float64](t, `new Promise((resolve) => {
	  const check = () => (window.raftplay && raftplay.frames() > 0) ? resolve(performance.now()) : requestAnimationFrame(check);
	  check();
	})`)
	return time.Duration(ms * float64(time.Millisecond))
}

// waitForWorker waits until a service worker controls the page.
func (t *tab) waitForWorker() {
	t.tb.Helper()
	if _, err := chromedp.Run(t.ctx, chromedp.Poll[bool](`navigator.serviceWorker.controller !== null`,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.logConsole()
		t.tb.Fatalf("no service worker took control of the page: %v", err)
	}
}

// cacheNames lists the page's caches.
func (t *tab) cacheNames() []string {
	t.tb.Helper()
	return eval[[]string](t, `caches.keys()`)
}

// cachedBytes adds up the bodies in the page's caches.
func (t *tab) cachedBytes() int {
	t.tb.Helper()
	return eval[int](t, `(async () => {
	  let n = 0;
	  for (const key of await caches.keys()) {
	    const cache = await caches.open(key);
	    for (const request of await cache.keys()) {
	      n += (await (await cache.match(request)).arrayBuffer()).byteLength;
	    }
	  }
	  return n;
	})()`)
}

func TestBrowserOfflineAfterOneVisit(t *testing.T) {
	requireBrowser(t)
	// A server of its own, so the worker's origin is this test's alone.
	host := &swappableSite{}
	siteA := siteCopy(t)
	host.serveSite(t, siteA)
	srv := httptest.NewServer(host)
	defer srv.Close()

	tab := openURL(t, srv.URL+"/?seed=7", ownAPI, defaultView)
	online := tab.firstFrameTime()
	tab.waitForWorker()
	buildA := buildPattern.FindSubmatch(siteA["offline.js"].Data)[1]
	if names := tab.cacheNames(); len(names) != 1 || names[0] != "raftplay-"+string(buildA) {
		t.Fatalf("caches %v, want only raftplay-%s", names, buildA)
	}
	cached := tab.cachedBytes()
	encoding := eval[string](tab, `caches.match("raftplay.wasm", {ignoreVary: true}).then((r) => r.headers.get("Content-Encoding") || "identity")`)

	// Offline in a new tab, since one tab's time is bounded and the first
	// visit may have used much of it on a busy machine.
	tab.close()
	host.goDown()
	tab = openURL(t, srv.URL+"/?seed=7", ownAPI, defaultView, goOffline)
	firstFrame := tab.firstFrameTime()
	s := tab.until("a leader, offline", budgetMs, electionStepMs, hasLeader)
	if s.Seed != 7 {
		t.Errorf("offline, the reloaded page runs seed %d, want 7 from its URL", s.Seed)
	}
	t.Logf("cached %d bytes (the wasm came %s-encoded); first frame %v after an offline reload, %v on the first visit",
		cached, encoding, firstFrame.Round(time.Millisecond), online.Round(time.Millisecond))

	// A new build: another page, another offline.js, seen in a new tab (one
	// tab's time is bounded). The page first comes from the cache while the
	// browser installs the new build; once the new cache has replaced the
	// old, a reload shows the new page.
	siteB := siteCopy(t)
	siteB["index.html"].Data = []byte(strings.Replace(string(siteB["index.html"].Data),
		"<title>raftplay: a Raft playground</title>", "<title>raftplay: build B</title>", 1))
	siteB["offline.js"].Data = buildPattern.ReplaceAll(siteB["offline.js"].Data, []byte(`"build":"b0b0b0b0b0b0b0b0"`))
	host.serveSite(t, siteB)
	tab.close()
	tab = openURL(t, srv.URL+"/?seed=7", ownAPI, defaultView)
	if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](`caches.keys().then((k) => k.length === 1 && k[0] === "raftplay-b0b0b0b0b0b0b0b0")`,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the new build's cache did not replace the old one (caches %v): %v", tab.cacheNames(), err)
	}
	tab.reload()
	if title := eval[string](tab, `document.title`); title != "raftplay: build B" {
		t.Errorf("after the new build was cached the page's title is %q, want the new page's", title)
	}
	tab.until("a leader on the new build", budgetMs, electionStepMs, hasLeader)
}

// A worker that cannot install (here offline.js, which the build writes, is
// missing) is reported once in the console and the playground runs online.
func TestBrowserBrokenWorkerIsReportedOnce(t *testing.T) {
	requireBrowser(t)
	site := siteCopy(t)
	delete(site, "offline.js")
	h, err := newHandler(site)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	tab := openURL(t, srv.URL+"/?seed=3", ownAPI, defaultView)
	const warning = "raftplay: offline use is not available"
	tab.waitConsole(10*time.Second, warning)
	tab.until("a leader without a service worker", budgetMs, electionStepMs, hasLeader)
	tab.mu.Lock()
	defer tab.mu.Unlock()
	if n := len(slices.DeleteFunc(slices.Clone(tab.console), func(l string) bool { return !strings.Contains(l, warning) })); n != 1 {
		t.Errorf("the console has %d lines saying %q, want 1", n, warning)
	}
}
