package scene

import (
	"fmt"
	"math"
	"sort"

	"raftplay/raftsim"
	"raftplay/raftsim/spacetime"
)

// The space-time diagram: a side panel with one lane per node, time running
// down to the moment shown (its bottom line), each message an arrow from
// its send to its delivery, coloured and shaped as the cluster draws its
// kind, a dropped one ending in a cross. The game hands the scene the
// arrows and marks of the window the panel shows (SetDiagram); the scene
// lays them out, hit-tests them and keeps the panel's settings.

// DiagramZooms are the diagram's scales, in virtual ms per CSS pixel.
var DiagramZooms = []float64{0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50}

// diagramDefaultZoom shows a 10 ms flight 50 CSS px tall, and a heartbeat
// round or two down a laptop's panel.
const diagramDefaultZoom = 3

// Sizes of the diagram, in CSS pixels.
const (
	// minDiagramH is the least height worth giving the diagram's plot.
	minDiagramH = 140.0
	// diagramShareH is the side column's height from which the diagram
	// shares it with the log strips and events; below it, it takes it all.
	diagramShareH = 560.0
	// arrowGrab is how far from an arrow a pointer still grabs it.
	arrowGrab = 5.0
)

// DiagramLane is one node's lane: its name above the plot, a line down it.
type DiagramLane struct {
	Node  uint64
	Name  string
	X     float64
	Label Point
}

// DiagramArrow is one message as drawn: from A (its send) to B (its
// delivery, its loss, or where it is at the moment shown while still in
// flight then).
type DiagramArrow struct {
	ID       uint64
	A, B     Point
	Kind     MsgKind
	Response bool
	// Pipeline is set for a message on rafthttp's pipeline rather than a
	// stream (drawn dashed).
	Pipeline bool
	// Fate is the message's fate at the moment shown: in flight there,
	// though it may have landed since.
	Fate spacetime.Fate
}

// DiagramMark is a mark across one lane (a crash, a restart) or all of
// them (a partition, a heal), from A to B, with a label at B.
type DiagramMark struct {
	Kind  raftsim.MarkKind
	A, B  Point
	Label string
}

// DiagramTick is a time label on the plot's left edge, with a faint line.
type DiagramTick struct {
	Y     float64
	Label string
}

// DiagramView is the diagram's layout for one frame.
type DiagramView struct {
	Rect     Rect
	Title    string
	TitlePos Point
	// Scale says how much time a pixel is ("0.1 ms/px"), after the title.
	Scale    string
	ScalePos Point
	Buttons  []Button
	// Plot is the lanes' area: T0 at its top, T1 (the moment shown) at its
	// bottom.
	Plot   Rect
	T0, T1 int64
	Lanes  []DiagramLane
	Arrows []DiagramArrow
	Marks  []DiagramMark
	Ticks  []DiagramTick
	// source are the arrows it was laid out from, as the model gave them.
	source []spacetime.Arrow
}

// diagramState is the diagram's part of the scene.
type diagramState struct {
	zoom      int
	hideBeats bool
	view      DiagramView
	// version is the model's version the view was laid out from.
	version uint64
}

// DiagramOpen reports whether the diagram is shown.
func (s *Scene) DiagramOpen() bool { return !s.Layout.Diagram.Empty() }

// DiagramWindow is the window of virtual time the diagram shows: from the
// plot's top to the moment shown at its bottom.
func (s *Scene) DiagramWindow() (t0, t1 int64) {
	if s.Snap == nil {
		return 0, 0
	}
	t1 = s.Snap.NowMs
	_, plot := s.Layout.diagramFrame()
	span := int64(math.Ceil(plot.H / s.Layout.Scale * DiagramZooms[s.diagram.zoomIndex()]))
	return max(0, t1-span), t1
}

// zoomIndex is the zoom level in force, the default before any change.
func (d *diagramState) zoomIndex() int { return d.zoom + diagramDefaultZoom }

