package scene

import (
	"fmt"
	pb "go.etcd.io/raft/v3/raftpb"
	"math"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/spacetime"
)

// diagramScene is a w×h CSS px scene at scale u with the diagram open over
// a cluster of five at 1000 ms, holding arrows.
func diagramScene(t *testing.T, w, h, u float64, arrows []spacetime.Arrow, msgs ...raftsim.MessageView) *Scene {
	t.Helper()
	snap := cluster(5, msgs...)
	snap.NowMs = 1000
	s := New(&Dark, ControlsFull, measure)
	s.Observe(snap, nil)
	s.Resize(w*u, h*u, u)
	s.Key(';')
	if !s.DiagramOpen() {
		t.Fatalf("%v×%v@%v: ; did not open the diagram", w, h, u)
	}
	s.SetDiagram(arrows, nil, 1)
	return s
}

// At every size with room for it the diagram opens beside or under the
// ring, clear of the stage, toolbar, timeline and other side panels, with
// a plot tall enough to read and its buttons inside it; a tiny embed says
// there is no room and stays as it was.
func TestDiagramLayoutAtEverySize(t *testing.T) {
	for _, sz := range sizes {
		for _, u := range scales {
			name := fmt.Sprintf("%v×%v@%v", sz.w, sz.h, u)
			snap := cluster(5)
			s := New(&Dark, ControlsFull, measure)
			s.Observe(snap, nil)
			s.Resize(sz.w*u, sz.h*u, u)
			s.Key(';')
			l := &s.Layout
			if !diagramRoom(sz.w, sz.h) {
				if s.DiagramOpen() || len(s.Notices.List()) == 0 {
					t.Errorf("%s: no room, yet the diagram is %v and nothing was said", name, l.Diagram)
				}
				continue
			}
			if !s.DiagramOpen() {
				t.Errorf("%s: ; did not open the diagram", name)
				continue
			}
			s.SetDiagram(nil, nil, 1)
			v, _ := s.Diagram()
			if !inside(l.Diagram, Rect{0, 0, l.W, l.H}) {
				t.Errorf("%s: diagram %v leaves the screen", name, l.Diagram)
			}
			for what, r := range map[string]Rect{"stage": l.Stage, "toolbar": l.Toolbar, "timeline": l.Time, "logs": l.Logs, "events": l.Events} {
				if !r.Empty() && overlap(r, l.Diagram) {
					t.Errorf("%s: diagram %v overlaps the %s %v", name, l.Diagram, what, r)
				}
			}
			if v.Plot.H < minDiagramH*u || !inside(v.Plot, l.Diagram) {
				t.Errorf("%s: plot %v is too short or leaves the diagram %v", name, v.Plot, l.Diagram)
			}
			for i, b := range v.Buttons {
				if !inside(b.Rect, l.Diagram) {
					t.Errorf("%s: button %q %v leaves the diagram", name, b.Label, b.Rect)
				}
				for _, c := range v.Buttons[:i] {
					if overlap(b.Rect, c.Rect) {
						t.Errorf("%s: buttons %q and %q overlap", name, b.Label, c.Label)
					}
				}
			}
			if len(v.Lanes) != 5 || v.Lanes[0].X <= v.Plot.X || v.Lanes[4].X >= v.Plot.Right() {
				t.Errorf("%s: lanes %v do not lie across the plot %v", name, v.Lanes, v.Plot)
			}
			for i := range l.NodePos {
				r := l.TimerR()
				ring := Rect{l.NodePos[i].X - r, l.NodePos[i].Y - r, 2 * r, 2 * r}
				if overlap(ring, l.Diagram) {
					t.Errorf("%s: node %d overlaps the diagram", name, i+1)
				}
			}
			s.Key(';')
			if s.DiagramOpen() {
				t.Errorf("%s: ; again did not close the diagram", name)
			}
		}
	}
}

