package scene

import (
	"fmt"
	"math"
	"testing"
)

// screens are the sizes the playground must lay out well: laptop, HiDPI
// laptop, small window, phone portrait (HiDPI), tablet portrait.
var screens = []struct{ w, h, u float64 }{
	{1280, 800, 1}, {2560, 1600, 2}, {800, 600, 1}, {1170, 2532, 3}, {1536, 2048, 2},
}

func TestLayoutFitsEveryScreen(t *testing.T) {
	for _, sc := range screens {
		for _, n := range []int{3, 5, 9} {
			for _, controls := range []Controls{ControlsFull, ControlsMinimal} {
				name := fmt.Sprintf("%vx%v@%v/n%d/c%d", sc.w, sc.h, sc.u, n, controls)
				l := NewLayout(sc.w, sc.h, sc.u, n, controls, measure)
				screen := Rect{0, 0, sc.w, sc.h}
				for i, b := range l.Buttons {
					if !inside(b.Rect, screen) || !inside(b.Rect, l.Toolbar) {
						t.Errorf("%s: button %q at %v is off the toolbar %v", name, b.Label, b.Rect, l.Toolbar)
					}
					for _, c := range l.Buttons[:i] {
						if overlap(b.Rect, c.Rect) {
							t.Errorf("%s: buttons %q and %q overlap", name, b.Label, c.Label)
						}
					}
				}
				if len(l.NodePos) != n {
					t.Fatalf("%s: %d node positions", name, len(l.NodePos))
				}
				if top := l.NodePos[0]; math.Abs(top.X-l.Center.X) > 1e-9 || top.Y >= l.Center.Y {
					t.Errorf("%s: node 1 at %v is not at the top of the ring centred %v", name, top, l.Center)
				}
				for i, p := range l.NodePos {
					ring := Rect{p.X - l.TimerR(), p.Y - l.TimerR(), 2 * l.TimerR(), 2 * l.TimerR()}
					if !inside(ring, l.Stage) {
						t.Errorf("%s: node %d at %v (r %v) leaves the stage %v", name, i+1, p, l.TimerR(), l.Stage)
					}
					for j, q := range l.NodePos[:i] {
						if d := p.Sub(q).Len(); d < 2*l.TimerR() {
							t.Errorf("%s: nodes %d and %d overlap (%.1f apart, radius %.1f)", name, i+1, j+1, d, l.TimerR())
						}
					}
				}
				for _, r := range []Rect{l.Logs, l.Events} {
					if r.Empty() {
						continue
					}
					if !inside(r, screen) || overlap(r, l.Stage) || overlap(r, l.Toolbar) {
						t.Errorf("%s: side panel %v overlaps the stage %v or toolbar, or leaves the screen", name, r, l.Stage)
					}
				}
				if l.Logs.Empty() || l.LogRowH() < 20*sc.u {
					t.Errorf("%s: log rows are %.1f high", name, l.LogRowH())
				}
				if l.Events.Empty() && sc.h/sc.u >= 600 {
					t.Errorf("%s: no room for the event panel", name)
				}
				if !inside(l.Legend, l.Stage) {
					t.Errorf("%s: legend %v leaves the stage %v", name, l.Legend, l.Stage)
				}
			}
		}
	}
}

func TestLayoutScalesWithDeviceScale(t *testing.T) {
	a := NewLayout(1280, 800, 1, 5, ControlsFull, measure)
	b := NewLayout(2560, 1600, 2, 5, ControlsFull, measure)
	if math.Abs(b.NodeR-2*a.NodeR) > 1e-6 || math.Abs(b.RX-2*a.RX) > 1e-6 || math.Abs(b.RY-2*a.RY) > 1e-6 {
		t.Errorf("at twice the scale node radius %v→%v, ring %v→%v; want both doubled", a.NodeR, b.NodeR, a.RX, b.RX)
	}
	// Button widths are rounded up to whole device pixels.
	if len(a.Buttons) != len(b.Buttons) || math.Abs(b.Buttons[3].Rect.X-2*a.Buttons[3].Rect.X) > 4 {
		t.Errorf("toolbar does not scale: %v vs %v", a.Buttons[3].Rect, b.Buttons[3].Rect)
	}
}

func TestMinimalToolbar(t *testing.T) {
	l := NewLayout(1280, 800, 1, 5, ControlsMinimal, measure)
	var got []Command
	for _, b := range l.Buttons {
		got = append(got, b.Cmd)
	}
	want := []Command{CmdPlayPause, CmdStep, CmdWrite, CmdHeal, CmdHelp}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("minimal toolbar %v, want %v", got, want)
	}
}

func TestToolbarWrapsOnNarrowScreens(t *testing.T) {
	l := NewLayout(390, 844, 1, 5, ControlsFull, measure)
	rows := map[float64]bool{}
	for _, b := range l.Buttons {
		rows[b.Rect.Y] = true
		if b.Rect.Right() > 390 {
			t.Errorf("button %q ends at %v, past the screen", b.Label, b.Rect.Right())
		}
	}
	if len(rows) < 2 {
		t.Errorf("full toolbar on a 390 px screen uses %d row(s)", len(rows))
	}
}