// SetDiagram lays the diagram out with the arrows and marks of its window
// (DiagramWindow) and the model's version they come from.
func (s *Scene) SetDiagram(arrows []spacetime.Arrow, marks []spacetime.Mark, version uint64) {
	d := &s.diagram
	d.version = version
	s.Layout.LayDiagram(&d.view, s.Snap, arrows, marks, DiagramZooms[d.zoomIndex()], d.hideBeats, s.frame.measure)
	if ap := panelOf[*arrowPanel](s); ap.arrow.ID != 0 {
		id := ap.arrow.ID
		i := sort.Search(len(arrows), func(i int) bool { return arrows[i].ID >= id })
		if i < len(arrows) && arrows[i].ID == id && arrows[i] != ap.arrow {
			ap.arrow = arrows[i]
			s.layPanels()
		}
	}
}

// DiagramVersion is the model's version the diagram was last laid out from.
func (s *Scene) DiagramVersion() uint64 { return s.diagram.version }

// Diagram returns the diagram's layout while it is shown.
func (s *Scene) Diagram() (*DiagramView, bool) { return &s.diagram.view, s.DiagramOpen() }

// DiagramSettings reports the diagram's scale (virtual ms per CSS pixel)
// and whether heartbeats are drawn.
func (s *Scene) DiagramSettings() (msPerPx float64, heartbeats bool) {
	return DiagramZooms[s.diagram.zoomIndex()], !s.diagram.hideBeats
}

// HighlightedMessage is the message both views pick out: the arrow or the
// message in flight under the pointer, else the one whose details are open.
func (s *Scene) HighlightedMessage() uint64 {
	if s.Hover.Kind == HitArrow || s.Hover.Kind == HitMessage {
		return s.Hover.Message
	}
	if id := panelOf[*arrowPanel](s).arrow.ID; id != 0 {
		return id
	}
	return s.Controller.Message
}

// isDiagramCmd tells the diagram's commands.
func isDiagramCmd(c Command) bool { return c >= CmdDiagram && c <= CmdSelectArrow }

// diagramIntent carries out a diagram command.
func (s *Scene) diagramIntent(in Intent) []raftsim.Action {
	d := &s.diagram
	switch in.Cmd {
	case CmdDiagram:
		s.frame.choice.Panels.Diagram = !s.frame.choice.Panels.Diagram
		s.relayout()
		if s.frame.choice.Panels.Diagram && !s.DiagramOpen() {
			s.frame.choice.Panels.Diagram = false
			s.relayout()
			s.Notify("the screen is too small for the diagram", true)
		}
	case CmdDiagramBeats:
		d.hideBeats = !d.hideBeats
	case CmdDiagramZoomIn:
		d.zoom = max(d.zoom-1, -diagramDefaultZoom)
	case CmdDiagramZoomOut:
		d.zoom = min(d.zoom+1, len(DiagramZooms)-1-diagramDefaultZoom)
	case CmdSelectArrow:
		return s.selectArrow(in.Message)
	}
	return nil
}

// selectArrow opens the details of arrow id: the cluster's message panel
// while the message is in flight, the diagram's own once it has landed.
func (s *Scene) selectArrow(id uint64) []raftsim.Action {
	for i := range s.Snap.Messages {
		if s.Snap.Messages[i].ID == id {
			panelOf[*arrowPanel](s).arrow = spacetime.Arrow{}
			acts, _ := s.Controller.Handle(Intent{Cmd: CmdSelectMessage, Message: id}, s.Snap)
			s.layPanels()
			return acts
		}
	}
	for _, a := range s.diagram.arrows() {
		if a.ID == id {
			panelOf[*arrowPanel](s).arrow = a
		}
	}
	s.layPanels()
	return nil
}

// arrows are the arrows of the latest SetDiagram, as the model gave them.
func (d *diagramState) arrows() []spacetime.Arrow { return d.view.source }

// closeArrow closes the arrow's details; it reports whether they were open.
func (s *Scene) closeArrow() bool {
	ap := panelOf[*arrowPanel](s)
	if ap.arrow.ID == 0 {
		return false
	}
	ap.arrow = spacetime.Arrow{}
	s.layPanels()
	return true
}

