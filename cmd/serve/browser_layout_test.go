package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"raftplay/render/scene"
)

// layout returns the playground's raftplay.layout().
func (t *tab) layout() scene.Placement {
	t.tb.Helper()
	var p scene.Placement
	text := eval[string](t, t.api+".layout()")
	if err := json.Unmarshal([]byte(text), &p); err != nil {
		t.tb.Fatalf("raftplay.layout() is not its JSON (%v): %.300s", err, text)
	}
	return p
}

// At a common blog-embed size with the minimal toolbar, the ring is large
// and the nodes are where raftplay.layout() says: each node's colour at its
// centre, the nodes apart and clear of the one-line HUD.
func TestBrowserLayoutAt640x400Minimal(t *testing.T) {
	requireBrowser(t)
	tab := openURL(t, browser.server.URL+"/?seed=7&theme=dark&controls=minimal", ownAPI, viewport{640, 400, 1})
	s := tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.pause()
	s = tab.state()
	p := tab.layout()
	_, img := tab.screenshot()
	if p.Width != 640 || p.Height != 400 || len(p.Nodes) != len(s.Nodes) {
		t.Fatalf("layout() is %v×%v with %d nodes; want 640×400 with %d", p.Width, p.Height, len(p.Nodes), len(s.Nodes))
	}
	var hud scene.PanelPlace
	for _, pn := range p.Panels {
		if pn.Name == "hud" {
			hud = pn
		}
		if pn.Name == "logs" || pn.Name == "events" {
			t.Errorf("the %s panel is drawn at 640×400; it should be folded behind the Logs button", pn.Name)
		}
	}
	if hud.H == 0 || hud.H > 24 {
		t.Errorf("the HUD is %v high; want one line", hud.H)
	}
	for i, n := range p.Nodes {
		nv := s.Node(n.ID)
		if nv == nil {
			t.Fatalf("layout() places node %d, which the snapshot does not have", n.ID)
		}
		want := bodyColour(&scene.Dark, nv)
		// The centre holds the node's name; sample beside it, inside the body.
		at := scene.Point{X: n.X, Y: n.Y + 0.7*n.R}
		if got := pixel(img, at); !near(got, want, 10) {
			t.Errorf("n%d (%s) at %v: the canvas has %v, want %v", n.ID, nv.Role, at, got, want)
		}
		if n.R < 18 {
			t.Errorf("n%d has radius %v; the ring should be large at this size", n.ID, n.R)
		}
		if n.Y-n.R < hud.Y+hud.H {
			t.Errorf("n%d (%v) reaches into the HUD (%+v)", n.ID, n, hud)
		}
		for _, m := range p.Nodes[:i] {
			if d := (scene.Point{X: n.X - m.X, Y: n.Y - m.Y}).Len(); d < n.R+m.R+8 {
				t.Errorf("n%d and n%d are %.1f apart with radii %v and %v", n.ID, m.ID, d, n.R, m.R)
			}
		}
	}
}

// electionMs is virtual time enough for seed 7's first election.
const electionMs = 600

// A screenshot of the playground at every size the layout is tested at,
// in both themes, lands in the artifacts folder for a person to look at.
func TestBrowserScreenshotsOfEverySize(t *testing.T) {
	requireBrowser(t)
	for _, v := range []struct {
		view  viewport
		query string
	}{
		{viewport{320, 240, 1}, "theme=light"},
		{viewport{390, 844, 3}, "theme=dark"},
		{viewport{640, 400, 1}, "theme=light&controls=minimal"},
		{viewport{720, 480, 1.5}, "theme=dark"},
		{viewport{960, 600, 1}, "theme=light"},
		{viewport{1280, 800, 1}, "theme=dark"},
		{viewport{2560, 1440, 1}, "theme=light"},
	} {
		name := fmt.Sprintf("%dx%d@%v", v.view.w, v.view.h, v.view.scale)
		t.Run(name, func(t *testing.T) {
			buf, _ := openLed(t, v.view, v.query).screenshot()
			saveArtifact(t, "size-"+name+".png", buf)
		})
	}
}

// openLed opens seed 7's playground paused in view, with the URL query
// query, and moves it on at once past its first election: one round trip
// to a page that may draw slowly at the largest sizes.
func openLed(t *testing.T, view viewport, query string) *tab {
	t.Helper()
	tab := openURL(t, browser.server.URL+"/?seed=7&paused=true&"+query, ownAPI, view)
	if s := tab.advance(electionMs); !hasLeader(s) {
		t.Fatalf("no leader after %d ms: %s", electionMs, describe(s))
	}
	return tab
}

// saveArtifact writes a screenshot to the artifacts folder for a person to
// look at.
func saveArtifact(t *testing.T, name string, buf []byte) {
	t.Helper()
	file := filepath.Join(artifactsDir(t), name)
	if err := os.WriteFile(file, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", file)
}
