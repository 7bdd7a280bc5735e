package main

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"testing/fstest"
)

// Stand-ins for the built files: distinct bytes per copy, so a test can tell
// from the body which copy was sent.
const (
	indexBody = "<!doctype html><title>raftplay</title>"
	wasmBody  = "\x00asm\x01\x00\x00\x00 the plain module"
	wasmBr    = "brotli copy"
	wasmGz    = "gzip copy"
)

func testSite() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"index.html":       file(indexBody),
		"loader.js":        file("console.log('loader')"),
		"raftplay.wasm":    file(wasmBody),
		"raftplay.wasm.br": file(wasmBr),
		"raftplay.wasm.gz": file(wasmGz),
		"gzonly.js":        file("gzip-only script, plain"),
		"gzonly.js.gz":     file("gzip-only script, gzip"),
		"bronly.wasm.br":   file("brotli-only module"),
		"web.go":           file("package web"),
		".gitignore":       file("/raftplay.wasm"),
		"docs/page.html":   file("<p>nested</p>"),
	}
}

func newTestHandler(t *testing.T) http.Handler {
	t.Helper()
	h, err := newHandler(testSite())
	if err != nil {
		t.Fatalf("newHandler: %v", err)
	}
	return h
}

func serveTest(h http.Handler, method, target string, header http.Header) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, nil)
	for k, vs := range header {
		req.Header[k] = vs
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// accepting is a request header with Accept-Encoding: v.
func accepting(v string) http.Header { return http.Header{"Accept-Encoding": {v}} }

// etagOf is the ETag the handler sends for target to a client that sends
// Accept-Encoding: accept.
func etagOf(t *testing.T, h http.Handler, target, accept string) string {
	t.Helper()
	etag := serveTest(h, http.MethodGet, target, accepting(accept)).Header().Get("ETag")
	if etag == "" {
		t.Fatalf("GET %s sent no ETag", target)
	}
	return etag
}

// TestServe checks status, the headers that matter and the body for each
// kind of request. A header listed with "" must be absent.
func TestServe(t *testing.T) {
	h := newTestHandler(t)
	tests := []struct {
		name    string
		method  string
		target  string
		header  http.Header
		status  int
		headers map[string]string
		body    string // checked when status is 200
	}{
		{"root is index.html", "GET", "/", nil, 200,
			map[string]string{"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache", "Vary": ""}, indexBody},
		{"index.html by name", "GET", "/index.html", nil, 200,
			map[string]string{"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache"}, indexBody},
		{"javascript", "GET", "/loader.js", nil, 200,
			map[string]string{"Content-Type": "text/javascript; charset=utf-8"}, "console.log('loader')"},
		{"nested file", "GET", "/docs/page.html", nil, 200,
			map[string]string{"Content-Type": "text/html; charset=utf-8"}, "<p>nested</p>"},

		{"wasm without Accept-Encoding is plain", "GET", "/raftplay.wasm", nil, 200,
			map[string]string{"Content-Type": "application/wasm", "Content-Encoding": "", "Vary": "Accept-Encoding",
				"Content-Length": strconv.Itoa(len(wasmBody))}, wasmBody},
		{"wasm to a browser offering brotli", "GET", "/raftplay.wasm", accepting("gzip, deflate, br, zstd"), 200,
			map[string]string{"Content-Type": "application/wasm", "Content-Encoding": "br", "Vary": "Accept-Encoding",
				"Content-Length": strconv.Itoa(len(wasmBr))}, wasmBr},
		{"wasm over plain http gets gzip", "GET", "/raftplay.wasm", accepting("gzip, deflate"), 200,
			map[string]string{"Content-Type": "application/wasm", "Content-Encoding": "gzip", "Vary": "Accept-Encoding"}, wasmGz},
		{"wasm with br;q=0", "GET", "/raftplay.wasm", accepting("br;q=0, gzip"), 200,
			map[string]string{"Content-Encoding": "gzip"}, wasmGz},
		{"wasm with both compressions refused", "GET", "/raftplay.wasm", accepting("br;q=0, gzip;q=0"), 200,
			map[string]string{"Content-Type": "application/wasm", "Content-Encoding": "", "Vary": "Accept-Encoding"}, wasmBody},
		{"absent brotli copy falls back to gzip", "GET", "/gzonly.js", accepting("br, gzip"), 200,
			map[string]string{"Content-Type": "text/javascript; charset=utf-8", "Content-Encoding": "gzip"}, "gzip-only script, gzip"},
		{"absent compressed copies fall back to plain", "GET", "/loader.js", accepting("br, gzip"), 200,
			map[string]string{"Content-Encoding": "", "Vary": ""}, "console.log('loader')"},
		{"only copy is brotli and brotli is offered", "GET", "/bronly.wasm", accepting("br"), 200,
			map[string]string{"Content-Type": "application/wasm", "Content-Encoding": "br", "Vary": "Accept-Encoding"}, "brotli-only module"},
		{"only copy is brotli and brotli is not offered", "GET", "/bronly.wasm", accepting("gzip"), 406,
			map[string]string{"Vary": "Accept-Encoding"}, ""},

		{"missing file", "GET", "/nope.js", nil, 404, nil, ""},
		{"directory", "GET", "/docs/", nil, 404, nil, ""},
		{"directory without slash", "GET", "/docs", nil, 404, nil, ""},
		{"file with a trailing slash", "GET", "/index.html/", nil, 404, nil, ""},
		{"go source in the folder", "GET", "/web.go", nil, 404, nil, ""},
		{"dotfile", "GET", "/.gitignore", nil, 404, nil, ""},
		{"compressed copy by name", "GET", "/raftplay.wasm.br", nil, 404, nil, ""},

		{"dot-dot", "GET", "/../go.mod", nil, 400, nil, ""},
		{"encoded dot-dot", "GET", "/%2e%2e/go.mod", nil, 400, nil, ""},
		{"encoded slash after dot-dot", "GET", "/..%2fgo.mod", nil, 400, nil, ""},
		{"dot-dot inside the path", "GET", "/docs/../../go.mod", nil, 400, nil, ""},
		{"backslashes", "GET", `/..\go.mod`, nil, 400, nil, ""},
		{"encoded backslashes", "GET", "/..%5c..%5cgo.mod", nil, 400, nil, ""},
		{"double slash", "GET", "//etc/passwd", nil, 400, nil, ""},
		{"NUL byte", "GET", "/index.html%00.js", nil, 400, nil, ""},

		{"POST", "POST", "/", nil, 405, map[string]string{"Allow": "GET, HEAD"}, ""},
		{"PUT", "PUT", "/index.html", nil, 405, map[string]string{"Allow": "GET, HEAD"}, ""},
		{"DELETE", "DELETE", "/raftplay.wasm", nil, 405, map[string]string{"Allow": "GET, HEAD"}, ""},
		{"OPTIONS", "OPTIONS", "/", nil, 405, map[string]string{"Allow": "GET, HEAD"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := serveTest(h, tt.method, tt.target, tt.header)
			if rec.Code != tt.status {
				t.Fatalf("%s %s: status %d, want %d (body %q)", tt.method, tt.target, rec.Code, tt.status, rec.Body)
			}
			for k, want := range tt.headers {
				if got := rec.Header().Get(k); got != want {
					t.Errorf("%s: %q, want %q", k, got, want)
				}
			}
			if tt.status == http.StatusOK && rec.Body.String() != tt.body {
				t.Errorf("body %q, want %q", rec.Body, tt.body)
			}
		})
	}
}

// TestSiteHeadersOnEveryResponse checks the embedding and nosniff headers on
// successes and on every kind of error.
func TestSiteHeadersOnEveryResponse(t *testing.T) {
	h := newTestHandler(t)
	for _, req := range []struct{ method, target string }{
		{"GET", "/"}, {"GET", "/raftplay.wasm"}, {"GET", "/nope"}, {"GET", "/../go.mod"}, {"POST", "/"},
	} {
		rec := serveTest(h, req.method, req.target, nil)
		if got := rec.Header().Get("Content-Security-Policy"); got != "frame-ancestors *" {
			t.Errorf("%s %s (%d): Content-Security-Policy %q, want %q", req.method, req.target, rec.Code, got, "frame-ancestors *")
		}
		if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s %s (%d): X-Content-Type-Options %q, want nosniff", req.method, req.target, rec.Code, got)
		}
	}
}

