package scene

import (
	"fmt"
	"time"
)

// The linearizability check runs inside frames, a bounded step at a time:
// every CheckEvery frames it judges at most about CheckBudget operations, so
// no frame waits long for it even while stress piles up history.
const (
	CheckEvery  = 4
	CheckBudget = 200
)

// checkWindow is how many recent steps the moving mean and max cover.
const checkWindow = 64

// CheckCost paces the linearizability check and measures what its steps
// cost the frames that run them.
type CheckCost struct {
	frames int
	recent [checkWindow]time.Duration
	steps  int
	worst  time.Duration
}

// CheckStats sums up the check's cost, in wall milliseconds per step.
type CheckStats struct {
	Steps int `json:"steps"`
	// MeanMs and MaxMs cover the latest checkWindow steps; WorstMs all of them.
	MeanMs  float64 `json:"mean_ms"`
	MaxMs   float64 `json:"max_ms"`
	WorstMs float64 `json:"worst_ms"`
	Every   int     `json:"every_frames"`
	Budget  int     `json:"budget_ops"`
}

// Due counts a frame and reports whether the check takes a step in it.
func (c *CheckCost) Due() bool {
	c.frames++
	return c.frames%CheckEvery == 0
}

// Add records what one step cost.
func (c *CheckCost) Add(d time.Duration) {
	c.recent[c.steps%checkWindow] = d
	c.steps++
	c.worst = max(c.worst, d)
}

// Stats sums up the steps so far.
func (c *CheckCost) Stats() CheckStats {
	s := CheckStats{Steps: c.steps, WorstMs: ms(c.worst), Every: CheckEvery, Budget: CheckBudget}
	n := min(c.steps, checkWindow)
	if n == 0 {
		return s
	}
	var sum, top time.Duration
	for _, d := range c.recent[:n] {
		sum += d
		top = max(top, d)
	}
	s.MeanMs, s.MaxMs = ms(sum/time.Duration(n)), ms(top)
	return s
}

// String says what the check costs, for the verdict panel; it is empty
// before the first step.
func (c *CheckCost) String() string {
	s := c.Stats()
	if s.Steps == 0 {
		return ""
	}
	return fmt.Sprintf("check step (≤%d ops, every %d frames): mean %.2f ms, max %.2f ms, worst %.2f ms",
		s.Budget, s.Every, s.MeanMs, s.MaxMs, s.WorstMs)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
