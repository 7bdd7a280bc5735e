package scene

import (
	"image"
	"math"

	"raftplay/raftsim"
)

// LogWindow is the range of log indexes the strips show. It is the same for
// every node, so equal indexes line up in one column and a divergent or
// lagging log stands out.
type LogWindow struct{ First, Last uint64 }

// NewLogWindow returns the latest cols indexes of the longest log in snap.
func NewLogWindow(snap *raftsim.Snapshot, cols int) LogWindow {
	var last uint64
	for i := range snap.Nodes {
		last = max(last, snap.Nodes[i].LastIndex)
	}
	if last == 0 || cols <= 0 {
		return LogWindow{}
	}
	first := uint64(1)
	if last > uint64(cols) {
		first = last - uint64(cols) + 1
	}
	return LogWindow{First: first, Last: last}
}

// Empty reports whether no index is shown.
func (w LogWindow) Empty() bool { return w.Last == 0 }

// EntryAt returns node n's entry at index i, if the snapshot shows it.
func EntryAt(n *raftsim.NodeView, i uint64) (*raftsim.EntryView, bool) {
	if len(n.Log) == 0 || i < n.Log[0].Index {
		return nil, false
	}
	k := i - n.Log[0].Index
	if k >= uint64(len(n.Log)) || n.Log[k].Index != i {
		return nil, false
	}
	return &n.Log[k], true
}

// LogGeom is the geometry of the log strips: a name column, a column per
// index, and an info column with commit, key count and hash.
type LogGeom struct {
	// NameX, BoxX and InfoX are the left edges of the three columns.
	NameX, BoxX, InfoX float64
	BoxW, BoxH, Gap    float64
	Cols               int
	// Top is the y of the first row; RowH the height of each.
	Top, RowH float64
	// InfoRight is where the info column must end, inside the panel; a
	// compact log (a narrow panel) has no info column, and InfoRight is
	// InfoX.
	InfoRight float64
	u         float64
}

// Sizes of the log strips' columns.
const (
	// logWordW is the least width of an entry's box, in CSS pixels: room
	// for the short words stories write ("much", "cool") at FontTiny.
	logWordW = 34.0
	// logLeastCols is the fewest columns worth keeping the info column
	// for: a narrower panel gives it up and shows more entries.
	logLeastCols = 5
)

// LogGeom lays out the log panel's columns.
func (l *Layout) LogGeom(measure Measure) LogGeom {
	u := l.Scale
	tiny := FontTiny * u
	r := l.Logs
	// The columns start and repeat at whole device pixels, so a strip moved
	// along by a column lands on exactly the pixels a fresh draw gives it.
	g := LogGeom{NameX: r.X + Pad*u, Gap: math.Round(3 * u), RowH: l.LogRowH()}
	nameW := measure("n9", FontUI*u) + 10*u
	infoW := math.Max(measure("commit 9999", tiny), measure("99 keys 00000000", tiny))
	g.BoxX = math.Round(g.NameX + nameW)
	avail := r.Right() - Pad*u - infoW - 8*u - g.BoxX
	compact := (avail+g.Gap)/(logWordW*u+g.Gap) < logLeastCols
	if compact {
		avail = r.Right() - Pad*u - g.BoxX
	}
	g.BoxW = math.Min(38*u, math.Max(logWordW*u, avail/10))
	g.Cols = max(1, int((avail+g.Gap)/(g.BoxW+g.Gap)))
	g.BoxW = math.Floor(math.Min(38*u, (avail+g.Gap)/float64(g.Cols)-g.Gap))
	g.InfoX = g.BoxX + float64(g.Cols)*(g.BoxW+g.Gap) + 8*u - g.Gap
	g.BoxH = math.Min(g.RowH-6*u, 22*u)
	g.Top = r.Y + l.LogHead()
	g.InfoRight, g.u = r.Right()-Pad*u/2, u
	if compact {
		g.InfoRight = g.InfoX
	}
	return g
}

// The parts of the strips that are drawn again on their own, as whole
// device pixels, so that parts drawn at different times meet exactly. Each
// holds all that is drawn in it and nothing of the panel's frame or header.

