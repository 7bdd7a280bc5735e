package scene

import (
	"testing"

	"raftplay/raftsim"
)

// A strip's cells: the entries the node holds in the window, the commit
// bar after the commit index, the compaction bar before its first entry,
// nothing past its last.
func TestLogCellsOf(t *testing.T) {
	n := raftsim.NodeView{FirstIndex: 5, LastIndex: 9, Commit: 7, Log: logOf(5, 9)}
	cells := make([]LogCell, 8)
	LogCellsOf(cells, &n, LogWindow{First: 3, Last: 10})
	for col, c := range cells {
		i := uint64(3 + col)
		if has := i >= 5 && i <= 9; has != (c.Entry.Index == i) {
			t.Errorf("column %d (index %d): entry %+v", col, i, c.Entry)
		}
		if c.Commit != (i == 7) || c.Compacted != (i == 4) {
			t.Errorf("column %d (index %d): commit bar %v, compaction bar %v", col, i, c.Commit, c.Compacted)
		}
	}
	LogCellsOf(cells, &n, LogWindow{})
	for col, c := range cells {
		if c != (LogCell{}) {
			t.Errorf("an empty window shows %+v in column %d", c, col)
		}
	}
}

// Sliding keeps each cell with its index: after the slide, every known
// cell is what a node's cells over the new window hold there, and the
// columns that came in are unknown.
func TestLogStripsSlide(t *testing.T) {
	n := raftsim.NodeView{FirstIndex: 1, LastIndex: 30, Commit: 20, Log: logOf(1, 30)}
	const cols = 10
	for _, tc := range []struct {
		from, to LogWindow
		by       int
		unknown  int // columns unknown after the slide
	}{
		{LogWindow{11, 20}, LogWindow{14, 23}, 3, 3},
		{LogWindow{14, 23}, LogWindow{11, 20}, -3, 3},
		{LogWindow{11, 20}, LogWindow{11, 20}, 0, 0},
		{LogWindow{1, 10}, LogWindow{21, 30}, 0, cols},
		{LogWindow{}, LogWindow{1, 4}, 0, 0},
	} {
		var s LogStrips
		s.Forget(1, cols)
		LogCellsOf(s.Rows[0].Cells, &n, tc.from)
		for i := range s.Rows[0].Known {
			s.Rows[0].Known[i] = true
		}
		s.Window = tc.from
		if by := s.Slide(tc.to); by != tc.by {
			t.Errorf("%v → %v: slid by %d, want %d", tc.from, tc.to, by, tc.by)
		}
		want := make([]LogCell, cols)
		LogCellsOf(want, &n, tc.to)
		unknown := 0
		for col, known := range s.Rows[0].Known {
			if !known {
				unknown++
				continue
			}
			if tc.from.Empty() {
				continue // known to be empty: drawn again where it differs
			}
			if s.Rows[0].Cells[col] != want[col] {
				t.Errorf("%v → %v: column %d holds %+v, want %+v", tc.from, tc.to, col, s.Rows[0].Cells[col], want[col])
			}
		}
		if unknown != tc.unknown {
			t.Errorf("%v → %v: %d columns unknown, want %d", tc.from, tc.to, unknown, tc.unknown)
		}
	}
}

// The parts drawn again on their own tile the strips without overlapping,
// at every screen: the cells of a row meet edge to edge, a column apart,
// between the name and the info, and the index numbers stay above them.
func TestLogPartsTile(t *testing.T) {
	for _, sc := range screens {
		l := NewLayout(sc.w, sc.h, sc.u, 5, ControlsFull, measure)
		g := l.LogGeom(measure)
		if g.Pitch() != float64(int(g.Pitch())) || g.BoxX != float64(int(g.BoxX)) {
			t.Errorf("%v: columns at %v every %v, not whole pixels", sc, g.BoxX, g.Pitch())
		}
		all := g.CellsRect(l.Nodes)
		if !all.In(l.Logs.Bounds()) || !g.NumbersRect().In(l.Logs.Bounds()) || g.NumbersRect().Max.Y > all.Min.Y {
			t.Errorf("%v: cells %v, numbers %v, panel %v", sc, all, g.NumbersRect(), l.Logs.Bounds())
		}
		for row := range l.Nodes {
			prev := g.NameRect(row)
			for col := range g.Cols {
				c := g.CellRect(row, col)
				if c.Min.X != prev.Max.X || !c.In(all) || !g.Box(row, col).Bounds().In(c) {
					t.Errorf("%v: row %d column %d at %v after %v; box %v", sc, row, col, c, prev, g.Box(row, col))
				}
				prev = c
			}
			if info := g.InfoRect(row); info.Min.X < prev.Max.X {
				t.Errorf("%v: row %d info %v overlaps the last cell %v", sc, row, info, prev)
			}
			if row > 0 && g.CellRect(row, 0).Min.Y != g.CellRect(row-1, 0).Max.Y {
				t.Errorf("%v: row %d does not meet row %d", sc, row, row-1)
			}
		}
	}
}
