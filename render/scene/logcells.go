package scene

import (
	"strconv"

	"raftplay/raftsim"
)

// LogCell is what one column of a node's log strip shows: the entry at its
// index (the zero entry where the node has none) and the bars drawn in the
// gap after it. Two equal cells look the same, whatever their column, so a
// strip drawn once can be moved a column along and only its changed cells
// drawn again.
type LogCell struct {
	Entry raftsim.EntryView
	// Commit is the commit index's bar; Compacted the bar where the log
	// was compacted (the entries up to this one are in the snapshot).
	Commit, Compacted bool
}

// LogName is what a strip shows before its cells: the node's name in its
// role's colour (muted when down), and whether it has entries before the
// window.
type LogName struct {
	Name        string
	Role        raftsim.Role
	Up, Earlier bool
}

// LogInfo is what a strip shows after its cells: the node's commit index,
// key count and state hash, or that it is down.
type LogInfo struct {
	Up     bool
	Commit uint64
	Keys   int
	Hash   string
}

// Lines are what the info column says in a row rowH high (device pixels,
// u per CSS pixel): the commit index over the key count and the hash where
// two lines fit, else both counts on one line, so that short rows (a
// phone's, with the console open) do not write over one another.
func (i LogInfo) Lines(rowH, u float64) []string {
	commit := "commit " + strconv.FormatUint(i.Commit, 10)
	keys := strconv.Itoa(i.Keys) + " keys"
	switch {
	case !i.Up:
		return []string{"down"}
	case rowH < 2*FontTiny*u*LineH:
		return []string{commit + " · " + keys}
	}
	return []string{commit, keys + " " + i.Hash}
}

// LogRow is one node's strip as drawn.
type LogRow struct {
	Name  LogName
	Info  LogInfo
	Cells []LogCell
	// Known tells, column by column, whether the picture holds Cells'
	// cell there; a column moved in from outside the strip holds nothing.
	Known []bool
	// NameKnown and InfoKnown tell whether the picture holds Name and Info.
	NameKnown, InfoKnown bool
}

// LogStrips is what the log panel's strips show, a row per node, kept
// between frames so a frame can tell which parts of the picture to draw
// again.
type LogStrips struct {
	// Window is the window the cells' columns stand for: column c shows
	// index Window.First+c.
	Window LogWindow
	// Numbers is the window the index numbers over the columns show, when
	// NumbersKnown.
	Numbers      LogWindow
	NumbersKnown bool
	Rows         []LogRow
}

// Forget marks every part of the strips as not drawn: the picture is about
// to be drawn afresh, with rows for rows nodes of cols columns each.
func (s *LogStrips) Forget(rows, cols int) {
	s.NumbersKnown = false
	s.Rows = s.Rows[:0]
	for range rows {
		s.Rows = append(s.Rows, LogRow{Cells: make([]LogCell, cols), Known: make([]bool, cols)})
	}
}

// Slide moves every row's cells along to window to, as the picture is
// moved when the strips slide, and returns by how many columns: to the
// left when positive, to the right when negative. Columns that come in from
// outside are not known; a move of a whole strip or more keeps nothing and
// returns 0. An empty window has empty cells wherever it starts, so a move
// from or to one moves nothing.
func (s *LogStrips) Slide(to LogWindow) int {
	from := s.Window
	s.Window = to
	if from.Empty() || to.Empty() {
		return 0
	}
	by := int(int64(to.First) - int64(from.First))
	for i := range s.Rows {
		r := &s.Rows[i]
		cols := len(r.Cells)
		switch {
		case by >= cols || -by >= cols:
			clear(r.Known)
		case by > 0:
			copy(r.Cells, r.Cells[by:])
			copy(r.Known, r.Known[by:])
			clear(r.Known[cols-by:])
		case by < 0:
			copy(r.Cells[-by:], r.Cells)
			copy(r.Known[-by:], r.Known)
			clear(r.Known[:-by])
		}
	}
	if len(s.Rows) == 0 || by >= len(s.Rows[0].Cells) || -by >= len(s.Rows[0].Cells) {
		return 0
	}
	return by
}

// LogCellsOf fills dst (one cell a column) with what node n's strip shows
// over window win.
func LogCellsOf(dst []LogCell, n *raftsim.NodeView, win LogWindow) {
	clear(dst)
	if win.Empty() {
		return
	}
	for col := range dst {
		i := win.First + uint64(col)
		if i > win.Last {
			break
		}
		c := &dst[col]
		if e, ok := EntryAt(n, i); ok {
			c.Entry = *e
		}
		c.Commit = n.Commit == i
		c.Compacted = n.FirstIndex > 1 && n.FirstIndex-1 == i
	}
}

// LogNameOf returns what node n's strip shows before its cells over window
// win; name is the node's name.
func LogNameOf(n *raftsim.NodeView, name string, win LogWindow) LogName {
	earlier := !win.Empty() && win.First > max(n.FirstIndex, 1) && n.LastIndex > 0
	return LogName{Name: name, Role: n.Role, Up: n.Up, Earlier: earlier}
}

// LogInfoOf returns what node n's strip shows after its cells.
func LogInfoOf(n *raftsim.NodeView) LogInfo {
	if !n.Up {
		return LogInfo{}
	}
	return LogInfo{Up: true, Commit: n.Commit, Keys: n.Keys, Hash: n.Hash}
}