// rowSpan is the rows' top and bottom edges of row i.
func (g LogGeom) rowSpan(i int) (int, int) {
	return int(math.Round(g.Top + float64(i)*g.RowH)), int(math.Round(g.Top + float64(i+1)*g.RowH))
}

// CellRect is the part of row i that column col draws in: its entry's box
// and the gap after it, where the commit and compaction bars go.
func (g LogGeom) CellRect(i, col int) image.Rectangle {
	y0, y1 := g.rowSpan(i)
	x := int(g.BoxX + float64(col)*g.Pitch())
	return image.Rect(x, y0, x+int(g.Pitch()), y1)
}

// CellsRect is the cells of rows rows.
func (g LogGeom) CellsRect(rows int) image.Rectangle {
	y0, _ := g.rowSpan(0)
	_, y1 := g.rowSpan(rows - 1)
	return image.Rect(int(g.BoxX), y0, int(g.BoxX)+g.Cols*int(g.Pitch()), y1)
}

// NameRect is the part of row i before its cells: the node's name and the
// mark of entries before the window.
func (g LogGeom) NameRect(i int) image.Rectangle {
	y0, y1 := g.rowSpan(i)
	return image.Rect(int(math.Floor(g.NameX-g.Gap)), y0, int(g.BoxX), y1)
}

// Info reports whether the strips have their info column.
func (g LogGeom) Info() bool { return g.InfoRight > g.InfoX }

// InfoRect is the part of row i after its cells: commit, keys and hash.
func (g LogGeom) InfoRect(i int) image.Rectangle {
	y0, y1 := g.rowSpan(i)
	return image.Rect(int(math.Floor(g.InfoX)), y0, int(g.InfoRight), y1)
}

// NumbersRect is the band over the cells where the index numbers go,
// reaching over the name and info columns, since a number may be wider
// than its column.
func (g LogGeom) NumbersRect() image.Rectangle {
	tiny := FontTiny * g.u
	return image.Rect(int(math.Floor(g.NameX-g.Gap)), int(math.Floor(g.Top-2*g.u-1.25*tiny)), int(math.Ceil(g.InfoX)), int(math.Floor(g.Top-g.u)))
}

// Pitch is the distance from one column to the next, a whole number of
// device pixels.
func (g LogGeom) Pitch() float64 { return g.BoxW + g.Gap }

// Row returns the rectangle of the i-th row (from 0).
func (g LogGeom) Row(i int) Rect {
	return Rect{g.NameX, g.Top + float64(i)*g.RowH, g.InfoX - g.NameX, g.RowH}
}

// Box returns the entry box of column col in row i.
func (g LogGeom) Box(i, col int) Rect {
	row := g.Row(i)
	return Rect{g.BoxX + float64(col)*(g.BoxW+g.Gap), row.Y + (row.H-g.BoxH)/2, g.BoxW, g.BoxH}
}

// Fit returns text cut, with an ellipsis, to fit width w at font size size.
// It searches the cut by halves, since measuring is the costly part.
func Fit(text string, w, size float64, measure Measure) string {
	if measure(text, size) <= w {
		return text
	}
	r := []rune(text)
	lo, hi := 0, len(r) // the longest fitting prefix is at least lo and less than hi runes
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if measure(string(r[:mid])+"…", size) <= w {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 && measure("…", size) > w {
		return ""
	}
	return string(r[:lo]) + "…"
}

// The log panel's key, after its title: sample boxes for the entries'
// states, then what the marks and colours mean.
var (
	LogKeyStates = []string{"committed", "not yet"}
	LogKeyMarks  = "| commit index  ¦ compacted  colour = term"
)

// LogKeySample is the width of a sample entry box in the key; LogKeyGap the
// space after each of the key's parts.
const (
	LogKeySample = 12.0
	LogKeyGap    = 12.0
)

// LogKeyWidth is how wide the log panel's title and key are on one line.
func LogKeyWidth(u float64, measure Measure) float64 {
	small := FontSmall * u
	w := measure("Logs", FontUI*u) + LogKeyGap*u
	for _, s := range LogKeyStates {
		w += (LogKeySample+4+LogKeyGap)*u + measure(s, small)
	}
	return w + measure(LogKeyMarks, small)
}
