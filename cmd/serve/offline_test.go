package main

import (
	"bytes"
	"fmt"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"raftplay/web"
)

// The page can be installed: index.html links a manifest, the manifest is
// JSON with a name, a start address and icons, and every icon it names is
// in the site, a PNG of the size it claims, served as one.
func TestManifestAndIcons(t *testing.T) {
	h, err := newHandler(web.Site)
	if err != nil {
		t.Fatal(err)
	}
	if page := readPage(t, "index.html"); !strings.Contains(page, `<link rel="manifest" href="manifest.webmanifest">`) {
		t.Error("index.html does not link manifest.webmanifest")
	}
	rec := serveTest(h, http.MethodGet, "/manifest.webmanifest", nil)
	if ct := rec.Header().Get("Content-Type"); rec.Code != 200 || ct != "application/manifest+json" {
		t.Fatalf("GET /manifest.webmanifest: %d, Content-Type %q", rec.Code, ct)
	}
	m := rec.Body.String()
	if !gjson.Valid(m) {
		t.Fatal("manifest.webmanifest is not JSON")
	}
	for _, field := range []string{"name", "short_name", "start_url", "display"} {
		if gjson.Get(m, field).String() == "" {
			t.Errorf("the manifest has no %s", field)
		}
	}
	icons := gjson.Get(m, "icons").Array()
	if len(icons) == 0 {
		t.Fatal("the manifest names no icons")
	}
	for _, icon := range icons {
		src := icon.Get("src").String()
		rec := serveTest(h, http.MethodGet, "/"+src, nil)
		if rec.Code != 200 || rec.Header().Get("Content-Type") != "image/png" {
			t.Errorf("GET /%s: %d, Content-Type %q", src, rec.Code, rec.Header().Get("Content-Type"))
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		var w, h int
		if _, err := fmt.Sscanf(icon.Get("sizes").String(), "%dx%d", &w, &h); err != nil || cfg.Width != w || cfg.Height != h {
			t.Errorf("%s is %dx%d, the manifest says %s", src, cfg.Width, cfg.Height, icon.Get("sizes"))
		}
	}
}

// The service worker is served from the site's folder, which is what makes
// the whole folder its scope.
func TestServiceWorkerIsServed(t *testing.T) {
	h, err := newHandler(web.Site)
	if err != nil {
		t.Fatal(err)
	}
	rec := serveTest(h, http.MethodGet, "/sw.js", nil)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Fatalf("GET /sw.js: %d, Content-Type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if !strings.Contains(rec.Body.String(), `importScripts("offline.js")`) {
		t.Error("sw.js does not import offline.js, which names the build")
	}
	if !strings.Contains(readPage(t, "loader.js"), `register("sw.js"`) {
		t.Error("loader.js does not register sw.js")
	}
}