func TestHeadHasHeadersButNoBody(t *testing.T) {
	h := newTestHandler(t)
	rec := serveTest(h, http.MethodHead, "/raftplay.wasm", accepting("gzip"))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d, want 200", rec.Code)
	}
	if rec.Body.Len() != 0 {
		t.Errorf("HEAD sent a body of %d bytes", rec.Body.Len())
	}
	want := map[string]string{
		"Content-Type":     "application/wasm",
		"Content-Encoding": "gzip",
		"Content-Length":   strconv.Itoa(len(wasmGz)),
		"ETag":             etagOf(t, h, "/raftplay.wasm", "gzip"),
	}
	for k, v := range want {
		if got := rec.Header().Get(k); got != v {
			t.Errorf("%s: %q, want %q", k, got, v)
		}
	}
}

func TestETags(t *testing.T) {
	h := newTestHandler(t)
	plain := etagOf(t, h, "/raftplay.wasm", "")
	br := etagOf(t, h, "/raftplay.wasm", "br")
	gz := etagOf(t, h, "/raftplay.wasm", "gzip")
	if plain == br || plain == gz || br == gz {
		t.Fatalf("copies share ETags: plain %s, br %s, gzip %s", plain, br, gz)
	}
	for _, etag := range []string{plain, br, gz} {
		if len(etag) < 3 || etag[0] != '"' || etag[len(etag)-1] != '"' {
			t.Errorf("ETag %s is not a quoted strong tag", etag)
		}
	}
	if again := etagOf(t, h, "/raftplay.wasm", "br"); again != br {
		t.Errorf("ETag changed between requests: %s then %s", br, again)
	}

	tests := []struct {
		name        string
		target      string
		accept      string
		ifNoneMatch string
		status      int
	}{
		{"matching tag", "/raftplay.wasm", "br", br, 304},
		{"matching tag among others", "/raftplay.wasm", "gzip", `"x", ` + gz, 304},
		{"weak form of the tag", "/raftplay.wasm", "", "W/" + plain, 304},
		{"star", "/index.html", "", "*", 304},
		{"tag of another copy", "/raftplay.wasm", "br", gz, 200},
		{"stale tag", "/raftplay.wasm", "", `"stale"`, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := accepting(tt.accept)
			header.Set("If-None-Match", tt.ifNoneMatch)
			rec := serveTest(h, http.MethodGet, tt.target, header)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if tt.status != http.StatusNotModified {
				return
			}
			if rec.Body.Len() != 0 {
				t.Errorf("304 with a body of %d bytes", rec.Body.Len())
			}
			if rec.Header().Get("ETag") == "" || rec.Header().Get("Cache-Control") != "no-cache" {
				t.Errorf("304 lost its ETag or Cache-Control: %v", rec.Header())
			}
		})
	}
}

func TestNewHandlerNeedsIndex(t *testing.T) {
	site := testSite()
	delete(site, "index.html")
	if _, err := newHandler(site); err == nil {
		t.Fatal("newHandler accepted a site without index.html")
	}
}
