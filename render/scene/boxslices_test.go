package scene

import "testing"

// A box cut into slices: the corners are copied pixel for pixel, the middle
// slice stretches a single pixel of straight edge, and the slices cover the
// box and its 2-pixel fringe from edge to edge without gaps or overlaps.
func TestSliceSpans(t *testing.T) {
	for _, tc := range []struct{ b0, small, corner, d0, d1 int }{
		{100, 20, 9, 5, 1275},
		{0, 12, 5, 40, 52},
		{7, 20, 9, 300, 321},
	} {
		s := SliceSpans(tc.b0, tc.small, tc.corner, tc.d0, tc.d1)
		if s[0].Dst0 != tc.d0-2 || s[2].Dst1 != tc.d1+2 {
			t.Errorf("%+v: slices cover %d to %d, want %d to %d", tc, s[0].Dst0, s[2].Dst1, tc.d0-2, tc.d1+2)
		}
		for i := range 2 {
			if s[i].Dst1 != s[i+1].Dst0 || s[i].Src1 > s[i+1].Src0 {
				t.Errorf("%+v: slices %d and %d do not meet: %+v", tc, i, i+1, s)
			}
		}
		for _, i := range []int{0, 2} {
			if s[i].Src1-s[i].Src0 != s[i].Dst1-s[i].Dst0 {
				t.Errorf("%+v: corner slice %d is scaled: %+v", tc, i, s[i])
			}
		}
		if s[1].Src1-s[1].Src0 != 1 {
			t.Errorf("%+v: the middle slice stretches %d pixels, not one", tc, s[1].Src1-s[1].Src0)
		}
	}
}
