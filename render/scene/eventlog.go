package scene

import "raftplay/raftsim"

// eventLogSize is how many events the panel keeps; more than fit on any screen.
const eventLogSize = 64

// EventLog keeps the latest events worth reading in the event panel.
type EventLog struct {
	buf    [eventLogSize]raftsim.Event
	total  int
	clears int
}

// Shown reports whether event e goes to the panel. Message traffic and
// per-entry applies would bury everything else while the cluster runs; while
// it is paused they are what a step did, so they are shown then, without the
// steps themselves, which would only interleave them.
func Shown(e *raftsim.Event, paused bool) bool {
	switch e.Kind {
	case raftsim.EvSent, raftsim.EvDelivered, raftsim.EvApply:
		return paused
	case raftsim.EvAction:
		return e.Op != raftsim.ActStep
	}
	return true
}

// Add records e if it is shown at the given paused state.
func (l *EventLog) Add(e raftsim.Event, paused bool) {
	if !Shown(&e, paused) {
		return
	}
	l.buf[l.total%eventLogSize] = e
	l.total++
}

// Total counts the events ever added; it changes whenever the panel would.
func (l *EventLog) Total() int { return l.total }

// Clears counts the times the log was cleared: while it stays the same, a
// panel drawn at one Total shows the lines of a later one after scrolling
// down by the difference.
func (l *EventLog) Clears() int { return l.clears }

// Clear forgets every event.
func (l *EventLog) Clear() {
	l.total = 0
	l.clears++
}

// Latest appends to dst[:0] up to k of the newest events, oldest first.
func (l *EventLog) Latest(dst []raftsim.Event, k int) []raftsim.Event {
	dst = dst[:0]
	k = min(k, l.total, eventLogSize)
	for i := l.total - k; i < l.total; i++ {
		dst = append(dst, l.buf[i%eventLogSize])
	}
	return dst
}
