package scene

import (
	"math"
	"testing"

	"raftplay/raftsim"
)

func TestLadder(t *testing.T) {
	for _, tc := range []struct {
		x           float64
		slower      float64
		slowerOK    bool
		faster      float64
		fasterOK    bool
		description string
	}{
		{0.03, 0.02, true, 0.05, true, "on the ladder"},
		{0.04, 0.03, true, 0.05, true, "between rungs"},
		{0.005, 0.005, false, 0.01, true, "bottom"},
		{10, 5, true, 10, false, "top"},
		{1000, 10, true, 1000, false, "above the top"},
		{0.001, 0.001, false, 0.005, true, "below the bottom"},
	} {
		if got, ok := Slower(tc.x); got != tc.slower || ok != tc.slowerOK {
			t.Errorf("%s: Slower(%v) = %v, %v", tc.description, tc.x, got, ok)
		}
		if got, ok := Faster(tc.x); got != tc.faster || ok != tc.fasterOK {
			t.Errorf("%s: Faster(%v) = %v, %v", tc.description, tc.x, got, ok)
		}
	}
}

func TestPacerKeepsTheFraction(t *testing.T) {
	var p Pacer
	var total int64
	// 60 frames of 1/60 s at 0.03× is 30 virtual ms, whatever the rounding.
	for range 60 {
		total += p.Take(1000.0/60, 0.03)
	}
	if total != 29 && total != 30 {
		t.Errorf("one wall second at 0.03× advanced %d virtual ms", total)
	}
	if f := p.Fraction(); f < 0 || f >= 1 {
		t.Errorf("fraction %v out of [0, 1)", f)
	}
	// A long stall counts as MaxFrameMs.
	var q Pacer
	if got := q.Take(60_000, 1); got != MaxFrameMs {
		t.Errorf("a 60 s frame advanced %d ms, want %d", got, MaxFrameMs)
	}
	if got := q.Take(-5, 1); got != 0 {
		t.Errorf("a negative frame advanced %d ms", got)
	}
}

func TestPacerCountsASleepWhole(t *testing.T) {
	var p Pacer
	// The game slept 300 ms on purpose: the frame after counts them all.
	p.Slept(300)
	if got := p.Take(310, 1); got != 310 {
		t.Errorf("a frame after a 300-ms sleep advanced %d ms, want 310", got)
	}
	// The one after is capped again, as a stall is.
	if got := p.Take(310, 1); got != MaxFrameMs {
		t.Errorf("a 310-ms frame with no sleep before advanced %d ms, want %d", got, MaxFrameMs)
	}
	// A frame that came early (input woke it) counts only its own time.
	p.Slept(300)
	if got := p.Take(40, 1); got != 40 {
		t.Errorf("a 40-ms frame during a sleep advanced %d ms, want 40", got)
	}
}

func TestWallMsUntil(t *testing.T) {
	s := &Scene{Snap: &raftsim.Snapshot{NowMs: 100, Speed: 0.03}}
	if got := s.WallMsUntil(103); math.Abs(got-100) > 1e-9 {
		t.Errorf("3 virtual ms at 0.03× take %v wall ms, want 100", got)
	}
	if got := (&Scene{}).WallMsUntil(103); !math.IsInf(got, 1) {
		t.Errorf("with no run yet, WallMsUntil = %v, want +Inf", got)
	}
}

func TestWord(t *testing.T) {
	for i, want := range map[int]string{0: "much", 1: "wow", 2: "cool", len(Words): "much2", 2*len(Words) + 1: "wow3"} {
		if got := Word(i); got != want {
			t.Errorf("Word(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestTickCapsLongFrames(t *testing.T) {
	s := newScene(cluster(3))
	s.Notify("nodes=12 is not valid (3 to 9); using 5", true)
	s.Tick(5000) // a first frame that took five seconds
	if len(s.Notices.List()) != 1 {
		t.Error("a notice died during one long frame")
	}
	if s.Clock != maxClockStepMs/1000.0 {
		t.Errorf("clock %v after one long frame", s.Clock)
	}
}

func TestTickAdvancesOnlyWhilePlaying(t *testing.T) {
	snap := cluster(3)
	snap.Speed = 0.5
	s := newScene(snap)
	if got := s.Tick(40); got != 20 {
		t.Errorf("40 ms at 0.5× advanced %d ms", got)
	}
	snap.Paused = true
	if got := s.Tick(40); got != 0 {
		t.Errorf("40 ms while paused advanced %d ms", got)
	}
}
