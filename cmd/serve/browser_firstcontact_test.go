package main

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"raftplay/raftsim"
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
	var stories []scene.StoryEntry
	for _, name := range scenario.Builtins {
		stories = append(stories, scene.StoryEntry{Name: name, Title: scenario.BuiltinTitle(name)})
	}
	s.SetStories(stories, nil)
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
// phone and in a small embed, for a person to look at: the election, and
// the partition, whose log entries carry words; the last step's panel is
// drawn.
func TestBrowserStoryScreenshots(t *testing.T) {
	requireBrowser(t)
	for _, story := range []string{"election", "partition"} {
		storyScreenshots(t, story)
	}
}

// storyScreenshots saves the screenshots of story's first and last step.
func storyScreenshots(t *testing.T, story string) {
	for _, v := range classroomViews("theme=dark", "theme=light", "theme=light&controls=minimal") {
		t.Run(story+"-"+v.name, func(t *testing.T) {
			tab := openURL(t, browser.server.URL+"/?scenario="+story+"&paused=true&"+v.query, ownAPI, v.view, v.setup...)
			first := tab.finishStep()
			buf, _ := tab.screenshot()
			saveArtifact(t, fmt.Sprintf("story-%s-first-%s.png", story, v.name), buf)
			for s := first; s.Step < s.Steps; {
				tab.story(map[string]bool{"next": true})
				s = tab.finishStep()
			}
			buf, _ = tab.screenshot()
			saveArtifact(t, fmt.Sprintf("story-%s-last-%s.png", story, v.name), buf)
			if p, ok := panelNamed(tab.layout(), "story"); !ok || p.H == 0 {
				t.Errorf("the story panel is not drawn at the last step")
			}
		})
	}
}

// A story on a phone and in a small embed keeps its ring first, laid out
// as the page lays it out (the same scene, the page's font): the lines of
// every node's caption (its role, its term and vote, the leader's view of
// it) clear of the other nodes and of their captions, and every story
// button inside the frame.
func TestStoryLabelsClearOfNodes(t *testing.T) {
	measure := goFontMeasure(t)
	snap := &raftsim.Snapshot{Seed: 1, Speed: 0.03, Partition: [][]uint64{}, Config: raftsim.Config{Names: []string{"A", "B", "C", "D", "E"}}}
	for i := uint64(1); i <= 5; i++ {
		n := raftsim.NodeView{ID: i, Up: true, Role: raftsim.RoleFollower, Term: 1, Vote: 5, Lead: 5}
		if i == 5 {
			n.Role = raftsim.RoleLeader
			for j := uint64(1); j <= 5; j++ {
				n.Progress = append(n.Progress, raftsim.ProgressView{ID: j, State: "replicate", Match: 1, Active: true})
			}
		}
		snap.Nodes = append(snap.Nodes, n)
	}
	for _, v := range []struct {
		view     viewport
		controls scene.Controls
		logs     bool // the Logs button pressed, folding or unfolding the side panels
		touch    bool // a touch screen, whose targets are a finger wide
	}{{phoneView, scene.ControlsFull, false, true}, {viewport{640, 400, 1}, scene.ControlsMinimal, false, false},
		{viewport{640, 400, 1}, scene.ControlsMinimal, true, false}, {viewport{640, 400, 1}, scene.ControlsMinimal, true, true}} {
		s := scene.New(&scene.Light, v.controls, measure)
		s.Observe(snap, nil)
		s.Touched = v.touch
		u := v.view.scale
		s.Resize(float64(v.view.w)*u, float64(v.view.h)*u, u)
		s.SetStory(&scene.StoryView{Title: "Leader election", Steps: 4, Done: true,
			Caption: "The first timers to run out make their nodes campaign. With PreVote (on in etcd) a node first sends MsgPreVote to ask whether it could win, without raising its term."})
		if v.logs {
			shown := !s.Layout.Logs.Empty()
			for _, b := range s.Layout.Buttons {
				if b.Cmd == scene.CmdPanels {
					s.Press(b.Rect.Center())
					s.Release(b.Rect.Center())
				}
			}
			if s.Layout.Logs.Empty() != shown {
				t.Fatalf("%v: the Logs button left the log panel shown %v", v.view, shown)
			}
		}
		l := &s.Layout
		for _, p := range s.OpenPanels() {
			if !strings.HasPrefix(p.Title, "Leader election") {
				continue
			}
			for _, side := range []scene.Rect{l.Logs, l.Events} {
				if !side.Empty() && p.Rect.X < side.Right() && side.X < p.Rect.Right() && p.Rect.Y < side.Bottom() && side.Y < p.Rect.Bottom() {
					t.Errorf("%v, logs open %v: the story panel %v covers the side panel %v", v.view, v.logs, p.Rect, side)
				}
			}
			for i, c := range l.NodePos {
				if discMeetsRect(c, l.TimerR(), p.Rect) {
					t.Errorf("%v, logs open %v: the story panel %v covers node %d at %v", v.view, v.logs, p.Rect, l.NodeIDs[i], c)
				}
			}
		}
		var boxes [][]scene.Rect
		for _, id := range l.NodeIDs {
			boxes = append(boxes, captionLines(l, snap, id, measure))
		}
		for i, id := range l.NodeIDs {
			for j, p := range l.NodePos {
				if j == i {
					continue
				}
				for _, c := range boxes[i] {
					if discMeetsRect(p, l.TimerR(), c) {
						t.Errorf("%v: a line of node %d's caption, %v, runs over node %d at %v", v.view, id, c, l.NodeIDs[j], p)
					}
					for _, o := range boxes[j] {
						if j > i && c.X < o.Right() && o.X < c.Right() && c.Y < o.Bottom() && o.Y < c.Bottom() {
							t.Errorf("%v: the captions of nodes %d %v and %d %v overlap", v.view, id, c, l.NodeIDs[j], o)
						}
					}
				}
			}
		}
		for _, p := range s.OpenPanels() {
			for _, b := range p.Buttons {
				if b.Rect.X < 0 || b.Rect.Right() > l.W || b.Rect.Bottom() > l.H {
					t.Errorf("%v: the %s button %v leaves the frame", v.view, b.Label, b.Rect)
				}
			}
		}
	}
}

// captionLines returns the boxes of the lines the page writes beside node
// id, as it lays them out.
func captionLines(l *scene.Layout, snap *raftsim.Snapshot, id uint64, measure scene.Measure) []scene.Rect {
	lines, h := l.CaptionLines(snap, id, func(text string, w, size float64) string { return scene.Fit(text, w, size, measure) })
	var boxes []scene.Rect
	for _, line := range lines {
		boxes = append(boxes, line.Box(h, measure))
	}
	return boxes
}

// discMeetsRect reports whether the disc at c of radius rad overlaps r.
func discMeetsRect(c scene.Point, rad float64, r scene.Rect) bool {
	x := math.Max(r.X, math.Min(c.X, r.Right()))
	y := math.Max(r.Y, math.Min(c.Y, r.Bottom()))
	return c.Sub(scene.Point{X: x, Y: y}).Len() < rad
}
