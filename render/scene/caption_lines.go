package scene

import "raftplay/raftsim"

// CaptionLine is one line of a node's caption as it is drawn: its text,
// cut to its room, the top of its line at At (aligned as the caption is),
// and its font size in device pixels.
type CaptionLine struct {
	Text string
	At   Point
	Size float64
}

// CaptionLines returns the lines written beside node id (its role, its term
// line, and a follower's view from the leader on a line of its own, or
// joined to the term line above the ring's top, where a third line would
// run into the node) and how they align; none when the ring has no
// captions. fit cuts a line to a width at a size (Fit, or a Fitter's).
func (l *Layout) CaptionLines(snap *raftsim.Snapshot, id uint64, fit func(text string, w, size float64) string) ([]CaptionLine, Align) {
	n := snap.Node(id)
	c, ok := l.Node(id)
	if !l.Captions || n == nil || !ok {
		return nil, AlignStart
	}
	u := l.Scale
	role, detail := NodeCaption(n, snap)
	small, tiny := FontSmall*u, FontTiny*u
	at, h := l.Caption(id)
	view := LeaderView(snap, id)
	if view != "" && at.Y < c.Y-l.TimerR() {
		detail, view = detail+" · "+view, ""
	}
	room := l.CaptionRoom(at, h)
	lines := []CaptionLine{
		{role, at, small},
		{fit(detail, room, tiny), at.Add(Point{Y: small * LineH}), tiny},
	}
	if view != "" {
		lines = append(lines, CaptionLine{fit(view, room, tiny), at.Add(Point{Y: small*LineH + tiny*LineH}), tiny})
	}
	return lines, h
}

// Box is the rectangle line c takes, aligned h.
func (c CaptionLine) Box(h Align, measure Measure) Rect {
	w := measure(c.Text, c.Size)
	return Rect{AlignedLeft(c.At.X, w, h), c.At.Y, w, c.Size * LineH}
}
