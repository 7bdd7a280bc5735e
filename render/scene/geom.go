package scene

import (
	"image"
	"math"
)

// Point is a position or a vector in device pixels.
type Point struct{ X, Y float64 }

// Add returns p+q.
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

// Sub returns p-q.
func (p Point) Sub(q Point) Point { return Point{p.X - q.X, p.Y - q.Y} }

// Scale returns p scaled by k.
func (p Point) Scale(k float64) Point { return Point{p.X * k, p.Y * k} }

// Len returns the length of p as a vector.
func (p Point) Len() float64 { return math.Hypot(p.X, p.Y) }

// Unit returns p scaled to length 1, or the zero vector for a zero p.
func (p Point) Unit() Point {
	l := p.Len()
	if l == 0 {
		return Point{}
	}
	return p.Scale(1 / l)
}

// Perp returns p turned a quarter turn clockwise on screen (y grows down).
func (p Point) Perp() Point { return Point{-p.Y, p.X} }

// Lerp returns the point a fraction t of the way from a to b.
func Lerp(a, b Point, t float64) Point {
	return Point{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t}
}

// Rect is an axis-aligned rectangle: top-left corner and size.
type Rect struct{ X, Y, W, H float64 }

// Contains reports whether p lies inside r (left and top edges included).
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X < r.X+r.W && p.Y >= r.Y && p.Y < r.Y+r.H
}

// Center returns the middle of r.
func (r Rect) Center() Point { return Point{r.X + r.W/2, r.Y + r.H/2} }

// Right returns the x of r's right edge.
func (r Rect) Right() float64 { return r.X + r.W }

// Bottom returns the y of r's bottom edge.
func (r Rect) Bottom() float64 { return r.Y + r.H }

// Inset returns r shrunk by d on every side.
func (r Rect) Inset(d float64) Rect { return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// Bounds returns the whole pixels r covers.
func (r Rect) Bounds() image.Rectangle {
	return image.Rect(int(math.Floor(r.X)), int(math.Floor(r.Y)), int(math.Ceil(r.Right())), int(math.Ceil(r.Bottom())))
}

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// clampInto moves r the least so that it lies inside bounds, keeping its size
// (a rect larger than bounds is aligned to bounds' top-left corner).
func (r Rect) clampInto(bounds Rect) Rect {
	r.X = math.Max(bounds.X, math.Min(r.X, bounds.Right()-r.W))
	r.Y = math.Max(bounds.Y, math.Min(r.Y, bounds.Bottom()-r.H))
	return r
}
