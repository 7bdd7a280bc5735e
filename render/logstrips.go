package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// logStrips keeps what the log strips show, so that a frame draws in them
// only what changed. Under load every frame appends entries, which slides
// the window of indexes a column or more, and moves the commit index:
// drawing every box and label again each time made the strips a third of
// a busy frame. Instead the cells drawn are moved along with the window and
// only the cells, names and info that differ are drawn; the whole panel is
// drawn afresh only when its geometry, theme or rows change.
type logStrips struct {
	// key sums up what the panel was drawn whole for (logFrameKey).
	key   hasher
	shown scene.LogStrips
	// now is a row's cells in this frame, kept to spare an allocation.
	now  []scene.LogCell
	move mover
	// parts are the parts of the strips this frame draws again.
	parts []logPart
}

// logPart is one part of a strip to draw again: a node's name, its info,
// or one cell. The frame draws every part's background first, then every
// shape, then every label, so that each goes to the GPU in one batch: drawn
// part by part, the switches between the panel's fill, the sprite sheet
// and the glyph atlas made a draw call or three of every cell.
type logPart struct {
	at  image.Rectangle
	row int
	// What the part is: a cell when box is set, else name or info.
	isName bool
	name   scene.LogName
	info   scene.LogInfo
	cell   scene.LogCell
	box    scene.Rect
}

// drawLogs brings the log panel (its part of the cache) up to date: one
// strip per node over a shared window of indexes, so that equal indexes
// line up in a column. fresh says the panel holds nothing yet.
func (g *Game) drawLogs(fresh bool) {
	s, st := g.scene, &g.cache.strips
	l := &s.Layout
	if l.Logs.Empty() {
		return
	}
	geom := l.LogGeom(g.fonts.measure)
	if k := g.logFrameKey(geom); fresh || k != st.key {
		st.key = k
		st.shown.Forget(len(l.NodeIDs), geom.Cols)
		g.drawLogFrame(geom)
	}
	win := scene.NewLogWindow(s.Snap, geom.Cols)
	if by := st.shown.Slide(win); by != 0 && len(l.NodeIDs) > 0 {
		g.slideCells(geom, by)
	}
	if !st.shown.NumbersKnown || st.shown.Numbers != win {
		g.drawLogNumbers(geom, win)
		st.shown.Numbers, st.shown.NumbersKnown = win, true
	}
	// A row per node on the ring: the members, not those removed.
	st.parts = st.parts[:0]
	for row, id := range l.NodeIDs {
		g.updateLogRow(row, s.Snap.Node(id), geom, win)
	}
	g.drawLogParts(geom)
}

// drawLogParts draws the parts updateLogRow found changed, each in its own
// place, which its drawing cannot reach outside: a part drawn again alone
// then shows what it shows when the panel is drawn whole.
func (g *Game) drawLogParts(geom scene.LogGeom) {
	p, parts := &g.paint, g.cache.strips.parts
	whole := p.dst
	defer func() { p.dst = whole }()
	in := func(r image.Rectangle) { p.dst = whole.SubImage(r).(*ebiten.Image) }
	for i := range parts {
		in(parts[i].at)
		p.dst.Fill(g.scene.Theme.Panel)
	}
	for i := range parts {
		if pt := &parts[i]; !pt.box.Empty() {
			in(pt.at)
			g.drawLogCellShapes(&pt.cell, pt.box, geom)
		}
	}
	for i := range parts {
		pt := &parts[i]
		in(pt.at)
		switch {
		case !pt.box.Empty():
			if pt.cell.Entry.Index != 0 {
				g.drawEntryLabel(&pt.cell.Entry, pt.box)
			}
		case pt.isName:
			g.drawLogName(pt.name, geom.Row(pt.row), geom)
		default:
			g.drawLogInfo(pt.info, geom.Row(pt.row), geom)
		}
	}
}

// logFrameKey sums up what the whole log panel is drawn for: its place and
// geometry, the theme and which node each row is.
func (g *Game) logFrameKey(geom scene.LogGeom) hasher {
	s := g.scene
	h := newHasher()
	h.str(s.Theme.Name)
	h.rect(s.Layout.Logs)
	h.bool(s.Layout.LogKeyWraps)
	for _, f := range []float64{geom.NameX, geom.BoxX, geom.InfoX, geom.BoxW, geom.BoxH, geom.Gap, geom.Top, geom.RowH, geom.InfoRight} {
		h.float(f)
	}
	h.int(uint64(geom.Cols))
	for _, id := range s.Layout.NodeIDs {
		h.int(id)
	}
	return h
}

// slideCells moves every row's cells by columns to the left (to the right
// when negative), as the window slid.
func (g *Game) slideCells(geom scene.LogGeom, by int) {
	all := geom.CellsRect(len(g.scene.Layout.NodeIDs))
	dx := by * int(geom.Pitch())
	from, to := all, all.Min
	if dx > 0 {
		from.Min.X += dx
	} else {
		from.Max.X += dx
		to.X -= dx
	}
	g.cache.strips.move.move(g.paint.dst, from, to)
}

// updateLogRow finds what changed in node n's strip, row row, and adds it
// to the parts to draw.
func (g *Game) updateLogRow(row int, n *raftsim.NodeView, geom scene.LogGeom, win scene.LogWindow) {
	st := &g.cache.strips
	r := &st.shown.Rows[row]
	if name := scene.LogNameOf(n, g.scene.Snap.NodeName(n.ID), win); !r.NameKnown || name != r.Name {
		st.parts = append(st.parts, logPart{at: geom.NameRect(row), row: row, isName: true, name: name})
		r.Name, r.NameKnown = name, true
	}
	if info := scene.LogInfoOf(n); geom.Info() && (!r.InfoKnown || info != r.Info) {
		st.parts = append(st.parts, logPart{at: geom.InfoRect(row), row: row, info: info})
		r.Info, r.InfoKnown = info, true
	}
	if cap(st.now) < geom.Cols {
		st.now = make([]scene.LogCell, geom.Cols)
	}
	st.now = st.now[:geom.Cols]
	scene.LogCellsOf(st.now, n, win)
	for col := range st.now {
		c := &st.now[col]
		if r.Known[col] && r.Cells[col] == *c {
			continue
		}
		st.parts = append(st.parts, logPart{at: geom.CellRect(row, col), row: row, cell: *c, box: geom.Box(row, col)})
		r.Cells[col], r.Known[col] = *c, true
	}
}

// inPart clears part of the panel to the panel's colour and draws in it
// with draw, which cannot reach outside it: a part drawn again alone then
// shows what it shows when the panel is drawn whole.
func (g *Game) inPart(part image.Rectangle, draw func()) {
	p := &g.paint
	whole := p.dst
	p.dst = whole.SubImage(part).(*ebiten.Image)
	p.dst.Fill(g.scene.Theme.Panel)
	draw()
	p.dst = whole
}