func TestParsePanelsDiagram(t *testing.T) {
	p, err := ParsePanels("logs,diagram")
	if err != nil || p != (Panels{Logs: true, Diagram: true}) {
		t.Fatalf("logs,diagram = %+v, %v", p, err)
	}
	for _, sz := range sizes {
		s := New(&Dark, ControlsFull, measure)
		s.Observe(cluster(5), nil)
		s.Resize(sz.w, sz.h, 1)
		s.ShowPanels(Panels{Diagram: true})
		if s.DiagramOpen() != diagramRoom(sz.w, sz.h) || !s.Layout.Logs.Empty() || !s.Layout.Events.Empty() {
			t.Errorf("%v×%v panels=diagram: diagram %v, logs %v, events %v", sz.w, sz.h, s.Layout.Diagram, s.Layout.Logs, s.Layout.Events)
		}
	}
}

// Arrows go from the sender's lane at the send to the receiver's lane at
// the delivery, time running down to the moment shown at the plot's
// bottom; one still in flight ends where it has come to at that moment,
// one sent before the window enters at the top, and heartbeats go when
// hidden.
func TestDiagramArrowGeometry(t *testing.T) {
	arrows := []spacetime.Arrow{
		{ID: 1, From: 1, To: 3, Type: raftsim.MsgType(pb.MsgApp), SentMs: 950, EndMs: 960, Fate: spacetime.Delivered},
		{ID: 2, From: 3, To: 1, Type: raftsim.MsgType(pb.MsgAppResp), SentMs: 965, EndMs: 975, Fate: spacetime.Dropped, Reason: raftsim.DropLost},
		{ID: 3, From: 1, To: 2, Type: raftsim.MsgType(pb.MsgHeartbeat), SentMs: 990, Fate: spacetime.InFlight},
		{ID: 4, From: 1, To: 5, Type: raftsim.MsgType(pb.MsgApp), SentMs: 100, EndMs: 990, Fate: spacetime.Delivered},
	}
	inflight := raftsim.MessageView{ID: 3, From: 1, To: 2, Type: raftsim.MsgType(pb.MsgHeartbeat), SentMs: 990, DeliverMs: 1010}
	s := diagramScene(t, 1280, 800, 1, arrows, inflight)
	v, _ := s.Diagram()
	per, _ := s.DiagramSettings()
	lane := func(id uint64) float64 { return v.Lanes[id-1].X }
	y := func(ms int64) float64 { return v.Plot.Bottom() - float64(1000-ms)/per }
	near := func(p, q Point) bool { return p.Sub(q).Len() < 1e-6 }
	if len(v.Arrows) != 4 {
		t.Fatalf("%d arrows drawn, want 4: %+v", len(v.Arrows), v.Arrows)
	}
	a := v.Arrows[0]
	if !near(a.A, Point{lane(1), y(950)}) || !near(a.B, Point{lane(3), y(960)}) || a.Kind != KindApp || a.Response {
		t.Errorf("delivered append %+v", a)
	}
	if b := v.Arrows[1]; b.Fate != spacetime.Dropped || !b.Response || !near(b.B, Point{lane(1), y(975)}) {
		t.Errorf("dropped response %+v", b)
	}
	half := Point{lane(1) + (lane(2)-lane(1))/2, y(1000)}
	if c := v.Arrows[2]; c.Fate != spacetime.InFlight || !near(c.B, half) {
		t.Errorf("heartbeat half way at the moment shown: %+v, want its end at %v", c, half)
	}
	if d := v.Arrows[3]; d.A.Y != v.Plot.Y || d.A.X <= lane(1) || !near(d.B, Point{lane(5), y(990)}) {
		t.Errorf("an arrow sent before the window should enter at the plot's top %v: %+v", v.Plot.Y, d)
	}
	s.handle(Intent{Cmd: CmdDiagramBeats})
	s.SetDiagram(arrows, nil, 1)
	if v, _ := s.Diagram(); len(v.Arrows) != 3 {
		t.Errorf("heartbeats hidden: %d arrows drawn, want 3", len(v.Arrows))
	}
	// Scrubbed back to 960 ms, the append lands on the bottom line and the
	// later ones are not drawn.
	past := cluster(5)
	past.NowMs = 960
	s.Observe(past, nil)
	t0, t1 := s.DiagramWindow()
	if t1 != 960 || t0 >= 950 {
		t.Fatalf("window at 960 ms is %d..%d", t0, t1)
	}
	s.SetDiagram(arrows, nil, 1)
	v, _ = s.Diagram()
	if len(v.Arrows) != 2 || v.Arrows[0].Fate != spacetime.Delivered || v.Arrows[1].Fate != spacetime.InFlight {
		t.Errorf("at 960 ms: %+v; want the append delivered and the long one in flight", v.Arrows)
	}
}

