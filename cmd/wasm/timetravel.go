package main

import (
	"fmt"
	"math"
)

// seekMs reads seek()'s argument: a moment of the run, a whole number of
// virtual milliseconds (whether the run has reached it is the timeline's
// to say).
func seekMs(x float64) (int64, error) {
	if math.IsNaN(x) || x < 0 || x > 1e15 || x != math.Trunc(x) {
		return 0, fmt.Errorf("seek needs a moment of the run, a whole number of virtual milliseconds from 0, got %v", x)
	}
	return int64(x), nil
}
