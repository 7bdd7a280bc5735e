package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// eventRows is where the event panel's lines go, in whole device pixels so
// that lines scrolled down land on exactly the pixels a fresh draw gives them.
type eventRows struct {
	x, timeW, textX, width float64
	top, rowH, rows        int
}

// eventRows lays out the event panel's lines below its title.
func (g *Game) eventRows() eventRows {
	s := g.scene
	l, u := &s.Layout, s.Layout.Scale
	small := scene.FontSmall * u
	r := eventRows{x: l.Events.X + scene.Pad*u, timeW: g.fonts.measure("999 999 ms", small)}
	r.textX = r.x + r.timeW + 10*u
	r.width = l.Events.Right() - scene.Pad*u - r.textX
	r.top = int(math.Ceil(l.Events.Y + 6*u + scene.FontUI*u*scene.LineH + 4*u))
	r.rowH = int(math.Round(small * scene.LineH))
	r.rows = max(0, int((l.Events.Bottom()-scene.Pad*u-float64(r.top))/float64(r.rowH)))
	return r
}

// band is the rectangle of rows first to first+n-1, across the panel inside
// its border.
func (r eventRows) band(l *scene.Layout, first, n int) image.Rectangle {
	y := r.top + first*r.rowH
	return image.Rect(int(math.Ceil(l.Events.X+2*l.Scale)), y, int(l.Events.Right()-2*l.Scale), y+n*r.rowH)
}

// drawEvents draws the event log panel (into its part of the cache): the
// latest events, newest at the top, each with its virtual time and coloured
// by what it reports. With added > 0 the panel already shows every event
// but the newest added ones: its lines move down by that many rows and only
// the new lines are drawn, so a busy cluster costs a few lines a frame, not
// the whole list. When more lines came than the list has rows, only the
// rows are drawn again, each once, with the newest lines: the panel around
// them stays, and lines that would have scrolled off unseen are never drawn.
func (g *Game) drawEvents(added int) {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	if l.Events.Empty() {
		return
	}
	r := g.eventRows()
	switch {
	case added > 0 && added < r.rows:
		g.scrollEvents(r, added)
	case added > 0:
		added = r.rows
		p.dst.SubImage(r.band(l, 0, r.rows)).(*ebiten.Image).Fill(th.Panel)
	default:
		added = r.rows
		p.dst.Fill(th.Background)
		p.box(l.Events, 8*u, th.Panel, th.PanelBorder, u)
		title := scene.Point{X: r.x, Y: l.Events.Y + 6*u}
		p.printLeft("Events", title, scene.FontUI*u, th.Text)
		if !s.Snap.Paused {
			// Message traffic would flood the list; a step shows it.
			title.X += g.fonts.measure("Events", scene.FontUI*u) + 10*u
			p.printLeft("sends and deliveries are listed while paused", title.Add(scene.Point{Y: 2 * u}), scene.FontSmall*u, th.Muted)
		}
	}
	if r.rows <= 0 {
		return
	}
	small := scene.FontSmall * u
	g.shown = s.Log.Latest(g.shown, min(added, r.rows))
	for i := len(g.shown) - 1; i >= 0; i-- {
		e := &g.shown[i]
		y := float64(r.top + (len(g.shown)-1-i)*r.rowH)
		p.print(scene.FormatMs(e.AtMs), scene.Point{X: r.x + r.timeW, Y: y}, small, th.Muted, text.AlignEnd, text.AlignStart)
		line := g.fonts.fit(scene.EventText(e, s.Snap), r.width, small)
		p.printLeft(line, scene.Point{X: r.textX, Y: y}, small, g.eventColour(e))
	}
}

// scrollEvents moves the panel's lines down by added rows, dropping those
// that fall off the bottom, and blanks the rows at the top for the new
// lines.
func (g *Game) scrollEvents(r eventRows, added int) {
	l, dst := &g.scene.Layout, g.paint.dst
	kept := r.band(l, 0, r.rows-added)
	g.cache.evMove.move(dst, kept, kept.Min.Add(image.Point{Y: added * r.rowH}))
	dst.SubImage(r.band(l, 0, added)).(*ebiten.Image).Fill(g.scene.Theme.Panel)
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
