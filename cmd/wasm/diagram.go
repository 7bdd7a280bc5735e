package main

import (
	"fmt"
	"math"
)

// diagramWindow reads diagram()'s arguments: none, for the window the
// diagram shows, or two moments t0 <= t1, whole virtual milliseconds.
func diagramWindow(args []float64) (t0, t1 int64, window bool, err error) {
	switch len(args) {
	case 0:
		return 0, 0, false, nil
	case 2:
	default:
		return 0, 0, false, fmt.Errorf("diagram takes no arguments, or two: from and to, in virtual ms")
	}
	for _, x := range args {
		if math.IsNaN(x) || x < 0 || x > 1e15 || x != math.Trunc(x) {
			return 0, 0, false, fmt.Errorf("diagram needs whole numbers of virtual milliseconds from 0, got %v", x)
		}
	}
	if args[1] < args[0] {
		return 0, 0, false, fmt.Errorf("diagram's window must not end (%v ms) before it starts (%v ms)", args[1], args[0])
	}
	return int64(args[0]), int64(args[1]), true, nil
}
