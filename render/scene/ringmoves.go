package scene

import "slices"

// RingMoveLife is how long, in wall seconds, a node takes to join the ring or
// to leave it: long enough to be seen, short enough not to linger.
const RingMoveLife = 1.6

// RingMove is a node joining the ring (its new place pulses) or leaving it
// (it drifts outward from its last place and fades).
type RingMove struct {
	ID uint64
	// At is where it is placed (joining) or was last placed (leaving).
	At      Point
	Leaving bool
	// Born is the wall-clock second the change was seen.
	Born float64
}

// Age is how far the move has gone at wall second now, 0 to 1.
func (c RingMove) Age(now float64) float64 { return clamp01((now - c.Born) / RingMoveLife) }

// RingMoves are the nodes joining or leaving the ring now.
type RingMoves struct{ List []RingMove }

// Changed records what changed between the ring's nodes before (at their
// places in old) and the nodes of the new layout l, at wall second now.
func (c *RingMoves) Changed(old *Layout, l *Layout, now float64) {
	for i, id := range old.NodeIDs {
		if i < len(old.NodePos) && !slices.Contains(l.NodeIDs, id) {
			c.List = append(c.List, RingMove{ID: id, At: old.NodePos[i], Leaving: true, Born: now})
		}
	}
	for i, id := range l.NodeIDs {
		if !slices.Contains(old.NodeIDs, id) {
			c.List = append(c.List, RingMove{ID: id, At: l.NodePos[i], Born: now})
		}
	}
}

// Expire forgets the moves done by wall second now.
func (c *RingMoves) Expire(now float64) {
	c.List = slices.DeleteFunc(c.List, func(m RingMove) bool { return m.Age(now) >= 1 })
}

// Clear forgets them all, for a new run.
func (c *RingMoves) Clear() { c.List = c.List[:0] }

// Drift returns where a leaving node is drawn on its way out of the ring at wall
// second now, pushed outward from centre, and how opaque it still is.
func (m RingMove) Drift(centre Point, now, r float64) (Point, float64) {
	age := m.Age(now)
	d := m.At.Sub(centre)
	if l := d.Len(); l > 0 {
		d = d.Scale(2.5 * r * age / l)
	}
	return m.At.Add(d), 1 - age
}
