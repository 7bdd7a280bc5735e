package main

import (
	"math"
	"strings"
	"testing"
)

func TestSeekMsTakesWholeMillisecondsOnly(t *testing.T) {
	for _, ok := range []float64{0, 1, 600000} {
		if ms, err := seekMs(ok); err != nil || float64(ms) != ok {
			t.Errorf("seekMs(%v) = %d, %v", ok, ms, err)
		}
	}
	for _, bad := range []float64{-1, 0.5, math.NaN(), math.Inf(1), 1e16} {
		if _, err := seekMs(bad); err == nil || !strings.Contains(err.Error(), "whole number of virtual milliseconds") {
			t.Errorf("seekMs(%v): %v", bad, err)
		}
	}
}
