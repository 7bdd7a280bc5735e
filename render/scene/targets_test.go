package scene

import (
	"fmt"
	"testing"
)

// On a touched screen every target the page reports, at a phone's size
// and at a small embed's, is a finger wide and high: the toolbar's
// buttons, the nodes during a story, the story panel's buttons, a node's
// menu, the list of stories, the console's, the help's, the verdict's, the
// timeline strip's.
func TestTouchTargetsAreAFingerWide(t *testing.T) {
	for _, sc := range []struct {
		w, h, u  float64
		controls Controls
	}{{390, 844, 3, ControlsFull}, {375, 667, 2, ControlsFull}, {360, 740, 3, ControlsFull}, {640, 400, 1, ControlsMinimal}, {844, 390, 3, ControlsFull}} {
		opened := map[string]func(s *Scene){
			"nothing":     func(*Scene) {},
			"a node menu": func(s *Scene) { s.Key('2') },
			"the stories": func(s *Scene) { s.Key('g') },
			"the console": func(s *Scene) { s.Key('e') },
			"the help":    func(s *Scene) { s.Key('?') },
			"the verdict": func(s *Scene) { s.handle(Intent{Cmd: CmdVerdict}) },
			"a story": func(s *Scene) {
				s.SetStory(&StoryView{Title: "Leader election", Steps: 4, Step: 1, Done: true, Caption: "E campaigns."})
			},
			"a story's end": func(s *Scene) {
				s.SetStory(&StoryView{Title: "Leader election", Steps: 4, Step: 3, Done: true, Last: true, NextTitle: "Split vote", Caption: "The leader sends heartbeats."})
			},
		}
		for what, open := range opened {
			s := New(&Light, sc.controls, measure)
			panelOf[*pickerPanel](s).stories = []StoryEntry{{"election", "Leader election"}, {"partition", "Network partition"}}
			s.Observe(cluster(5), nil)
			s.Touch(Point{})
			s.Resize(sc.w*sc.u, sc.h*sc.u, sc.u)
			s.SetTime(&TimeView{EndMs: 60000, ShownMs: 60000})
			open(s)
			name := fmt.Sprintf("%v×%v@%v with %s open", sc.w, sc.h, sc.u, what)
			p := s.Placement()
			if len(p.Targets) < 5+len(s.Layout.Buttons) {
				t.Fatalf("%s: only %d targets: %+v", name, len(p.Targets), p.Targets)
			}
			for _, tg := range p.Targets {
				if tg.W < TargetMin-1e-9 || tg.H < TargetMin-1e-9 {
					t.Errorf("%s: %s is %.1f×%.1f CSS px; a finger needs %v×%v", name, tg.Name, tg.W, tg.H, TargetMin, TargetMin)
				}
			}
		}
	}
}

// A mouse's screen keeps its buttons as they were: the toolbar's are 30
// CSS px high.
func TestMouseTargetsKeepTheirSize(t *testing.T) {
	s := newScene(cluster(5))
	for _, b := range s.Layout.Buttons {
		if b.Rect.H != buttonH {
			t.Errorf("the toolbar's %s is %v high; want %v", b.Label, b.Rect.H, buttonH)
		}
	}
}

// The help on a touched phone fits every line in its panel: a line too
// long wraps under its text, and keys that find no room give way whole.
func TestHelpFitsAPhone(t *testing.T) {
	for _, sz := range []struct{ w, h, u float64 }{{390, 844, 3}, {320, 568, 2}, {640, 400, 1}} {
		s := New(&Dark, ControlsFull, measure)
		s.Observe(cluster(5), nil)
		s.Touch(Point{})
		s.Resize(sz.w*sz.u, sz.h*sz.u, sz.u)
		s.Key('?')
		help, _ := s.Help()
		size := FontUI * sz.u
		inner := help.Rect.W - 2*Pad*sz.u
		if w := measure(help.Title, size); w > inner {
			t.Errorf("%v: the title %q is %v wide in a panel %v wide inside", sz, help.Title, w, inner)
		}
		for i, line := range help.Lines {
			w := measure(line, size)
			if i < len(help.Keys) {
				w += help.KeyW
			}
			if w > inner+1e-9 {
				t.Errorf("%v: help line %q is %v wide in a panel %v wide inside", sz, line, w, inner)
			}
		}
		if bottom := help.Body.Y + float64(len(help.Lines))*size*LineH; bottom > help.Buttons[0].Rect.Y {
			t.Errorf("%v: the help's lines reach %v, over its Close button at %v", sz, bottom, help.Buttons[0].Rect.Y)
		}
		if r := help.Rect; r.Y < s.Layout.Toolbar.Bottom() || r.Bottom() > s.Layout.H {
			t.Errorf("%v: the help %v leaves the screen", sz, r)
		}
	}
}
