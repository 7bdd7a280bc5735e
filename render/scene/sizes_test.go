package scene

import (
	"fmt"
	"math"
	"testing"
)

// sizes are the CSS sizes the picture must work at, from a tiny embed to a
// large monitor, and scales the device scales they are seen at.
var (
	sizes  = []struct{ w, h float64 }{{320, 240}, {390, 844}, {640, 400}, {720, 480}, {960, 600}, {1280, 800}, {2560, 1440}}
	scales = []float64{1, 1.5, 2, 3}
)

// clusterSizes are the cluster sizes the ring must hold: three to the nine
// members a cluster may grow to by membership changes.
var clusterSizes = []int{3, 4, 5, 6, 7, 8, 9}

// everyLayout calls check with the layout of every size, scale, toolbar,
// state of the folded panels and cluster size.
func everyLayout(t *testing.T, check func(name string, l *Layout)) {
	t.Helper()
	for _, sz := range sizes {
		for _, u := range scales {
			for _, controls := range []Controls{ControlsFull, ControlsMinimal} {
				for _, open := range []bool{false, true} {
					for _, n := range clusterSizes {
						l := NewLayoutWith(sz.w*u, sz.h*u, u, n, controls, PanelChoice{Open: open}, measure)
						if open && !l.Folded {
							continue // nothing to open
						}
						name := fmt.Sprintf("%v×%v@%v controls %d open %v n%d", sz.w, sz.h, u, controls, open, n)
						check(name, &l)
					}
				}
			}
		}
	}
}

// TestLayoutPutsTheClusterFirst checks at every size that each node (its
// timer ring) lies inside the frame and clear of the other nodes, the
// toolbar, the HUD, the legend and the side panels shown.
func TestLayoutPutsTheClusterFirst(t *testing.T) {
	everyLayout(t, func(name string, l *Layout) {
		frame := Rect{0, 0, l.W, l.H}
		for i, c := range l.NodePos {
			r := l.TimerR()
			ring := Rect{c.X - r, c.Y - r, 2 * r, 2 * r}
			if !inside(ring, frame) {
				t.Errorf("%s: node %d (%v) leaves the frame", name, i+1, ring)
			}
			for what, other := range map[string]Rect{"toolbar": l.Toolbar, "HUD": l.HUD, "legend": l.Legend, "logs": l.Logs, "events": l.Events} {
				if !other.Empty() && overlap(ring, other) {
					t.Errorf("%s: node %d (%v) overlaps the %s (%v)", name, i+1, ring, what, other)
				}
			}
			for j, d := range l.NodePos[:i] {
				if c.Sub(d).Len() < 2*r {
					t.Errorf("%s: nodes %d and %d overlap", name, i+1, j+1)
				}
			}
		}
	})
}

// TestLayoutFoldsPanelsOnSmallScreens checks that a screen too small for
// the side panels folds them behind a toolbar button, and that the ring
// then has most of the frame.
func TestLayoutFoldsPanelsOnSmallScreens(t *testing.T) {
	everyLayout(t, func(name string, l *Layout) {
		button := false
		for _, b := range l.Buttons {
			button = button || b.Cmd == CmdPanels
		}
		if button != l.Folded {
			t.Errorf("%s: folded %v, but the toolbar's Logs button is there: %v", name, l.Folded, button)
		}
		if l.Folded && !l.Panels.Any() {
			if l.Stage.H < 0.7*l.H {
				t.Errorf("%s: with the panels folded the stage is %.0f of %.0f high", name, l.Stage.H, l.H)
			}
		}
	})
	small := NewLayoutWith(640, 400, 1, 5, ControlsMinimal, PanelChoice{}, measure)
	if !small.Folded || small.Panels.Any() || small.HUDLines != 1 {
		t.Errorf("640×400 minimal: folded %v, panels %+v, %d HUD lines; want the panels folded and one line", small.Folded, small.Panels, small.HUDLines)
	}
	chosen := NewLayoutWith(640, 400, 1, 5, ControlsMinimal, PanelChoice{Chosen: true, Panels: Panels{Events: true}}, measure)
	if chosen.Folded || !chosen.Logs.Empty() || chosen.Events.Empty() {
		t.Errorf("640×400 with panels=events: folded %v, logs %v, events %v", chosen.Folded, chosen.Logs, chosen.Events)
	}
	none := NewLayoutWith(1280, 800, 1, 5, ControlsFull, PanelChoice{Chosen: true}, measure)
	if !none.Logs.Empty() || !none.Events.Empty() || none.Stage.W != 1280 {
		t.Errorf("1280×800 with panels=none: logs %v, events %v, stage %v", none.Logs, none.Events, none.Stage)
	}
}

// TestTextIsLegible checks every font size the picture uses is at least 11
// CSS pixels, node names included.
func TestTextIsLegible(t *testing.T) {
	for name, size := range map[string]float64{"FontNode": FontNode, "FontUI": FontUI, "FontSmall": FontSmall, "FontTiny": FontTiny} {
		if size < 11 {
			t.Errorf("%s is %v CSS px", name, size)
		}
	}
	everyLayout(t, func(name string, l *Layout) {
		if s := l.NodeNameSize() / l.Scale; s < 11 {
			t.Errorf("%s: node names are %.1f CSS px", name, s)
		}
	})
}

// TestPlacementInCSSPixels checks raftplay.layout()'s numbers: CSS pixels
// whatever the device scale, a node per id, the panels drawn.
func TestPlacementInCSSPixels(t *testing.T) {
	s := newScene(cluster(5))
	s.Resize(1280, 800, 2)
	p := s.Placement()
	if p.Width != 640 || p.Height != 400 || len(p.Nodes) != 5 {
		t.Fatalf("placement %+v; want 640×400 with 5 nodes", p)
	}
	for i, n := range p.Nodes {
		c := s.Layout.NodePos[i]
		if n.ID != uint64(i+1) || math.Abs(n.X-c.X/2) > 0.05 || math.Abs(n.Y-c.Y/2) > 0.05 || math.Abs(n.R-s.Layout.NodeR/2) > 0.05 {
			t.Errorf("node %d placed %+v; the layout has it at %v radius %v device px", i+1, n, c, s.Layout.NodeR)
		}
	}
	names := map[string]bool{}
	for _, pn := range p.Panels {
		names[pn.Name] = true
	}
	if !names["hud"] || !names["toolbar"] || names["logs"] || names["events"] {
		t.Errorf("panels %v; at 640×400 want the hud and the toolbar, the logs and events folded", p.Panels)
	}
}

// TestConsoleOpensOnEveryScreen checks the console gets a panel clear of
// the nodes even where the side panels are folded or chosen away.
func TestConsoleOpensOnEveryScreen(t *testing.T) {
	for _, choice := range []PanelChoice{{}, {Chosen: true}, {Chosen: true, Panels: Panels{Events: true}}} {
		for _, sz := range []struct{ w, h float64 }{{640, 400}, {1280, 800}, {390, 844}} {
			s := newScene(cluster(5))
			s.frame.choice = choice
			s.Resize(sz.w, sz.h, 1)
			s.Key('e')
			c := s.Layout.Console
			name := fmt.Sprintf("%v×%v panels %+v", sz.w, sz.h, choice)
			if !s.Console.Open || c.W < 200 || c.H < s.Layout.consoleMinH() || !inside(c, Rect{0, 0, sz.w, sz.h}) {
				t.Errorf("%s: console at %v", name, c)
			}
		}
	}
}
