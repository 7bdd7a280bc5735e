package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// drawEvents draws the event log panel (into its part of the cache): the
// latest events, newest at the top, each with its virtual time and coloured
// by what it reports.
func (g *Game) drawEvents() {
	s, p := g.scene, &g.paint
	l, th, u := &s.L, s.Theme, s.L.U
	if l.Events.Empty() {
		return
	}
	p.dst.Fill(th.Background)
	p.box(l.Events, 8*u, th.Panel, th.PanelBorder, u)
	small := scene.FontSmall * u
	lineH := small * scene.LineH
	x := l.Events.X + scene.Pad*u
	title := scene.Point{X: x, Y: l.Events.Y + 6*u}
	p.printLeft("Events", title, scene.FontUI*u, th.Text)
	if !s.Snap.Paused {
		// Message traffic would flood the list; a step shows it.
		title.X += g.fonts.measure("Events", scene.FontUI*u) + 10*u
		p.printLeft("sends and deliveries are listed while paused", title.Add(scene.Point{Y: 2 * u}), small, th.Muted)
	}

	top := l.Events.Y + 6*u + scene.FontUI*u*scene.LineH + 4*u
	rows := int((l.Events.Bottom() - scene.Pad*u - top) / lineH)
	if rows <= 0 {
		return
	}
	timeW := g.fonts.measure("999 999 ms", small)
	textX := x + timeW + 10*u
	width := l.Events.Right() - scene.Pad*u - textX
	g.shown = s.Log.Latest(g.shown, rows)
	for i := len(g.shown) - 1; i >= 0; i-- {
		e := &g.shown[i]
		y := top + float64(len(g.shown)-1-i)*lineH
		p.print(scene.FormatMs(e.AtMs), scene.Point{X: x + timeW, Y: y}, small, th.Muted, text.AlignEnd, text.AlignStart)
		line := scene.Fit(e.Text, width, small, g.fonts.measure)
		p.printLeft(line, scene.Point{X: textX, Y: y}, small, g.eventColour(e))
	}
}

// eventColour tells kinds of events apart: violations and halts in red,
// elections in the leader's colour, crashes dim, actions in the accent.
func (g *Game) eventColour(e *raftsim.Event) color.RGBA {
	th := g.scene.Theme
	switch e.Kind {
	case raftsim.EvViolation, raftsim.EvHalt:
		return th.Bad
	case raftsim.EvElected:
		return th.Leader
	case raftsim.EvCrash, raftsim.EvDropped:
		return th.Muted
	case raftsim.EvRestart, raftsim.EvCommit, raftsim.EvClient:
		return th.Good
	case raftsim.EvAction:
		return th.Accent
	}
	return th.Text
}
