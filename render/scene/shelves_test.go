package scene

import (
	"math"
	"testing"
)

// A sprite of no area, of a negative size or of a size that is not a number
// gets no cell: a panel laid out on a frame a few pixels wide comes out of a
// negative width, and its cell, placed, overlapped the sprites before it, so
// the nodes were drawn with squares in them for good.
func TestCellSizeRefusesWhatHasNoArea(t *testing.T) {
	for _, sz := range [][2]float64{{0, 5}, {5, 0}, {-148, -10}, {-3, 8}, {math.NaN(), 4}, {4, math.Inf(1)}} {
		if w, h, ok := CellSize(sz[0], sz[1], 4); ok {
			t.Errorf("a %v×%v sprite gets a %d×%d cell; want none", sz[0], sz[1], w, h)
		}
	}
	if w, h, ok := CellSize(20.25, 9, 4); !ok || w != 25 || h != 13 {
		t.Errorf("a 20.25×9 sprite with a margin of 4 gets %d×%d (%v); want 25×13", w, h, ok)
	}
}

// Cells placed on the shelves never overlap and stay on the sheet, however
// their sizes vary, until the sheet is full.
func TestShelvesNeverOverlap(t *testing.T) {
	s := Shelves{Size: 256}
	var placed []Rect
	sizes := []int{30, 7, 100, 64, 1, 250, 3, 90, 0, -20, 400}
	for i := 0; ; i++ {
		w, h := sizes[i%len(sizes)], sizes[(i*7+3)%len(sizes)]
		r, full := s.Place(w, h)
		if full {
			if i < 5 {
				t.Fatalf("the sheet is full after %d cells", i)
			}
			break
		}
		if r.Dx() < 1 || r.Dy() < 1 || r.Min.X < 0 || r.Min.Y < 0 || r.Max.X > s.Size || r.Max.Y > s.Size {
			t.Fatalf("cell %d (%d×%d asked) is %v, not a cell on the sheet", i, w, h, r)
		}
		c := Rect{X: float64(r.Min.X), Y: float64(r.Min.Y), W: float64(r.Dx()), H: float64(r.Dy())}
		for j, o := range placed {
			if c.X < o.Right() && o.X < c.Right() && c.Y < o.Bottom() && o.Y < c.Bottom() {
				t.Fatalf("cell %d %v overlaps cell %d %+v", i, r, j, o)
			}
		}
		placed = append(placed, c)
	}
	s.Reset()
	if r, full := s.Place(10, 10); full || r.Min.X != 0 || r.Min.Y != 0 {
		t.Errorf("after Reset the first cell is %v (full %v); want the top left corner", r, full)
	}
}
