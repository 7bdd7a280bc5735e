package scene

import (
	"image"
	"math"
)

// Shelves packs rectangles into a square sheet of side Size, row by row:
// each goes to the right of the one before on the current shelf, or starts
// a shelf under the tallest of it. The sprite sheet places its sprites so.
type Shelves struct {
	Size int
	// y is the current shelf's top, h its height so far, x its first free
	// column.
	y, h, x int
}

// Reset empties the sheet.
func (s *Shelves) Reset() { s.y, s.h, s.x = 0, 0, 0 }

// CellSize is the whole-pixel size of a cell for a sprite w×h pixels across,
// with margin pixels of clear space around it; ok is false for a sprite that
// has no area or a size that is not a number (a panel laid out on a frame
// only a few pixels wide can come out of a negative size). Such a sprite has
// nothing to show, and a cell of no area or of negative size would overlap
// the cells placed before it.
func CellSize(w, h float64, margin int) (cw, ch int, ok bool) {
	if !(w > 0 && h > 0) || math.IsInf(w, 0) || math.IsInf(h, 0) {
		return 0, 0, false
	}
	return int(math.Ceil(w)) + margin, int(math.Ceil(h)) + margin, true
}

// Place returns where a w×h cell goes, clear of every cell placed since the
// last Reset; full is set when the sheet has no room left for it, and then
// nothing is placed (the caller resets the sheet and places it again). A
// cell larger than the sheet is cut to it.
func (s *Shelves) Place(w, h int) (r image.Rectangle, full bool) {
	w, h = min(max(w, 1), s.Size), min(max(h, 1), s.Size)
	if s.x+w > s.Size {
		s.y += s.h
		s.h, s.x = 0, 0
	}
	if s.y+h > s.Size {
		return image.Rectangle{}, true
	}
	r = image.Rect(s.x, s.y, s.x+w, s.y+h)
	s.x += w
	s.h = max(s.h, h)
	return r, false
}