// diagramHit is what of the diagram is under p: a button, an arrow (the
// nearest within reach), or the panel itself.
func (s *Scene) diagramHit(p Point) (Hit, bool) {
	v := &s.diagram.view
	if !s.DiagramOpen() || !v.Rect.Contains(p) {
		return Hit{}, false
	}
	if h, ok := buttonAt(v.Buttons, p); ok {
		return h, true
	}
	if id, ok := v.ArrowAt(p, arrowGrab*s.Layout.Scale); ok {
		return Hit{Kind: HitArrow, Message: id}, true
	}
	return Hit{Kind: HitPanel}, true
}

// ArrowAt returns the arrow nearest p within reach.
func (v *DiagramView) ArrowAt(p Point, reach float64) (uint64, bool) {
	best, id := reach, uint64(0)
	for i := range v.Arrows {
		a := &v.Arrows[i]
		if d := segmentDistance(p, a.A, a.B); d <= best {
			best, id = d, a.ID
		}
	}
	return id, id != 0
}

// segmentDistance is the distance from p to the segment ab.
func segmentDistance(p, a, b Point) float64 {
	ab := b.Sub(a)
	l2 := ab.X*ab.X + ab.Y*ab.Y
	if l2 == 0 {
		return p.Sub(a).Len()
	}
	t := math.Max(0, math.Min(1, ((p.X-a.X)*ab.X+(p.Y-a.Y)*ab.Y)/l2))
	return p.Sub(a.Add(ab.Scale(t))).Len()
}

// layDiagram gives the diagram its part of the side area r and returns
// what is left for the log strips and events: on a tall side column it
// shares it with them, below them; otherwise it takes it all, as a tab
// that stands in for them while open.
func (l *Layout) layDiagram(r Rect) Rect {
	u := l.Scale
	if r.H < (minDiagramH+2*diagramHeaderH)*u {
		return r // no room: the diagram stays closed
	}
	if r.H < diagramShareH*u || (!l.Panels.Logs && !l.Panels.Events) {
		l.Diagram = r
		return Rect{}
	}
	h := math.Round(0.55 * r.H)
	l.Diagram = Rect{r.X, r.Bottom() - h, r.W, h}
	return Rect{r.X, r.Y, r.W, r.H - h - Pad*u}
}

// diagramHeaderH is the height of each of the diagram's two header rows:
// the title and buttons (a finger's height on a touch screen), then the
// lanes' names.
const diagramHeaderH = 24.0

// diagramFrame is the diagram's header row and plot.
func (l *Layout) diagramFrame() (header, plot Rect) {
	u, r := l.Scale, l.Diagram
	header = Rect{r.X + Pad*u, r.Y + Pad*u/2, r.W - 2*Pad*u, l.tap(diagramHeaderH)}
	top := header.Bottom() + diagramHeaderH*u
	plot = Rect{r.X + Pad*u, top, r.W - 2*Pad*u, r.Bottom() - Pad*u - top}
	return header, plot
}

// diagramButtons are the header's buttons, right to left.
var diagramButtons = []toolSpec{
	{CmdDiagram, "Close", "", ";"},
	{CmdDiagramZoomIn, "+", "", ""},
	{CmdDiagramZoomOut, "−", "", ""},
	{CmdDiagramBeats, "Heartbeats", "", ""},
}

