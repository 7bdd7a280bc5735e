package scene

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
