package scene

import "math"

// SpeedLadder is the list of speeds (virtual ms per wall ms) that Slower and
// Faster step through: from slow enough to follow one message up to fast
// enough to watch many elections.
var SpeedLadder = []float64{0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10}

// Slower returns the next ladder speed below x, or false at the bottom.
func Slower(x float64) (float64, bool) {
	for i := len(SpeedLadder) - 1; i >= 0; i-- {
		if SpeedLadder[i] < x*(1-1e-9) {
			return SpeedLadder[i], true
		}
	}
	return x, false
}

// Faster returns the next ladder speed above x, or false at the top.
func Faster(x float64) (float64, bool) {
	for _, s := range SpeedLadder {
		if s > x*(1+1e-9) {
			return s, true
		}
	}
	return x, false
}

// MaxFrameMs caps the wall time one frame may account for, so a tab that was
// hidden for a minute does not come back and run a minute of virtual time in
// one frame.
const MaxFrameMs = 100

// Pacer turns wall time into whole virtual milliseconds for Sim.Advance and
// keeps the fraction left over, which also places messages between ticks.
type Pacer struct {
	rem float64
	// slept is the wall time, in ms, the game chose to draw no frame for
	// since the last Take.
	slept float64
}

// Take returns how many whole virtual milliseconds wallMs of wall time is
// worth at speed, carrying the fraction to the next call. It counts at most
// MaxFrameMs, and beyond that the time the game slept on purpose (Slept).
func (p *Pacer) Take(wallMs, speed float64) int64 {
	wallMs = math.Max(0, math.Min(wallMs, MaxFrameMs+p.slept))
	p.slept = 0
	v := p.rem + wallMs*speed
	whole := math.Floor(v)
	p.rem = v - whole
	return int64(whole)
}

// Slept tells the pacer the game draws no frame for the next ms of wall
// time, as nothing the picture shows changes before then: the frame after
// counts that time whole, where a stall (a hidden tab) counts MaxFrameMs.
func (p *Pacer) Slept(ms float64) { p.slept = math.Max(0, ms) }

// Fraction is the virtual time carried over, in [0, 1) ms.
func (p *Pacer) Fraction() float64 { return p.rem }