func TestCaptionsGoOutward(t *testing.T) {
	l := NewLayout(1280, 800, 1, 4, ControlsFull, measure)
	for _, tc := range []struct {
		id    uint64
		h     Align
		where string
	}{
		{1, AlignCenter, "above"}, {2, AlignStart, "right"}, {3, AlignCenter, "below"}, {4, AlignEnd, "left"},
	} {
		at, h := l.Caption(tc.id)
		c, _ := l.Node(tc.id)
		ok := h == tc.h
		switch tc.where {
		case "above":
			ok = ok && at.Y < c.Y-l.TimerR()
		case "below":
			ok = ok && at.Y > c.Y+l.TimerR()
		case "right":
			ok = ok && at.X > c.X+l.TimerR()
		case "left":
			ok = ok && at.X < c.X-l.TimerR()
		}
		if !ok {
			t.Errorf("node %d at %v: caption at %v aligned %v, want it %s", tc.id, c, at, h, tc.where)
		}
	}
}

func TestCaptionsKeepClear(t *testing.T) {
	for _, sc := range screens {
		for _, n := range []int{3, 5, 7, 9} {
			l := NewLayout(sc.w, sc.h, sc.u, n, ControlsFull, measure)
			if !l.Captions {
				continue // left out where they would crowd the nodes
			}
			for i := range l.NodePos {
				id := uint64(i + 1)
				cr := l.CaptionRect(id)
				if !inside(cr, l.Stage) {
					t.Errorf("%v n%d: caption of node %d at %v leaves the stage %v", sc, n, id, cr, l.Stage)
				}
				for j, c := range l.NodePos {
					ring := Rect{c.X - l.TimerR(), c.Y - l.TimerR(), 2 * l.TimerR(), 2 * l.TimerR()}
					if overlap(cr, ring) {
						t.Errorf("%v n%d: caption of node %d covers node %d", sc, n, id, j+1)
					}
				}
				for j := range l.NodePos[:i] {
					if other := l.CaptionRect(uint64(j + 1)); overlap(cr, other) {
						t.Errorf("%v n%d: captions of nodes %d and %d overlap", sc, n, id, j+1)
					}
				}
			}
		}
	}
}

func TestCompactToolbarHasNoKeyHints(t *testing.T) {
	if l := NewLayout(1170, 2532, 3, 5, ControlsFull, measure); !l.Compact || l.Buttons[1].Key != "" {
		t.Errorf("a phone's toolbar: compact %v, key %q", l.Compact, l.Buttons[1].Key)
	}
	if l := NewLayout(1280, 800, 1, 5, ControlsFull, measure); l.Compact || l.Buttons[1].Key != "." {
		t.Errorf("a laptop's toolbar: compact %v, key %q", l.Compact, l.Buttons[1].Key)
	}
}

func inside(r, outer Rect) bool {
	const eps = 1e-6
	return r.X >= outer.X-eps && r.Y >= outer.Y-eps && r.Right() <= outer.Right()+eps && r.Bottom() <= outer.Bottom()+eps
}

func overlap(a, b Rect) bool {
	return a.X < b.Right() && b.X < a.Right() && a.Y < b.Bottom() && b.Y < a.Bottom()
}

func TestLayoutSurvivesTinyScreens(t *testing.T) {
	for _, sc := range []struct{ w, h float64 }{{0, 0}, {50, 40}, {200, 120}, {120, 900}} {
		l := NewLayout(sc.w, sc.h, 1, 9, ControlsFull, measure)
		for i, p := range l.NodePos {
			if math.IsNaN(p.X) || math.IsNaN(p.Y) {
				t.Errorf("%v: node %d at %v", sc, i+1, p)
			}
		}
		s := New(&Light, ControlsFull, measure)
		s.Observe(cluster(9, msg(1, 1, 2, "MsgApp")), nil)
		s.Resize(sc.w, sc.h, 1)
		s.Key('1')
		s.Key('?')
		s.HitTest(Point{10, 10})
		_ = s.Layout.LogGeom(measure)
	}
}

// A one-line HUD labels its two status icons, each label left of its icon,
// all inside the HUD and clear of one another.
func TestOneLineHUDLabelsItsMarks(t *testing.T) {
	l := NewLayout(640, 400, 1, 5, ControlsMinimal, measure)
	if l.HUDLines != 1 {
		t.Fatalf("640×400 has a HUD of %d lines; the test needs one", l.HUDLines)
	}
	inv, verdict := l.HUDIcons()
	r := l.HUDIconR()
	marks := l.HUDMarks
	if !(marks[0].X >= l.HUD.X && marks[0].Right() < inv.X-r && inv.X+r < marks[1].X && marks[1].Right() < verdict.X-r && verdict.X+r <= l.HUD.Right()+0.01) {
		t.Errorf("labels %v and %v, icons at %v and %v (radius %v) in the HUD %v: not label, icon, label, icon from left to right", marks[0], marks[1], inv, verdict, r, l.HUD)
	}
}

// The links a partition cuts have a bar at their middle on a laptop's
// ring, and go without on a phone's, where the bars would meet in a tangle.
func TestCutBarsOnLargeRingsOnly(t *testing.T) {
	for _, sc := range []struct {
		w, h, u float64
		bars    bool
	}{{1280, 800, 1, true}, {640, 400, 1, true}, {390, 844, 3, false}} {
		l := NewLayout(sc.w*sc.u, sc.h*sc.u, sc.u, 5, ControlsFull, measure)
		if got := l.CutBars(); got != sc.bars {
			t.Errorf("%v×%v: cut bars %v on a ring %v CSS px wide; want %v", sc.w, sc.h, got, 2*l.RX/sc.u, sc.bars)
		}
	}
}
