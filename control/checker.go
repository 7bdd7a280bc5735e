package control

import (
	"fmt"
	"time"

	"raftplay/raftsim"
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

// Judged is a run whose clients' history is checked for linearizability a
// step at a time; *raftsim.Sim is one. The verdict so far shows in the
// run's snapshot.
type Judged interface {
	CheckLinearizability(budget int) raftsim.Verdict
}

// Checker paces a run's linearizability check across the page's frames and
// measures what its steps cost the frames that run them. Its zero value has
// taken no step. It is not safe for concurrent use: the page calls it with
// its game's lock held.
type Checker struct {
	frames int
	// verdict is what the latest step gave; stalledAt, when that step
	// judged nothing new, how many operations the run had then, or -1.
	verdict   raftsim.Verdict
	stalledAt int
	recent    [checkWindow]time.Duration
	steps     int
	worst     time.Duration
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

// Frame counts a frame and, when a step is due in it, takes a step of
// run's check, which has had operations so far, and records what it cost;
// it reports whether it took one. The cost counts every run the page
// showed, resets and forks included, since what it measures is the
// frames'.
func (c *Checker) Frame(run Judged, operations int) bool {
	c.frames++
	if c.frames%CheckEvery != 0 {
		return false
	}
	start := time.Now()
	v := run.CheckLinearizability(CheckBudget)
	c.add(time.Since(start))
	c.stalledAt = -1
	if v.Checked == c.verdict.Checked && v.Status == c.verdict.Status {
		c.stalledAt = operations
	}
	c.verdict = v
	return true
}

// Busy reports whether a step could move the verdict of a run with
// operations, checked of them judged: some are left, and the latest step
// judged something or operations came in since. An operation is judged
// only once none that comes later can overlap it, so the last few of a
// quiet run wait for more, and until then the check needs no frames.
func (c *Checker) Busy(checked, operations int) bool {
	return checked < operations && operations != c.stalledAt
}

// add records what one step cost.
func (c *Checker) add(d time.Duration) {
	c.recent[c.steps%checkWindow] = d
	c.steps++
	c.worst = max(c.worst, d)
}

// Stats sums up the steps so far.
func (c *Checker) Stats() CheckStats {
	s := CheckStats{Steps: c.steps, WorstMs: millis(c.worst), Every: CheckEvery, Budget: CheckBudget}
	n := min(c.steps, checkWindow)
	if n == 0 {
		return s
	}
	var sum, top time.Duration
	for _, d := range c.recent[:n] {
		sum += d
		top = max(top, d)
	}
	s.MeanMs, s.MaxMs = millis(sum/time.Duration(n)), millis(top)
	return s
}

// String says what the check costs, for the verdict panel; it is empty
// before the first step.
func (c *Checker) String() string {
	s := c.Stats()
	if s.Steps == 0 {
		return ""
	}
	return fmt.Sprintf("check step (≤%d ops, every %d frames): mean %.2f ms, max %.2f ms, worst %.2f ms",
		s.Budget, s.Every, s.MeanMs, s.MaxMs, s.WorstMs)
}

func millis(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
