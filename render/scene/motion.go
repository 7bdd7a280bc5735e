package scene

import "raftplay/raftsim"

// Motion is what moves on the ring this frame: the messages in flight where
// they are drawn, the bursts of those dropped, the nodes joining and
// leaving; and whether motion is reduced.
type Motion struct {
	// Placed are the messages in flight where they are drawn this frame.
	Placed []Placed
	Drops  Drops
	// RingMoves are the nodes joining and leaving the ring (ringmoves.go).
	RingMoves RingMoves
	// ReducedMotion draws messages as still marks and lets nodes join and
	// leave the ring without drifting, fading or pulsing.
	ReducedMotion bool
}

// placeMessages places the messages in flight for this frame: sliding along
// their links, or, with reduced motion, as still marks.
func (s *Scene) placeMessages() {
	if s.ReducedMotion {
		s.Placed = s.Layout.PlaceStill(s.Placed, s.Snap)
		return
	}
	s.Placed = s.Layout.PlaceMessages(s.Placed, s.Snap, s.Now())
}

// BurstAge is how far a dropped message's burst has spread, 0 to 1: with
// reduced motion it stays a still mark, at 0, until it is gone.
func (s *Scene) BurstAge(b Burst) float64 {
	if s.ReducedMotion {
		return 0
	}
	return b.Age(s.Clock)
}

// TimerShown is how much of node n's election timer (a leader's heartbeat
// timer) its ring shows as left, 0 to 1, and whether it shows any. With
// reduced motion it shows none: the countdown would run down between frames
// with nothing happening in the cluster; the node's details say it in words.
func (s *Scene) TimerShown(n *raftsim.NodeView) (float64, bool) {
	if s.ReducedMotion {
		return 0, false
	}
	return TimerLeft(n)
}

// NoticeAlpha is how opaque notice x is drawn now: fading out at the end of
// its time, or, with reduced motion, whole until it goes.
func (s *Scene) NoticeAlpha(x Notice) float64 {
	if s.ReducedMotion {
		return 1
	}
	return x.Alpha(s.Clock)
}

// CaretShown reports whether the console's caret is drawn now: it blinks
// twice a second, or, with reduced motion, stays.
func (s *Scene) CaretShown() bool { return s.ReducedMotion || int(s.Clock*2)%2 == 0 }
