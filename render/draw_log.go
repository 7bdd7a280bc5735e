package render

import (
	"image/color"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// drawLogFrame draws what the log panel shows whatever the logs hold: the
// panel, its title and the key to the strips. The strips themselves are
// drawn part by part (see logStrips): in each, a node's name, then its
// entries coloured by their term, solid once committed and hollow before, a
// bar after the commit index, a muted one where the log was compacted (the
// entries before it are in the node's snapshot), then the node's commit
// index, key count and state hash.
func (g *Game) drawLogFrame(geom scene.LogGeom) {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	p.dst.Fill(th.Background)
	p.box(l.Logs, 8*u, th.Panel, th.PanelBorder, u)
	small := scene.FontSmall * u

	title := scene.Point{X: geom.NameX, Y: l.Logs.Y + 6*u}
	p.printLeft("Logs", title, scene.FontUI*u, th.Text)
	x := title.X + g.fonts.measure("Logs", scene.FontUI*u) + scene.LogKeyGap*u
	for i, state := range scene.LogKeyStates {
		x = g.printKey(x, title.Y+2*u, state, i > 0)
	}
	marks := scene.Point{X: x, Y: title.Y + 2*u}
	if l.LogKeyWraps {
		// A phone's panel: the marks go on the next line rather than off
		// the panel's edge.
		marks = scene.Point{X: title.X, Y: title.Y + scene.FontUI*u*scene.LineH}
	}
	p.printLeft(scene.LogKeyMarks, marks, small, th.Muted)
}

// drawLogNumbers draws the index numbers over the columns of window win;
// every other one when they are narrow.
func (g *Game) drawLogNumbers(geom scene.LogGeom, win scene.LogWindow) {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	tiny := scene.FontTiny * u
	every := uint64(1)
	if g.fonts.measure("999", tiny) > geom.BoxW {
		every = 2
	}
	g.inPart(geom.NumbersRect(), func() {
		if win.Empty() {
			return
		}
		for i := win.First; i <= win.Last; i++ {
			if i%every != 0 {
				continue
			}
			b := geom.Box(0, int(i-win.First))
			p.print(strconv.FormatUint(i, 10), scene.Point{X: b.Center().X, Y: geom.Top - 2*u}, tiny, th.Muted, text.AlignCenter, text.AlignEnd)
		}
	})
}

// printKey draws a sample entry box and its meaning; it returns the x after.
func (g *Game) printKey(x, y float64, what string, hollow bool) float64 {
	s, p := g.scene, &g.paint
	u, th := s.Layout.Scale, s.Theme
	small := scene.FontSmall * u
	box := scene.Rect{X: x, Y: y + 2*u, W: scene.LogKeySample * u, H: small - 2*u}
	if hollow {
		p.boxOutline(box, 2*u, 1.5*u, th.Muted)
	} else {
		p.box(box, 2*u, th.Muted, th.Muted, 0)
	}
	x += box.W + 4*u
	p.printLeft(what, scene.Point{X: x, Y: y}, small, th.Muted)
	return x + g.fonts.measure(what, small) + scene.LogKeyGap*u
}

// drawLogName draws the part of a strip before its cells, in row r.
func (g *Game) drawLogName(name scene.LogName, r scene.Rect, geom scene.LogGeom) {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	col := th.Role(name.Role)
	if !name.Up {
		col = th.Muted
	}
	p.print(name.Name, scene.Point{X: r.X, Y: r.Center().Y}, scene.FontUI*u, col, text.AlignStart, text.AlignCenter)
	if name.Earlier {
		// The node has entries before the window.
		p.print("…", scene.Point{X: geom.BoxX - 3*u, Y: r.Center().Y}, scene.FontTiny*u, th.Muted, text.AlignEnd, text.AlignCenter)
	}
}

// drawLogInfo draws the part of a strip after its cells, in row r.
func (g *Game) drawLogInfo(info scene.LogInfo, r scene.Rect, geom scene.LogGeom) {
	s, p := g.scene, &g.paint
	th, tiny := s.Theme, scene.FontTiny*s.Layout.Scale
	at := scene.Point{X: geom.InfoX, Y: r.Center().Y}
	lines := info.Lines(r.H, s.Layout.Scale)
	if len(lines) == 1 {
		col := th.Text
		if !info.Up {
			col = th.Muted
		}
		p.print(g.fonts.fit(lines[0], geom.InfoRight-geom.InfoX, tiny), at, tiny, col, text.AlignStart, text.AlignCenter)
		return
	}
	p.print(lines[0], at, tiny, th.Text, text.AlignStart, text.AlignEnd)
	p.print(lines[1], at, tiny, th.Muted, text.AlignStart, text.AlignStart)
}

// drawLogCellShapes draws the shapes of one column of a strip: its entry's
// box in b, then the compaction and commit bars in the gap after it.
func (g *Game) drawLogCellShapes(c *scene.LogCell, b scene.Rect, geom scene.LogGeom) {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	if c.Entry.Index != 0 {
		g.drawEntryShape(&c.Entry, b)
	}
	if c.Compacted {
		p.rect(scene.Rect{X: b.Right() + geom.Gap/2 - u/2, Y: b.Y, W: u, H: b.H}, th.Muted)
	}
	if c.Commit {
		x := b.Right() + geom.Gap/2
		// A plain rectangle: one draw that batches with the sprites.
		p.rect(scene.Rect{X: x - u, Y: b.Y - 2*u, W: 2 * u, H: b.H + 4*u}, th.Text)
	}
}

// entryColours are the colours of a log entry: its box's, solid in its
// term's colour once committed and hollow before, fainter while not yet
// synced to disk; and its label's.
func (g *Game) entryColours(e *raftsim.EntryView) (box, label color.RGBA) {
	th := g.scene.Theme
	box = th.Term(e.Term)
	switch {
	case e.Committed:
		return box, th.OnFill
	case !e.Durable:
		box = scene.Fade(box, 0.5)
	}
	return box, th.Text
}

// drawEntryShape draws one log entry's box.
func (g *Game) drawEntryShape(e *raftsim.EntryView, b scene.Rect) {
	p, u := &g.paint, g.scene.Layout.Scale
	col, _ := g.entryColours(e)
	if e.Committed {
		if !p.cellSprite(spriteBox, b, 3*u, 0, col) {
			p.box(b, 3*u, col, col, 0)
		}
		return
	}
	if !p.cellSprite(spriteBoxOutline, b, 3*u, 1.5*u, col) {
		p.boxOutline(b, 3*u, 1.5*u, col)
	}
}

// drawEntryLabel writes one log entry's label in its box.
func (g *Game) drawEntryLabel(e *raftsim.EntryView, b scene.Rect) {
	p, u := &g.paint, g.scene.Layout.Scale
	tiny := scene.FontTiny * u
	_, label := g.entryColours(e)
	if b.H < tiny {
		// A row squeezed by the console: the box alone, not a word
		// spilling over it.
		return
	}
	name := g.fonts.fit(e.Label, b.W-3*u, tiny)
	p.print(name, b.Center(), tiny, label, text.AlignCenter, text.AlignCenter)
}
