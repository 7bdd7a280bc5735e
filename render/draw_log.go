package render

import (
	"strconv"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// drawLogs draws (into its part of the cache) one log strip per node over a
// shared window of indexes:
// each entry coloured by its term, solid once committed and hollow before,
// a bar after the commit index, a muted one where the log was compacted
// (the entries before it are in the node's snapshot), then the node's key
// count and state hash.
func (g *Game) drawLogs() {
	s, p := g.scene, &g.paint
	l, th, u := &s.L, s.Theme, s.L.U
	if l.Logs.Empty() {
		return
	}
	p.dst.Fill(th.Background)
	p.box(l.Logs, 8*u, th.Panel, th.PanelBorder, u)
	geom := l.LogGeom(g.fonts.measure)
	win := scene.NewLogWindow(s.Snap, geom.Cols)
	small, tiny := scene.FontSmall*u, scene.FontTiny*u

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

	// Index numbers over the columns; every other one when they are narrow.
	every := uint64(1)
	if g.fonts.measure("999", tiny) > geom.BoxW {
		every = 2
	}
	if !win.Empty() {
		for i := win.First; i <= win.Last; i++ {
			if i%every != 0 {
				continue
			}
			b := geom.Box(0, int(i-win.First))
			p.print(strconv.FormatUint(i, 10), scene.Point{X: b.Center().X, Y: geom.Top - 2*u}, tiny, th.Muted, text.AlignCenter, text.AlignEnd)
		}
	}
	// A row per node on the ring: the members, not those removed.
	for row, id := range l.NodeIDs {
		g.drawLogRow(row, s.Snap.Node(id), geom, win)
	}
}

// printKey draws a sample entry box and its meaning; it returns the x after.
func (g *Game) printKey(x, y float64, what string, hollow bool) float64 {
	s, p := g.scene, &g.paint
	u, th := s.L.U, s.Theme
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

func (g *Game) drawLogRow(row int, n *raftsim.NodeView, geom scene.LogGeom, win scene.LogWindow) {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.L.U
	tiny := scene.FontTiny * u
	r := geom.Row(row)
	nameCol := th.Role(n.Role)
	if !n.Up {
		nameCol = th.Muted
	}
	p.print(s.Snap.NodeName(n.ID), scene.Point{X: r.X, Y: r.Center().Y}, scene.FontUI*u, nameCol, text.AlignStart, text.AlignCenter)

	if !win.Empty() {
		if win.First > max(n.FirstIndex, 1) && n.LastIndex > 0 {
			// The node has entries before the window.
			p.print("…", scene.Point{X: geom.BoxX - 3*u, Y: r.Center().Y}, tiny, th.Muted, text.AlignEnd, text.AlignCenter)
		}
		for i := win.First; i <= win.Last; i++ {
			e, ok := scene.EntryAt(n, i)
			if !ok {
				continue
			}
			g.drawEntry(e, geom.Box(row, int(i-win.First)))
		}
		if c := n.FirstIndex - 1; n.FirstIndex > 1 && c >= win.First && c <= win.Last {
			b := geom.Box(row, int(c-win.First))
			p.rect(scene.Rect{X: b.Right() + geom.Gap/2 - u/2, Y: b.Y, W: u, H: b.H}, th.Muted)
		}
		if n.Commit >= win.First && n.Commit <= win.Last {
			b := geom.Box(row, int(n.Commit-win.First))
			x := b.Right() + geom.Gap/2
			// A plain rectangle: one draw that batches with the sprites.
			p.rect(scene.Rect{X: x - u, Y: b.Y - 2*u, W: 2 * u, H: b.H + 4*u}, th.Text)
		}
	}

	info := scene.Point{X: geom.InfoX, Y: r.Center().Y}
	if !n.Up {
		p.print("down", info, tiny, th.Muted, text.AlignStart, text.AlignCenter)
		return
	}
	p.print("commit "+strconv.FormatUint(n.Commit, 10), info, tiny, th.Text, text.AlignStart, text.AlignEnd)
	p.print(strconv.Itoa(n.Keys)+" keys "+n.Hash, info, tiny, th.Muted, text.AlignStart, text.AlignStart)
}

// drawEntry draws one log entry: solid in its term's colour once committed,
// hollow before, fainter while not yet synced to disk.
func (g *Game) drawEntry(e *raftsim.EntryView, b scene.Rect) {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.L.U
	tiny := scene.FontTiny * u
	col := th.Term(e.Term)
	label := th.OnFill
	if e.Committed {
		p.box(b, 3*u, col, col, 0)
	} else {
		if !e.Durable {
			col = scene.Fade(col, 0.5)
		}
		p.boxOutline(b, 3*u, 1.5*u, col)
		label = th.Text
	}
	name := g.fonts.fit(e.Label, b.W-3*u, tiny)
	p.print(name, b.Center(), tiny, label, text.AlignCenter, text.AlignCenter)
}
