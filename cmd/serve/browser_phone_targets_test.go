package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"raftplay/render/scene"
)

// smallTargets returns the targets of p smaller than a finger, described.
func smallTargets(p scene.Placement) []string {
	var small []string
	for _, tg := range p.Targets {
		if tg.W < scene.TargetMin-0.01 || tg.H < scene.TargetMin-0.01 {
			small = append(small, fmt.Sprintf("%s %.0f×%.0f", tg.Name, tg.W, tg.H))
		}
	}
	return small
}

// On a phone every target the page reports is a finger wide and high from
// the first frame: the toolbar's buttons, a story's panel and its nodes,
// a node's menu after a long press, the list of stories.
func TestBrowserPhoneTargetsAreAFingerWide(t *testing.T) {
	requireBrowser(t)
	tab := openURL(t, browser.server.URL+"/?scenario=election&paused=true&theme=light", ownAPI, phoneView, asPhone)
	tab.finishStep()
	check := func(what string, want ...string) scene.Placement {
		t.Helper()
		p := tab.layout()
		if small := smallTargets(p); len(small) > 0 {
			t.Errorf("%s: targets smaller than %v×%v CSS px: %s", what, scene.TargetMin, scene.TargetMin, strings.Join(small, ", "))
		}
		for _, w := range want {
			found := false
			for _, tg := range p.Targets {
				found = found || strings.HasPrefix(tg.Name, w)
			}
			if !found {
				t.Errorf("%s: no target named %q among %d", what, w, len(p.Targets))
			}
		}
		return p
	}
	p := check("a story", "toolbar Console", "story Take over", "story Next", "node A")
	// What the story's panel covers (a phone's timeline strip, under a
	// long caption) is no target: a tap there goes to the panel.
	story := tab.panel("story")
	for _, tg := range p.Targets {
		if c := (scene.Point{X: tg.X + tg.W/2, Y: tg.Y + tg.H/2}); story.Contains(c) && !strings.HasPrefix(tg.Name, "story ") {
			t.Errorf("the target %q lies under the story panel %v", tg.Name, story)
		}
	}
	var node scene.NodePlace
	for _, n := range p.Nodes {
		if n.Name == "C" {
			node = n
		}
	}
	tab.touch(scene.Point{X: node.X, Y: node.Y}, longPressHold)
	check("node C's menu", "menu Crash")
	tab.press("\x1b")
	for _, tg := range tab.layout().Targets {
		if tg.Name == "toolbar Stories" {
			tab.touch(scene.Point{X: tg.X + tg.W/2, Y: tg.Y + tg.H/2}, 0)
		}
	}
	check("the list of stories", "stories Leader election")
}

// A story on a phone and in a small embed, read back from layout() at
// every step: every line of a node's caption clear of the other nodes, and
// every button of the story's panel inside the frame and clear of the
// nodes. The partition's last step has the longest caption.
func TestBrowserStoryKeepsLabelsAndButtonsClear(t *testing.T) {
	requireBrowser(t)
	for _, story := range []string{"election", "partition"} {
		storyKeepsClear(t, story)
	}
}

// storyKeepsClear checks story's steps as TestBrowserStoryKeepsLabelsAndButtonsClear says.
func storyKeepsClear(t *testing.T, story string) {
	for _, v := range []struct {
		name  string
		view  viewport
		query string
		setup []func(*tab)
	}{
		{"390x844-touch", phoneView, "", []func(*tab){asPhone}},
		{"640x400-minimal", viewport{640, 400, 1}, "&controls=minimal", nil},
	} {
		t.Run(story+"-"+v.name, func(t *testing.T) {
			tab := openURL(t, browser.server.URL+"/?scenario="+story+"&paused=true"+v.query, ownAPI, v.view, v.setup...)
			for s := tab.finishStep(); ; s = tab.finishStep() {
				p := tab.layout()
				for _, n := range p.Nodes {
					for _, o := range p.Nodes {
						for _, c := range n.Caption {
							if o.ID != n.ID && discMeetsRect(scene.Point{X: o.X, Y: o.Y}, o.R, scene.Rect{X: c.X, Y: c.Y, W: c.W, H: c.H}) {
								t.Errorf("step %d: a line of %s's caption %+v runs over node %s", s.Step, n.Name, c, o.Name)
							}
						}
					}
				}
				buttons := 0
				for _, tg := range p.Targets {
					if !strings.HasPrefix(tg.Name, "story ") {
						continue
					}
					buttons++
					if tg.X < 0 || tg.Y < 0 || tg.X+tg.W > p.Width || tg.Y+tg.H > p.Height {
						t.Errorf("step %d: the %s button %+v leaves the %v×%v frame", s.Step, tg.Name, tg, p.Width, p.Height)
					}
					for _, n := range p.Nodes {
						if discMeetsRect(scene.Point{X: n.X, Y: n.Y}, n.R, scene.Rect{X: tg.X, Y: tg.Y, W: tg.W, H: tg.H}) {
							t.Errorf("step %d: the %s button covers node %s", s.Step, tg.Name, n.Name)
						}
					}
				}
				if buttons < 3 {
					t.Errorf("step %d: the story panel has %d buttons; want Back, Next and Take over at least", s.Step, buttons)
				}
				if s.Step >= s.Steps {
					break
				}
				tab.story(map[string]bool{"next": true})
			}
		})
	}
}

// pressTarget taps (on a touch screen) or clicks the middle of the target
// layout() names name, once the page lists it.
func (t *tab) pressTarget(name string, touch bool) {
	t.tb.Helper()
	listed := mustJSON(t.tb, `"name":`+mustJSON(t.tb, name))
	t.pollFor("the target "+name, t.api+`.layout().includes(`+listed+`)`, 20*time.Second)
	for _, tg := range t.layout().Targets {
		if tg.Name != name {
			continue
		}
		at := scene.Point{X: tg.X + tg.W/2, Y: tg.Y + tg.H/2}
		if touch {
			t.touch(at, 0)
		} else {
			t.click(at)
		}
		return
	}
	t.tb.Fatalf("layout() has no target %q", name)
}
