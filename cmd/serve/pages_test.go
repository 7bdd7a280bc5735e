package main

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim/scenario"
	"raftplay/web"
)

// The checks on the pages live here rather than in package web because a
// test file there would be caught by its "*" embed pattern and built into
// the binary.

// startTag finds the start tag of the element with the given id.
func startTag(t *testing.T, page, id string) string {
	t.Helper()
	tag := regexp.MustCompile(`<[a-z]+[^>]*\bid="` + regexp.QuoteMeta(id) + `"[^>]*>`).FindString(page)
	if tag == "" {
		t.Fatalf("no element with id %q", id)
	}
	return tag
}

func readPage(t *testing.T, name string) string {
	t.Helper()
	b, err := fs.ReadFile(web.Site, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestIndexHasWhatTheWasmUses checks the elements the wasm program looks up
// by id and the scripts that start it.
func TestIndexHasWhatTheWasmUses(t *testing.T) {
	page := readPage(t, "index.html")
	startTag(t, page, "raftplay-loader")
	if live := startTag(t, page, "raftplay-live"); !strings.Contains(live, `aria-live="polite"`) {
		t.Errorf("raftplay-live is not a polite live region: %s", live)
	}
	for _, script := range []string{`src="wasm_exec.js"`, `src="loader.js"`} {
		if !strings.Contains(page, script) {
			t.Errorf("index.html does not load %s", script)
		}
	}
	if !strings.Contains(page, "<noscript>") {
		t.Error("index.html has no <noscript> message")
	}
}

// TestEmbedBuilderOffersEveryChoice checks that the builder's story list is
// the built-in stories, in order, and that it has a field for every other
// choice embed.js reads.
func TestEmbedBuilderOffersEveryChoice(t *testing.T) {
	page := readPage(t, "embed.html")
	var stories []string
	for _, m := range regexp.MustCompile(`<option value="([a-z-]+)">story: `).FindAllStringSubmatch(page, -1) {
		stories = append(stories, m[1])
	}
	if !slices.Equal(stories, scenario.Builtins) {
		t.Errorf("the builder offers the stories %v, want %v", stories, scenario.Builtins)
	}
	for _, field := range []string{"scenario", "step", "seed", "nodes", "speed", "theme", "controls", "panels", "width", "height", "paused", "start"} {
		if !regexp.MustCompile(`<(input|select) name="` + field + `"`).MatchString(page) {
			t.Errorf("the builder has no field named %s", field)
		}
	}
	startTag(t, page, "playground")
	startTag(t, page, "snippet")
}

// TestNoExternalURLs keeps the site usable offline: every page and script
// loads only from its own folder.
func TestNoExternalURLs(t *testing.T) {
	external := regexp.MustCompile(`(?i)\b(src|href)\s*=\s*["']?(https?:)?//|\burl\(\s*["']?(https?:)?//|\bfetch\(\s*["'](https?:)?//`)
	for _, name := range []string{"index.html", "embed.html", "loader.js", "poster.js", "embed.js"} {
		if m := external.FindString(readPage(t, name)); m != "" {
			t.Errorf("%s refers to another host: %s", name, m)
		}
	}
}