// Hovering an arrow highlights its message in both views; clicking a
// landed one opens its details at the diagram's foot, and Esc closes
// them; clicking one still in flight selects it in the cluster.
func TestDiagramHoverAndClick(t *testing.T) {
	arrows := []spacetime.Arrow{
		{ID: 7, From: 1, To: 3, Type: raftsim.MsgType(pb.MsgApp), SentMs: 950, EndMs: 960, Fate: spacetime.Delivered, Details: "#7 n1→n3 MsgApp term 2"},
		{ID: 8, From: 2, To: 4, Type: raftsim.MsgType(pb.MsgVote), SentMs: 990, Fate: spacetime.InFlight},
	}
	s := diagramScene(t, 1280, 800, 1, arrows, raftsim.MessageView{ID: 8, From: 2, To: 4, Type: raftsim.MsgType(pb.MsgVote), SentMs: 990, DeliverMs: 1000})
	v, _ := s.Diagram()
	mid := Lerp(v.Arrows[0].A, v.Arrows[0].B, 0.5)
	s.Move(mid.Add(Point{X: 2}))
	if s.Hover.Kind != HitArrow || s.HighlightedMessage() != 7 {
		t.Fatalf("hover at %v: %+v, highlighted %d", mid, s.Hover, s.HighlightedMessage())
	}
	s.Press(mid)
	s.Release(mid)
	open := s.OpenPanels()
	if len(open) == 0 || open[len(open)-1].Title != "Message #7, delivered" || !inside(open[len(open)-1].Rect, s.Layout.Diagram) {
		t.Fatalf("after a click the panels are %+v", open)
	}
	want := ArrowLines(&arrows[0], s.Snap.Config.NodeName)
	if got := open[len(open)-1].Lines; fmt.Sprint(got) != fmt.Sprint(want) || want[2] != "delivered at 960 ms to n3, after 10 ms" {
		t.Errorf("details %q, want %q", got, want)
	}
	s.Move(Point{})
	if s.HighlightedMessage() != 7 {
		t.Errorf("the selected arrow is not highlighted once the pointer leaves")
	}
	s.Key(KeyEscape)
	if len(s.OpenPanels()) != 0 || s.HighlightedMessage() != 0 {
		t.Errorf("Esc left %d panels open, highlighted %d", len(s.OpenPanels()), s.HighlightedMessage())
	}
	tip := v.Arrows[1].B.Add(v.Arrows[1].A).Scale(0.5)
	s.Press(tip)
	s.Release(tip)
	if s.Controller.Message != 8 || s.HighlightedMessage() != 8 {
		t.Errorf("clicking the arrow in flight selected %d in the cluster, want 8", s.Controller.Message)
	}
}

// The zoom buttons and the wheel change the scale, within its range.
func TestDiagramZoom(t *testing.T) {
	s := diagramScene(t, 1280, 800, 1, nil)
	v, _ := s.Diagram()
	button := func(cmd Command) Point {
		for _, b := range v.Buttons {
			if b.Cmd == cmd {
				return b.Rect.Center()
			}
		}
		t.Fatalf("no button %d", cmd)
		return Point{}
	}
	before, _ := s.DiagramSettings()
	p := button(CmdDiagramZoomOut)
	s.Press(p)
	s.Release(p)
	if after, _ := s.DiagramSettings(); after <= before {
		t.Errorf("zoom out: %v → %v ms/px", before, after)
	}
	for range 20 {
		s.Wheel(v.Plot.Center(), 1)
	}
	if most, _ := s.DiagramSettings(); most != DiagramZooms[0] {
		t.Errorf("zoomed in all the way to %v ms/px, want %v", most, DiagramZooms[0])
	}
	t0, t1 := s.DiagramWindow()
	if want := int64(math.Ceil(v.Plot.H * DiagramZooms[0])); t1-t0 != want {
		t.Errorf("window %d..%d, want %d ms long", t0, t1, want)
	}
}
