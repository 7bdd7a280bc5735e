package scene

import (
	"strconv"
	"testing"
)

// TestFitterCutsAsFit checks that a Fitter's cut is Fit's, asked the first
// time, asked again, and asked after its memory filled and started afresh;
// and that asking again does not measure again.
func TestFitterCutsAsFit(t *testing.T) {
	measured := 0
	counting := func(s string, size float64) float64 { measured++; return measure(s, size) }
	f := NewFitter(counting)
	texts := []string{"", "put k1=v1", "n2 applied put /stress/k9=0123456789 at index 4711", "…", "日本語のテキスト"}
	widths := []float64{0, 8, 30, 80, 400}
	check := func(round string) {
		for _, s := range texts {
			for _, w := range widths {
				if got, want := f.Fit(s, w, 13), Fit(s, w, 13, measure); got != want {
					t.Errorf("%s: Fit(%q, %v) = %q, want %q", round, s, w, got, want)
				}
			}
		}
	}
	check("first")
	before := measured
	check("again")
	if measured != before {
		t.Errorf("asked again, the Fitter measured %d more times; want none", measured-before)
	}
	for i := 0; len(f.cuts) < MaxFits; i++ {
		f.Fit("line "+strconv.Itoa(i), 400, 13)
	}
	f.Fit("one more", 400, 13)
	if len(f.cuts) > MaxFits {
		t.Errorf("the Fitter remembers %d cuts, more than %d", len(f.cuts), MaxFits)
	}
	check("after the memory started afresh")
}
