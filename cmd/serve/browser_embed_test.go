package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"

	"raftplay/web"
)

// setField sets a field of the embed builder's form as a person would, so
// that the page hears the change.
func (t *tab) setField(name, value string) {
	t.tb.Helper()
	name, value = mustJSON(t.tb, name), mustJSON(t.tb, value)
	eval[bool](t, fmt.Sprintf(`(() => {
	  const field = document.getElementById("builder").elements[%s];
	  if (field.type === "checkbox") { field.checked = %s === "true"; } else { field.value = %s; }
	  field.dispatchEvent(new Event("input", { bubbles: true }));
	  field.dispatchEvent(new Event("change", { bubbles: true }));
	  return true;
	})()`, name, value, value))
}

func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// The builder's snippet, pasted into another page, shows the playground as
// configured: seed, nodes, look and size. The test serves the site and that
// page from one server of its own, so the page can look into the iframe.
func TestBrowserEmbedBuilderSnippet(t *testing.T) {
	requireBrowser(t)
	site, err := newHandler(web.Site)
	if err != nil {
		t.Fatal(err)
	}
	var pasted atomic.Pointer[string]
	mux := http.NewServeMux()
	mux.Handle("/", site)
	mux.HandleFunc("/blog.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><title>a blog post</title><p>Here is Raft:</p>\n%s\n", *pasted.Load())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	const preview = `document.getElementById("playground").contentWindow.raftplay`
	tab := openURL(t, srv.URL+"/embed.html", preview, defaultView)
	for _, f := range [][2]string{
		{"seed", "9"}, {"nodes", "3"}, {"theme", "light"}, {"controls", "minimal"},
		{"paused", "true"}, {"width", "800"}, {"height", "500"},
	} {
		tab.setField(f[0], f[1])
	}
	snippet := eval[string](tab, `document.getElementById("snippet").value`)
	for _, want := range []string{`width="800"`, `height="500"`, `loading="lazy"`, `src="` + srv.URL + `/index.html?`} {
		if !strings.Contains(snippet, want) {
			t.Errorf("the snippet has no %s:\n%s", want, snippet)
		}
	}
	// The preview follows the form.
	if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](`(() => { const api = `+preview+`; return api && api.frames() > 0 && JSON.parse(api.state()).seed === 9; })()`,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(loadTimeout))); err != nil {
		t.Fatalf("the preview did not switch to seed 9: %v", err)
	}
	// A story runs its own seed: its snippet names none, and the seed
	// field cannot be set meanwhile.
	tab.setField("scenario", "election")
	story := eval[string](tab, `document.getElementById("snippet").value`)
	if !strings.Contains(story, "scenario=election") || strings.Contains(story, "seed=") {
		t.Errorf("a story's snippet should name the story and no seed:\n%s", story)
	}
	if !eval[bool](tab, `document.getElementById("builder").elements.seed.disabled`) {
		t.Error("the seed field stays enabled while a story is chosen")
	}
	tab.setField("scenario", "")
	tab.close()

	pasted.Store(&snippet)
	const frame = `document.querySelector("iframe")`
	blog := openURL(t, srv.URL+"/blog.html", frame+`.contentWindow.raftplay`, defaultView)
	s := blog.state()
	if s.Seed != 9 || len(s.Nodes) != 3 || !s.Paused {
		t.Errorf("the pasted playground runs seed %d with %d nodes, paused=%v; want seed 9, 3 nodes, paused", s.Seed, len(s.Nodes), s.Paused)
	}
	search := eval[string](blog, frame+`.contentWindow.location.search`)
	q, err := url.ParseQuery(strings.TrimPrefix(search, "?"))
	if err != nil || q.Get("theme") != "light" || q.Get("controls") != "minimal" {
		t.Errorf("the pasted playground's parameters are %q, want theme=light and controls=minimal", search)
	}
	if w := eval[int](blog, frame+`.getBoundingClientRect().width`); w != 800 {
		t.Errorf("the pasted iframe is %d px wide, want 800", w)
	}
}

// A playground further down a page downloads nothing while the reader reads
// above it, even in an iframe loaded eagerly, and starts once scrolled to.
// The one in view above it is the clock: by its first frame, the one below
// would long have asked for the wasm.
func TestBrowserEmbedOutOfViewWaits(t *testing.T) {
	requireBrowser(t)
	site, err := newHandler(web.Site)
	if err != nil {
		t.Fatal(err)
	}
	var belowDownloads atomic.Int32
	mux := http.NewServeMux()
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/raftplay.wasm" && strings.Contains(r.Referer(), "seed=2") {
			belowDownloads.Add(1)
		}
		site.ServeHTTP(w, r)
	}))
	mux.HandleFunc("/article.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><title>an article</title><body style="margin:0">
<iframe id="above" src="index.html?seed=1" width="620" height="380" style="border:0"></iframe>
<div style="height:%dpx">Three screens of text.</div>
<iframe id="below" src="index.html?seed=2" width="620" height="380" style="border:0"></iframe>`, 3*viewH)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tab := openURL(t, srv.URL+"/article.html", `document.getElementById("above").contentWindow.raftplay`, defaultView)
	const below = `document.getElementById("below").contentWindow`
	if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](below+`.document.readyState === "complete"`,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(loadTimeout))); err != nil {
		t.Fatalf("the iframe below did not load its page: %v", err)
	}
	if n := belowDownloads.Load(); n != 0 || eval[bool](tab, below+`.raftplay !== undefined`) {
		t.Fatalf("the playground below the fold asked for the wasm %d times and started=%v before it was scrolled to", n, eval[bool](tab, below+`.raftplay !== undefined`))
	}
	eval[bool](tab, `document.getElementById("below").scrollIntoView(), true`)
	tab.api = below + ".raftplay"
	tab.waitFirstFrame("the playground scrolled to")
}
