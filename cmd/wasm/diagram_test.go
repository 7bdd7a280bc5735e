package main

import (
	"math"
	"strings"
	"testing"
)

func TestDiagramWindow(t *testing.T) {
	if _, _, window, err := diagramWindow(nil); window || err != nil {
		t.Errorf("no arguments: window %v, %v", window, err)
	}
	if t0, t1, window, err := diagramWindow([]float64{100, 250}); !window || err != nil || t0 != 100 || t1 != 250 {
		t.Errorf("100, 250: %d..%d %v %v", t0, t1, window, err)
	}
	for _, bad := range [][]float64{{5}, {1, 2, 3}, {-1, 5}, {1.5, 5}, {math.NaN(), 5}, {9, 3}, {0, math.Inf(1)}} {
		if _, _, _, err := diagramWindow(bad); err == nil || !strings.Contains(err.Error(), "diagram") {
			t.Errorf("%v: accepted, or unclear: %v", bad, err)
		}
	}
}