// LayDiagram lays v out as the diagram of snap's nodes at its moment, with
// the arrows and marks of its window, at msPerPx virtual ms per CSS pixel;
// heartbeats are left out when hideBeats is set. It reuses v's lists: the
// diagram is laid out every frame.
func (l *Layout) LayDiagram(v *DiagramView, snap *raftsim.Snapshot, arrows []spacetime.Arrow, marks []spacetime.Mark, msPerPx float64, hideBeats bool, measure Measure) {
	u := l.Scale
	header, plot := l.diagramFrame()
	*v = DiagramView{Rect: l.Diagram, Title: "Messages", T1: snap.NowMs, source: arrows,
		Buttons: v.Buttons[:0], Lanes: v.Lanes[:0], Arrows: v.Arrows[:0], Marks: v.Marks[:0], Ticks: v.Ticks[:0]}
	v.TitlePos = Point{header.X, header.Y + (header.H-FontUI*u*LineH)/2}
	x := header.Right()
	for _, b := range diagramButtons {
		if l.Compact {
			b.key = ""
		}
		w := l.buttonW(b.label, "", b.key, measure)
		x -= w
		v.Buttons = append(v.Buttons, Button{Cmd: b.cmd, Label: b.label, Key: b.key, Rect: Rect{x, header.Y, w, header.H}})
		x -= 4 * u
	}
	v.Scale = fmt.Sprintf("%g ms/px", msPerPx)
	v.ScalePos = Point{v.TitlePos.X + measure(v.Title, FontUI*u) + 8*u, header.Y + (header.H-FontSmall*u*LineH)/2}
	if v.ScalePos.X+measure(v.Scale, FontSmall*u) > x {
		v.Scale = ""
	}
	// Time labels take the plot's left edge; the lanes share the rest.
	gutter := measure("00 000 ms", FontTiny*u) + 6*u
	lanes := Rect{plot.X + gutter, plot.Y, plot.W - gutter, plot.H}
	v.Plot = plot
	perPx := msPerPx / u // virtual ms per device pixel
	v.T0 = snap.NowMs - int64(math.Ceil(plot.H*perPx))
	y := func(ms int64) float64 { return plot.Bottom() - float64(v.T1-ms)/perPx }
	for i, n := range snap.Nodes {
		lx := lanes.X + (float64(i)+0.5)*lanes.W/float64(len(snap.Nodes))
		name := snap.NodeName(n.ID)
		v.Lanes = append(v.Lanes, DiagramLane{Node: n.ID, Name: name, X: lx,
			Label: Point{lx - measure(name, FontSmall*u)/2, header.Bottom() + (diagramHeaderH*u-FontSmall*u*LineH)/2}})
	}
	v.Ticks = diagramTicks(v.Ticks, v.T0, v.T1, msPerPx, y)
	for _, a := range arrows {
		kind := KindOf(a.Type)
		if hideBeats && kind == KindHeartbeat {
			continue
		}
		xa, ok1 := v.laneX(a.From)
		xb, ok2 := v.laneX(a.To)
		if !ok1 || !ok2 || a.SentMs > v.T1 {
			continue
		}
		da := DiagramArrow{ID: a.ID, Kind: kind, Response: a.Type.IsResponse(), Fate: a.Fate,
			Pipeline: a.Stream == raftsim.StreamPipeline,
			A:        Point{xa, y(a.SentMs)}, B: Point{xb, y(a.EndMs)}}
		if a.Fate == spacetime.InFlight || a.EndMs > v.T1 {
			// In flight at the moment shown: drawn as far as it has come.
			da.Fate = spacetime.InFlight
			end := a.EndMs
			if a.Fate == spacetime.InFlight {
				end = deliverMs(snap, a)
			}
			f := 1.0
			if end > a.SentMs {
				f = math.Min(1, float64(v.T1-a.SentMs)/float64(end-a.SentMs))
			}
			da.B = Point{xa + (xb-xa)*f, y(v.T1)}
		}
		if da.A.Y < plot.Y {
			// Sent before the window: the arrow enters at the plot's top,
			// unless it ended before it too.
			if da.B.Y <= plot.Y {
				continue
			}
			f := (plot.Y - da.A.Y) / (da.B.Y - da.A.Y)
			da.A = Point{da.A.X + (da.B.X-da.A.X)*f, plot.Y}
		}
		v.Arrows = append(v.Arrows, da)
	}
	for _, m := range marks {
		my := y(m.AtMs)
		if my < plot.Y {
			continue
		}
		dm := DiagramMark{Kind: m.Kind, A: Point{lanes.X, my}, B: Point{lanes.Right(), my}, Label: string(m.Kind)}
		if m.Node != 0 {
			lx, ok := v.laneX(m.Node)
			if !ok {
				continue
			}
			half := math.Min(lanes.W/float64(2*len(snap.Nodes)), 18*u)
			dm.A, dm.B = Point{lx - half, my}, Point{lx + half, my}
		}
		v.Marks = append(v.Marks, dm)
	}
}

