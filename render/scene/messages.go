package scene

import (
	"math"

	"raftplay/raftsim"
)

// Placed is a message in flight at the point where it is drawn.
type Placed struct {
	Msg  *raftsim.MessageView
	Kind MsgKind
	Pos  Point
	// Held is set while the message crosses a cut link: it waits at the cut,
	// where it dies unless the partition heals before it is due.
	Held bool
}

// Progress is how far a message sent at sent and due at deliver has
// travelled at virtual time now: (now − sent)/(deliver − sent), kept in [0, 1].
func Progress(now float64, sent, deliver int64) float64 {
	if deliver <= sent {
		return 1
	}
	return clamp01((now - float64(sent)) / float64(deliver-sent))
}

// GroupOf returns the index of the partition group holding id, or -1.
func GroupOf(groups [][]uint64, id uint64) int {
	for i, g := range groups {
		for _, x := range g {
			if x == id {
				return i
			}
		}
	}
	return -1
}

// Cut reports whether the partition separates a and b. An empty partition
// separates nothing.
func Cut(groups [][]uint64, a, b uint64) bool {
	return len(groups) > 0 && GroupOf(groups, a) != GroupOf(groups, b)
}

// Link returns where a message from one node to another travels: from the
// outside of the sender's timer arc to the outside of the receiver's, shifted
// to the right of its direction so that the two directions of a link use
// separate lanes.
func (l *Layout) Link(from, to uint64) (start, end Point, ok bool) {
	a, okA := l.Node(from)
	b, okB := l.Node(to)
	if !okA || !okB || from == to {
		return Point{}, Point{}, false
	}
	dir := b.Sub(a).Unit()
	lane := dir.Perp().Scale(4.5 * l.Scale)
	inset := l.TimerR() + l.MessageR()
	return a.Add(dir.Scale(inset)).Add(lane), b.Sub(dir.Scale(inset)).Add(lane), true
}

// PlaceMessages appends to dst[:0] every message of snap that runs between two
// nodes of the ring, placed at virtual time now. A message on a cut link stops
// at the midpoint, where the cut is drawn.
func (l *Layout) PlaceMessages(dst []Placed, snap *raftsim.Snapshot, now float64) []Placed {
	return l.place(dst, snap, func(m *raftsim.MessageView) float64 { return Progress(now, m.SentMs, m.DeliverMs) })
}

// stillAt is how far along its link a still message is drawn: nearer its
// sender, so that its direction reads as well as its lane tells it.
const stillAt = 1.0 / 3

// PlaceStill places the messages as PlaceMessages does for reduced motion:
// each a still mark a third of the way along its link from the time it is
// sent to the time it is delivered or lost, or at the cut of a cut link.
func (l *Layout) PlaceStill(dst []Placed, snap *raftsim.Snapshot) []Placed {
	return l.place(dst, snap, func(m *raftsim.MessageView) float64 {
		if Cut(snap.Partition, m.From, m.To) {
			return 0.5
		}
		return stillAt
	})
}

// place appends to dst[:0] every message of snap that runs between two nodes
// of the ring, at the fraction of its link that along gives it.
func (l *Layout) place(dst []Placed, snap *raftsim.Snapshot, along func(*raftsim.MessageView) float64) []Placed {
	dst = dst[:0]
	var queue linkQueues
	if snap.Manual {
		queue.count(snap.Messages)
	}
	for i := range snap.Messages {
		m := &snap.Messages[i]
		start, end, ok := l.Link(m.From, m.To)
		if !ok {
			continue
		}
		t := along(m)
		if snap.Manual {
			t = queue.place(m)
		}
		held := Cut(snap.Partition, m.From, m.To) && t >= 0.5
		if held {
			t = 0.5
		}
		dst = append(dst, Placed{Msg: m, Kind: KindOf(m.Type), Pos: Lerp(start, end, t), Held: held})
	}
	return dst
}

// MessageAt returns the placed message nearest to p within radius r.
func MessageAt(placed []Placed, p Point, r float64) (uint64, bool) {
	best, bestD := uint64(0), math.Inf(1)
	for _, m := range placed {
		if d := m.Pos.Sub(p).Len(); d <= r && d < bestD {
			best, bestD = m.Msg.ID, d
		}
	}
	return best, bestD <= r
}
