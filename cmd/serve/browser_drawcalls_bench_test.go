package main

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"raftplay/web"
)

// drawProfileMs is how long the draw-call profile listens to a view.
const drawProfileMs = 3000

// BenchmarkBrowserDrawCalls profiles where a frame's GPU work goes: it builds
// the playground with Ebiten's ebitenginedebug tag, which makes Ebiten print
// every graphics command it sends to WebGL, frame by frame, to the console,
// and counts per painted frame the draw calls (draw-triangles commands,
// each a batch of triangles from one source image with one shader into one
// destination), those into the screen, and the triangles' indices. Software
// GL pays per draw call and per pixel covered; switching between the sprite
// sheet, the glyph atlas and vector paths ends a batch.
func BenchmarkBrowserDrawCalls(b *testing.B) {
	requireBrowser(b)
	url := serveDebugSite(b)
	views := []benchView{
		{name: "1280×800 idle 0.03×", query: "seed=1", view: defaultView},
		{name: "1280×800 paused", query: "seed=1&paused=1", view: defaultView},
		{name: "1280×800 1× stress", query: "seed=1&speed=1", view: defaultView, stress: true},
		{name: "390×844 phone", query: "seed=1", view: viewport{390, 844, 1}},
	}
	for b.Loop() {
		var table strings.Builder
		fmt.Fprintf(&table, "\n| view | frames | frames with commands | draw calls per such frame | into the screen | dst regions | indices | shaders used |\n|---|---|---|---|---|---|---|---|\n")
		for _, v := range views {
			tab := openURL(b, url+"?"+v.query, ownAPI, v.view)
			if v.stress {
				tab.until("a leader", budgetMs, electionStepMs, hasLeader)
				tab.do(`{"op":"stress","on":true}`)
			}
			tab.mu.Lock()
			start := len(tab.console)
			tab.mu.Unlock()
			time.Sleep(drawProfileMs * time.Millisecond)
			tab.mu.Lock()
			lines := append([]string(nil), tab.console[start:]...)
			tab.mu.Unlock()
			tab.close()
			p := profileFrames(lines)
			fmt.Fprintf(&table, "| %s | %d | %d | %.1f | %.1f | %.1f | %.0f | %s |\n", v.name, p.frames, p.busy,
				p.per(p.draws), p.per(p.toScreen), p.per(p.regions), p.per(p.indices), strings.Join(p.shaders, ", "))
		}
		b.Log(table.String())
	}
	b.ReportMetric(0, "ns/op")
}

// drawProfile sums Ebiten's command log over frames.
type drawProfile struct {
	frames, busy                      int
	draws, toScreen, regions, indices int
	shaders                           []string
}

// per is n per frame that sent commands.
func (p *drawProfile) per(n int) float64 {
	if p.busy == 0 {
		return 0
	}
	return float64(n) / float64(p.busy)
}

// profileFrames reads Ebiten's debug log: a frame begins with "----", and
// each command is a line such as "draw-triangles: dst: 3 (screen) <- src:
// [...], num of dst regions: 1, num of indices: 6, ..., shader: 2 (name)".
func profileFrames(lines []string) drawProfile {
	var p drawProfile
	busy := false
	seen := map[string]bool{}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case l == "----":
			p.frames++
			busy = false
		case strings.HasPrefix(l, "draw-triangles:"):
			if !busy {
				p.busy++
				busy = true
			}
			p.draws++
			dst, _, _ := strings.Cut(strings.TrimPrefix(l, "draw-triangles: dst: "), "<-")
			if strings.Contains(dst, "(screen)") {
				p.toScreen++
			}
			var regions, indices int
			if _, after, ok := strings.Cut(l, "num of dst regions: "); ok {
				fmt.Sscanf(after, "%d", &regions)
			}
			if _, after, ok := strings.Cut(l, "num of indices: "); ok {
				fmt.Sscanf(after, "%d", &indices)
			}
			p.regions += regions
			p.indices += indices
			if _, sh, ok := strings.Cut(l, "shader: "); ok {
				sh, _, _ = strings.Cut(sh, ",")
				if !seen[sh] {
					seen[sh] = true
					p.shaders = append(p.shaders, sh)
				}
			}
		}
	}
	return p
}

// serveDebugSite builds the playground with Ebiten's debug log into a copy
// of the site and serves it without the handler's precompressed files and
// without the service worker (which would keep the first page's files for
// the next), and returns its URL. The build takes minutes: only this
// profile needs it.
func serveDebugSite(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	err := fs.WalkDir(web.Site, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(path, "raftplay.wasm") || path == "sw.js" {
			return err
		}
		data, err := fs.ReadFile(web.Site, path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, path), data, 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
	build := exec.Command("go", "build", "-trimpath", "-tags", "ebitenginedebug", "-o", filepath.Join(dir, "raftplay.wasm"), "../wasm")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building the playground with ebitenginedebug: %v\n%s", err, out)
	}
	server := httptest.NewServer(http.FileServer(http.Dir(dir)))
	b.Cleanup(server.Close)
	return server.URL + "/"
}