// laneX is where node id's lane runs; false when it has none.
func (v *DiagramView) laneX(id uint64) (float64, bool) {
	for i := range v.Lanes {
		if v.Lanes[i].Node == id {
			return v.Lanes[i].X, true
		}
	}
	return 0, false
}

// deliverMs is when message a, in flight at snap's moment, is due.
func deliverMs(snap *raftsim.Snapshot, a spacetime.Arrow) int64 {
	ms := snap.Messages
	i := sort.Search(len(ms), func(i int) bool { return ms[i].ID >= a.ID })
	if i < len(ms) && ms[i].ID == a.ID {
		return ms[i].DeliverMs
	}
	return snap.NowMs
}

// diagramTickSteps are the spacings time labels may have, in virtual ms.
var diagramTickSteps = []int64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 60000}

// diagramTicks appends to ticks the labels of the window [t0, t1], at a
// round spacing at least 70 CSS px apart.
func diagramTicks(ticks []DiagramTick, t0, t1 int64, msPerPx float64, y func(int64) float64) []DiagramTick {
	step := diagramTickSteps[len(diagramTickSteps)-1]
	for _, s := range diagramTickSteps {
		if float64(s)/msPerPx >= 70 {
			step = s
			break
		}
	}
	for t := (t0/step + 1) * step; t <= t1; t += step {
		ticks = append(ticks, DiagramTick{Y: y(t), Label: FormatMs(t)})
	}
	return ticks
}

// ArrowPanel lays out the details of arrow a, a message no longer in
// flight, at the foot of the diagram.
func (l *Layout) ArrowPanel(a *spacetime.Arrow, name func(uint64) string, measure Measure) Panel {
	u := l.Scale
	p := Panel{Title: fmt.Sprintf("Message #%d, %s", a.ID, a.Fate), Lines: ArrowLines(a, name)}
	p.Buttons = []Button{{Cmd: CmdClose, Label: "Close", Key: "Esc"}}
	p = l.boxPanel(p, Point{l.Diagram.X + Pad*u, 0}, 0, measure)
	p.Rect.W = math.Min(p.Rect.W, l.Diagram.W-2*Pad*u)
	p.Rect.Y = l.Diagram.Bottom() - p.Rect.H - Pad*u
	return l.reflow(p)
}

// ArrowLines describe a message of the diagram: what it carried, when it
// left and when and how it ended.
func ArrowLines(a *spacetime.Arrow, name func(uint64) string) []string {
	lines := []string{a.Details, fmt.Sprintf("sent at %s by %s %s", FormatMs(a.SentMs), name(a.From), StreamText(a.Stream))}
	switch a.Fate {
	case spacetime.Delivered:
		lines = append(lines, fmt.Sprintf("delivered at %s to %s, after %s", FormatMs(a.EndMs), name(a.To), FormatMs(a.EndMs-a.SentMs)))
	case spacetime.Dropped:
		lines = append(lines, fmt.Sprintf("dropped (%s) at %s on its way to %s", a.Reason, FormatMs(a.EndMs), name(a.To)))
	default:
		lines = append(lines, fmt.Sprintf("in flight to %s", name(a.To)))
	}
	return lines
}

// arrowPanel is the details of the arrow selected in the diagram, while the
// diagram shows.
type arrowPanel struct {
	// arrow is the arrow whose details are open (one no longer in flight;
	// one in flight opens the cluster's message panel instead).
	arrow spacetime.Arrow
}

func (*arrowPanel) placeName() string { return "diagram-message" }

func (ap *arrowPanel) lay(s *Scene) (Panel, bool) {
	if ap.arrow.ID == 0 || !s.DiagramOpen() {
		return Panel{}, false
	}
	return s.Layout.ArrowPanel(&ap.arrow, s.Snap.NodeName, s.frame.measure), true
}
