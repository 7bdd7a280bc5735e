package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// drawVerdictIcon says at a glance how the linearizability check stands, as
// the invariants icon above it does: a tick in a green disc, a red disc (with
// an exclamation mark, drawn with the text), or an empty ring before anything
// was checked.
func (g *Game) drawVerdictIcon() {
	s, p := g.scene, &g.paint
	h, th, u := &s.ClientsHUD, s.Theme, s.Layout.Scale
	switch h.State {
	case scene.VerdictOK:
		p.disc(h.Icon, h.IconR, th.Good)
		p.tick(h.Icon, h.IconR, 1.6*u, th.OnFill)
	case scene.VerdictBad:
		p.disc(h.Icon, h.IconR, th.Bad)
	default:
		p.ring(h.Icon, h.IconR-0.75*u, 1.5*u, th.Muted)
	}
}

// drawClientsText writes the HUD's last line: the verdict, underlined while
// the pointer is on it since a click opens its details, then the load.
func (g *Game) drawClientsText() {
	s, p := g.scene, &g.paint
	h, th, u := &s.ClientsHUD, s.Theme, s.Layout.Scale
	size := scene.FontUI * u
	col := th.Muted
	switch h.State {
	case scene.VerdictOK:
		col = th.Good
	case scene.VerdictBad:
		col = th.Bad
		p.print("!", h.Icon, size, th.OnFill, text.AlignCenter, text.AlignCenter)
	}
	if s.Layout.HUDLines == 1 {
		return // the icon alone says it
	}
	p.printLeft(h.Verdict, h.VerdictAt, size, col)
	if s.Hover.Kind == scene.HitButton && s.Hover.Cmd == scene.CmdVerdict {
		p.rect(scene.Rect{X: h.VerdictAt.X, Y: h.VerdictAt.Y + size*1.2, W: h.Hit.Right() - h.VerdictAt.X, H: u}, col)
	}
	load := g.fonts.fit(h.Load, s.Layout.HUD.Right()-h.LoadAt.X, size)
	p.printLeft(load, h.LoadAt, size, th.Muted)
}

// drawHalted draws a node that raft itself stopped: a red body in a solid
// red ring, unlike the grey dashed outline of a node that merely crashed.
func (g *Game) drawHalted(c scene.Point) {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	p.disc(c, l.NodeR, scene.Fade(th.Bad, 0.3))
	p.ring(c, l.NodeR-u, 2*u, th.Bad)
}

// diskMark is where the warning sign of a lying disk goes: on the node's
// timer ring, down and to the right, and its size.
func diskMark(l *scene.Layout, c scene.Point) (scene.Point, float64) {
	d := l.TimerR() * math.Sqrt2 / 2
	return c.Add(scene.Point{X: d, Y: d}), 8 * l.Scale
}

// drawDiskShapes marks a node whose disk lies with a warning sign.
func (g *Game) drawDiskShapes(n *raftsim.NodeView, c scene.Point) {
	if !n.LyingDisk {
		return
	}
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	at, r := diskMark(&s.Layout, c)
	p.polygonPath(at, r, 3, -math.Pi/2)
	p.fillPath(th.Warn)
	p.segment(at.Add(scene.Point{Y: -r * 0.45}), at.Add(scene.Point{Y: r * 0.1}), 1.6*u, th.OnFill)
	p.disc(at.Add(scene.Point{Y: r * 0.33}), 0.9*u, th.OnFill)
}

// drawDiskText names the warning sign of a lying disk beside it.
func (g *Game) drawDiskText(n *raftsim.NodeView, c scene.Point) {
	if !n.LyingDisk {
		return
	}
	s := g.scene
	at, r := diskMark(&s.Layout, c)
	g.paint.print("lying disk", at.Add(scene.Point{X: r + 3*s.Layout.Scale}), scene.FontTiny*s.Layout.Scale, s.Theme.Warn, text.AlignStart, text.AlignCenter)
}
