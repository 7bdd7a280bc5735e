package render

import (
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"

	"raftplay/raftsim"
	"raftplay/raftsim/spacetime"
	"raftplay/render/scene"
)

// drawDiagram draws the space-time diagram into its part of the cache:
// the frame, then every line (time lines, lanes, marks, arrows, the
// highlighted arrow last, on top), then every arrow's end, then the text.
// Lines are drawn without anti-aliasing, and each kind of draw together:
// draws from one source batch into one, and a busy window has hundreds.
func (g *Game) drawDiagram() {
	s, p := g.scene, &g.paint
	v, open := s.Diagram()
	if !open {
		return
	}
	th, u := s.Theme, s.Layout.Scale
	p.dst.Fill(th.Background)
	p.box(v.Rect, 8*u, th.Panel, th.PanelBorder, u)
	plot := v.Plot
	for _, tk := range v.Ticks {
		g.line(scene.Point{X: plot.X, Y: tk.Y}, scene.Point{X: plot.Right(), Y: tk.Y}, u, th.Link)
	}
	for _, l := range v.Lanes {
		g.line(scene.Point{X: l.X, Y: plot.Y}, scene.Point{X: l.X, Y: plot.Bottom()}, 2*u, th.Link)
	}
	for _, m := range v.Marks {
		g.drawDiagramMark(&m)
	}
	hl := s.HighlightedMessage()
	top := -1
	for i := range v.Arrows {
		if a := &v.Arrows[i]; a.ID == hl {
			top = i
		} else {
			g.arrowLine(a, 1.5*u, th.Messages[a.Kind])
		}
	}
	if top >= 0 {
		a := &v.Arrows[top]
		g.arrowLine(a, 3.5*u, th.Messages[a.Kind])
	}
	// The moment shown: the bottom line, as the timeline's cursor.
	g.line(scene.Point{X: plot.X, Y: plot.Bottom()}, scene.Point{X: plot.Right(), Y: plot.Bottom()}, 1.5*u, th.Accent)
	for i := range v.Arrows {
		g.drawArrowEnd(&v.Arrows[i], i == top)
	}

	tiny, small := scene.FontTiny*u, scene.FontSmall*u
	p.printLeft(v.Title, v.TitlePos, scene.FontUI*u, th.Text)
	if v.Scale != "" {
		p.printLeft(v.Scale, v.ScalePos, small, th.Muted)
	}
	for _, tk := range v.Ticks {
		p.print(tk.Label, scene.Point{X: plot.X, Y: tk.Y - u}, tiny, th.Muted, text.AlignStart, text.AlignEnd)
	}
	for _, l := range v.Lanes {
		p.printLeft(l.Name, l.Label, small, th.Text)
	}
	for _, m := range v.Marks {
		if m.Kind == raftsim.MarkPartition || m.Kind == raftsim.MarkHeal {
			p.print(m.Label, m.B.Add(scene.Point{Y: -u}), tiny, diagramMarkColor(th, m.Kind), text.AlignEnd, text.AlignEnd)
		}
	}
	_, beats := s.DiagramSettings()
	for i := range v.Buttons {
		b := &v.Buttons[i]
		g.drawButton(b, b.Cmd == scene.CmdDiagramBeats && beats, false)
	}
}

// drawArrowEnd ends a message's line: in its kind's shape (hollow for a
// response) where it arrived or where it is at the moment shown, or in a
// cross where it was lost; ringed when highlighted.
func (g *Game) drawArrowEnd(a *scene.DiagramArrow, highlight bool) {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	r := 3.5 * u
	switch a.Fate {
	case spacetime.Dropped:
		p.cross(a.B, 4*u, 2*u, th.Cut)
	case spacetime.InFlight:
		r = s.Layout.MessageR() * 0.8
		fallthrough
	default:
		p.shape(a.Kind.Shape(), a.B, r, a.Response, th.Messages[a.Kind], th.Panel, 1.5*u)
	}
	if highlight {
		p.ring(a.B, r+4*u, 2*u, th.Accent)
	}
}

// drawDiagramMark draws a crash or restart across its lane, a partition or
// heal across them all (dashed).
func (g *Game) drawDiagramMark(m *scene.DiagramMark) {
	u := g.scene.Layout.Scale
	col := diagramMarkColor(g.scene.Theme, m.Kind)
	if m.Kind != raftsim.MarkPartition && m.Kind != raftsim.MarkHeal {
		g.line(m.A, m.B, 3*u, col)
		return
	}
	dash, gap := 6*u, 4*u
	for x := m.A.X; x < m.B.X; x += dash + gap {
		g.line(scene.Point{X: x, Y: m.A.Y}, scene.Point{X: min(x+dash, m.B.X), Y: m.A.Y}, 1.5*u, col)
	}
}

// diagramMarkColor colours the diagram's marks as the timeline strip
// colours the same things, which it calls by the same names.
func diagramMarkColor(th *scene.Theme, k raftsim.MarkKind) color.RGBA {
	return markColor(th, string(k))
}

// arrowLine draws a message's line: solid on a stream, dashed on the
// pipeline.
func (g *Game) arrowLine(a *scene.DiagramArrow, width float64, col color.RGBA) {
	if !a.Pipeline {
		g.line(a.A, a.B, width, col)
		return
	}
	u := g.scene.Layout.Scale
	d := a.B.Sub(a.A)
	n, dir := d.Len(), d.Unit()
	for t := 0.0; t < n; t += 9 * u {
		g.line(a.A.Add(dir.Scale(t)), a.A.Add(dir.Scale(math.Min(t+5*u, n))), width, col)
	}
}

// line strokes a straight line without anti-aliasing.
func (g *Game) line(a, b scene.Point, width float64, col color.RGBA) {
	vector.StrokeLine(g.paint.dst, f32(a.X), f32(a.Y), f32(b.X), f32(b.Y), f32(width), col, false)
}

// diagramKey sums up what drawDiagram shows.
func (g *Game) diagramKey() hasher {
	s := g.scene
	h := newHasher()
	v, open := s.Diagram()
	h.bool(open)
	if !open {
		return h
	}
	h.str(s.Theme.Name)
	h.int(s.DiagramVersion())
	h.int(uint64(v.T0))
	h.int(uint64(v.T1))
	h.int(uint64(len(v.Arrows)))
	h.int(s.HighlightedMessage())
	per, beats := s.DiagramSettings()
	h.float(per)
	h.bool(beats)
	h.int(uint64(g.hoveredButton(v.Buttons) + 1))
	return h
}
