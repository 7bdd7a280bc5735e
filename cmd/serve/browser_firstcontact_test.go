package main

import (
	"fmt"
	"math"
	"testing"

	"github.com/chromedp/chromedp"

	"raftplay/raftsim/scenario"
	"raftplay/render/scene"
)

// panelNamed returns the panel of p called name, if it is drawn.
func panelNamed(p scene.Placement, name string) (scene.PanelPlace, bool) {
	for _, pn := range p.Panels {
		if pn.Name == name {
			return pn, true
		}
	}
	return scene.PanelPlace{}, false
}

// A first visit to the playground's bare address points to the first story;
// Not now closes that for good, so the next visit goes without it.
func TestBrowserWelcomeIsRemembered(t *testing.T) {
	requireBrowser(t)
	url := browser.server.URL + "/"
	forget := func(tab *tab) {
		if err := chromedp.Do(tab.ctx, chromedp.Navigate(browser.server.URL+"/manifest.webmanifest")); err != nil {
			tab.tb.Fatal(err)
		}
		eval[bool](tab, `(localStorage.removeItem("raftplay-welcomed"), true)`)
	}
	tab := openURL(t, url, ownAPI, defaultView, forget)
	w, ok := panelNamed(tab.layout(), "welcome")
	if !ok {
		t.Fatal("the first visit shows no welcome")
	}
	buf, _ := tab.screenshot()
	saveArtifact(t, "firstcontact-welcome-1280x800.png", buf)
	tab.click(welcomeButton(t, tab, w, scene.CmdWelcomeClose))
	if _, ok := panelNamed(tab.layout(), "welcome"); ok {
		t.Fatal("Not now left the welcome open")
	}
	again := openURL(t, url, ownAPI, defaultView)
	if _, ok := panelNamed(again.layout(), "welcome"); ok {
		t.Error("the welcome shows again after it was closed")
	}
	if _, ok := panelNamed(openPlayground(t, "seed=7").layout(), "welcome"); ok {
		t.Error("a link with parameters shows the welcome")
	}
}

// welcomeButton returns the centre of the welcome's button that does cmd,
// laid out here as the page lays it out: the same scene, the same font.
func welcomeButton(t *testing.T, tab *tab, drawn scene.PanelPlace, cmd scene.Command) scene.Point {
	t.Helper()
	s := scene.New(&scene.Light, scene.ControlsFull, goFontMeasure(t))
	s.Observe(tab.state(), nil)
	for _, name := range scenario.Builtins {
		s.Stories = append(s.Stories, scene.StoryEntry{Name: name, Title: scenario.BuiltinTitle(name)})
	}
	s.Resize(viewW, viewH, 1)
	s.ShowWelcome()
	for _, p := range s.OpenPanels() {
		if math.Abs(p.Rect.X-drawn.X) > 1 || math.Abs(p.Rect.Y-drawn.Y) > 1 {
			continue
		}
		for _, b := range p.Buttons {
			if b.Cmd == cmd {
				return b.Rect.Center()
			}
		}
	}
	t.Fatalf("no welcome laid out at %+v with a button for command %d", drawn, cmd)
	return scene.Point{}
}

// Screenshots of a story's first and last step at a laptop's size, on a
// phone and in a small embed, for a person to look at; the HUD says that
// the story waits, and the last step offers the next story.
func TestBrowserStoryScreenshots(t *testing.T) {
	requireBrowser(t)
	for _, v := range []struct {
		name  string
		view  viewport
		query string
		setup []func(*tab)
	}{
		{"1280x800", defaultView, "theme=dark", nil},
		{"390x844-touch", phoneView, "theme=light", []func(*tab){asPhone}},
		{"640x400-minimal", viewport{640, 400, 1}, "theme=light&controls=minimal", nil},
	} {
		t.Run(v.name, func(t *testing.T) {
			tab := openURL(t, browser.server.URL+"/?scenario=election&paused=true&"+v.query, ownAPI, v.view, v.setup...)
			first := tab.finishStep()
			buf, _ := tab.screenshot()
			saveArtifact(t, fmt.Sprintf("story-first-%s.png", v.name), buf)
			for s := first; s.Step < s.Steps; {
				tab.story(map[string]bool{"next": true})
				s = tab.finishStep()
			}
			buf, _ = tab.screenshot()
			saveArtifact(t, fmt.Sprintf("story-last-%s.png", v.name), buf)
			if p, ok := panelNamed(tab.layout(), "story"); !ok || p.H == 0 {
				t.Errorf("the story panel is not drawn at the last step")
			}
		})
	}
}
