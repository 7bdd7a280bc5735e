package scene

import (
	"math"
	"testing"
)

func TestRectContains(t *testing.T) {
	r := Rect{10, 20, 30, 40}
	for _, tc := range []struct {
		p    Point
		want bool
	}{
		{Point{10, 20}, true},
		{Point{39.9, 59.9}, true},
		{Point{40, 30}, false},
		{Point{20, 60}, false},
		{Point{9.9, 30}, false},
		{r.Center(), true},
	} {
		if got := r.Contains(tc.p); got != tc.want {
			t.Errorf("%v.Contains(%v) = %v, want %v", r, tc.p, got, tc.want)
		}
	}
}

func TestClampInto(t *testing.T) {
	b := Rect{0, 50, 100, 100}
	for _, tc := range []struct{ in, want Rect }{
		{Rect{10, 60, 20, 20}, Rect{10, 60, 20, 20}},
		{Rect{90, 60, 20, 20}, Rect{80, 60, 20, 20}},
		{Rect{-5, 0, 20, 20}, Rect{0, 50, 20, 20}},
		{Rect{10, 60, 200, 20}, Rect{0, 60, 200, 20}},
	} {
		if got := tc.in.clampInto(b); got != tc.want {
			t.Errorf("%v.clampInto(%v) = %v, want %v", tc.in, b, got, tc.want)
		}
	}
}

func TestLerpAndPerp(t *testing.T) {
	if got := Lerp(Point{0, 0}, Point{10, 20}, 0.25); got != (Point{2.5, 5}) {
		t.Errorf("Lerp = %v", got)
	}
	// A quarter turn clockwise on a y-down screen: right becomes down.
	if got := (Point{1, 0}).Perp(); got != (Point{0, 1}) {
		t.Errorf("Perp = %v", got)
	}
	if got := (Point{3, 4}).Unit(); math.Abs(got.X-0.6) > 1e-12 || math.Abs(got.Y-0.8) > 1e-12 {
		t.Errorf("Unit = %v", got)
	}
}
