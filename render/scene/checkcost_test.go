package scene

import (
	"testing"
	"time"
)

func TestCheckCost(t *testing.T) {
	var c CheckCost
	due := 0
	for range 10 * CheckEvery {
		if c.Due() {
			due++
		}
	}
	if due != 10 {
		t.Errorf("%d steps due in %d frames, want 10", due, 10*CheckEvery)
	}
	if c.String() != "" {
		t.Errorf("before any step the cost reads %q", c.String())
	}
	c.Add(9 * time.Millisecond) // the worst, soon out of the window
	for range checkWindow {
		c.Add(time.Millisecond)
	}
	c.Add(3 * time.Millisecond)
	s := c.Stats()
	if s.Steps != checkWindow+2 || s.MaxMs != 3 || s.WorstMs != 9 {
		t.Errorf("stats %+v: want %d steps, max 3 ms, worst 9 ms", s, checkWindow+2)
	}
	if want := (63 + 3) / 64.0; s.MeanMs != want {
		t.Errorf("mean %v ms, want %v", s.MeanMs, want)
	}
	if got, want := c.String(), "check step (≤200 ops, every 4 frames): mean 1.03 ms, max 3.00 ms, worst 9.00 ms"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
