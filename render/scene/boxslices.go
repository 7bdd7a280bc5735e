package scene

// SliceSpan is one slice of a box along one axis, as a large rounded box is
// drawn from a small one's picture: pixels Src0 to Src1 of the small one go
// to Dst0 to Dst1.
type SliceSpan struct{ Src0, Src1, Dst0, Dst1 int }

// SliceSpans cuts a box along one axis into three slices: the small box
// lies from b0, size small, with corners reaching corner in from its edges;
// the box is drawn from d0 to d1. The corners are copied as they are and a
// single pixel of straight edge between them is stretched over the middle.
// The first and last slices take the 2 pixels outside the box too, for its
// anti-aliased edge.
func SliceSpans(b0, small, corner, d0, d1 int) [3]SliceSpan {
	return [3]SliceSpan{
		{b0 - 2, b0 + corner, d0 - 2, d0 + corner},
		{b0 + corner, b0 + corner + 1, d0 + corner, d1 - corner},
		{b0 + small - corner, b0 + small + 2, d1 - corner, d1 + 2},
	}
}
