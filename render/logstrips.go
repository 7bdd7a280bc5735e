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
}

// drawLogs brings the log panel (its part of the cache) up to date: one
// strip per node over a shared window of indexes, so that equal indexes
// line up in a column. fresh says the panel holds nothing yet.
func (g *Game) drawLogs(fresh bool) {
	s, st := g.scene, &g.cache.strips
	l := &s.L
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
	for row, id := range l.NodeIDs {
		g.updateLogRow(row, s.Snap.Node(id), geom, win)
	}
}

// logFrameKey sums up what the whole log panel is drawn for: its place and
// geometry, the theme and which node each row is.
func (g *Game) logFrameKey(geom scene.LogGeom) hasher {
	s := g.scene
	h := newHasher()
	h.str(s.Theme.Name)
	h.rect(s.L.Logs)
	h.bool(s.L.LogKeyWraps)
	for _, f := range []float64{geom.NameX, geom.BoxX, geom.InfoX, geom.BoxW, geom.BoxH, geom.Gap, geom.Top, geom.RowH, geom.InfoRight} {
		h.float(f)
	}
	h.int(uint64(geom.Cols))
	for _, id := range s.L.NodeIDs {
		h.int(id)
	}
	return h
}

// slideCells moves every row's cells by columns to the left (to the right
// when negative), as the window slid.
func (g *Game) slideCells(geom scene.LogGeom, by int) {
	all := geom.CellsRect(len(g.scene.L.NodeIDs))
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

// updateLogRow draws what changed in node n's strip, row row.
func (g *Game) updateLogRow(row int, n *raftsim.NodeView, geom scene.LogGeom, win scene.LogWindow) {
	st := &g.cache.strips
	r := &st.shown.Rows[row]
	if name := scene.LogNameOf(n, g.scene.Snap.NodeName(n.ID), win); !r.NameKnown || name != r.Name {
		g.inPart(geom.NameRect(row), func() { g.drawLogName(name, geom.Row(row), geom) })
		r.Name, r.NameKnown = name, true
	}
	if info := scene.LogInfoOf(n); geom.Info() && (!r.InfoKnown || info != r.Info) {
		g.inPart(geom.InfoRect(row), func() { g.drawLogInfo(info, geom.Row(row), geom) })
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
		g.inPart(geom.CellRect(row, col), func() { g.drawLogCell(c, geom.Box(row, col), geom) })
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
