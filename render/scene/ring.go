package scene

import (
	"math"
	"slices"
)

// layRing places the nodes on a ring inside the rectangle ring, leaving
// room around it for their captions; when the nodes would then touch (a
// tiny screen, or many nodes on a phone) it leaves the captions out, since
// the nodes matter more, and when they still touch (eight or nine members on
// a tiny embed) it stretches the ring to the whole area and spaces the
// nodes evenly along it.
func (l *Layout) layRing(ring Rect, measure Measure) {
	l.layRingWith(ring, !tinyScreen(l.W/l.Scale, l.H/l.Scale), measure)
	if l.Captions && !l.nodesApart() {
		l.layRingWith(ring, false, measure)
	}
	if !l.nodesApart() {
		l.stretchRing(ring)
	}
}

// layRingWith places the nodes, with or without room for captions.
func (l *Layout) layRingWith(ring Rect, captions bool, measure Measure) {
	u := l.Scale
	// Captions go beside the nodes on the left and right of the ring and
	// above or below the others, so the ring keeps room for them both ways.
	// Without them a little margin keeps the ring off the HUD.
	l.Captions = captions
	l.captionW = 0
	top, bottom := Pad*u/2, Pad*u/2
	if captions {
		l.captionW = math.Max(measure("pre-candidate", FontSmall*u), measure("term 99 · voted n9", FontTiny*u)) + 4*u
		top, bottom = labelSpace*u, labelSpace*u
		if !captionBelow(l.Nodes) {
			// The lowest nodes have their captions beside them: only their
			// third line (a leader's view) reaches below their rings.
			bottom = math.Max(Pad*u/2, sideCaptionDrop*u-l.leastNodeR()-timerGap*u)
		}
	}
	l.Center = Point{ring.Center().X, ring.Y + top + (ring.H-top-bottom)/2}
	outerX := math.Max(0, ring.W/2-l.captionW-(timerGap+Pad)*u)
	outerY := math.Max(0, (ring.H-top-bottom)/2-timerGap*u)
	outer := math.Min(outerX, outerY)
	n := float64(l.Nodes)
	l.NodeR = math.Max(l.leastNodeR(), math.Min(math.Min(maxNodeR*u, outer*0.2), outer*math.Sin(math.Pi/n)*0.55))
	l.RX, l.RY = math.Max(0, outerX-l.NodeR), math.Max(0, outerY-l.NodeR)
	switch r := l.RY / math.Max(l.RX, 1e-9); {
	case r < 1.15 && r > 1/1.15:
		l.RX = math.Min(l.RX, l.RY)
		l.RY = l.RX
	case r > 1.4:
		l.RY = 1.4 * l.RX
	case r < 1/1.4:
		l.RX = 1.4 * l.RY
	}
	l.NodePos = make([]Point, l.Nodes)
	l.NodeIDs = make([]uint64, l.Nodes)
	for i := range l.NodePos {
		l.NodeIDs[i] = uint64(i + 1)
		a := -math.Pi/2 + 2*math.Pi*float64(i)/n
		l.NodePos[i] = Point{l.Center.X + l.RX*math.Cos(a), l.Center.Y + l.RY*math.Sin(a)}
	}
}

// sideCaptionDrop is how far, in CSS pixels, a caption beside a node
// reaches below its centre: its three lines (the role, the term, a leader's
// view), centred on the first two.
const sideCaptionDrop = (FontSmall+2*FontTiny)*LineH - (FontSmall+FontTiny)*LineH/2

// captionBelow reports whether a ring of n nodes has a node at its foot
// whose caption goes under it (see Caption): an even ring's lowest node.
func captionBelow(n int) bool {
	for i := range n {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		if math.Sin(a) > 1e-9 && math.Abs(math.Cos(a)) <= 0.5 {
			return true
		}
	}
	return false
}

// ovalSteps is how finely stretchRing walks the oval to measure it.
const ovalSteps = 720

// stretchRing widens the ring to the whole width of area and puts the nodes
// at equal distances along it, from the top: on a long flat oval equal
// angles would bunch the nodes at its ends.
func (l *Layout) stretchRing(area Rect) {
	l.RX = math.Max(l.RX, area.W/2-l.TimerR()-Pad*l.Scale/2)
	pts := make([]Point, ovalSteps+1)
	along := make([]float64, ovalSteps+1)
	for i := range pts {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/ovalSteps
		pts[i] = Point{l.Center.X + l.RX*math.Cos(a), l.Center.Y + l.RY*math.Sin(a)}
		if i > 0 {
			along[i] = along[i-1] + pts[i].Sub(pts[i-1]).Len()
		}
	}
	step := along[ovalSteps] / float64(l.Nodes)
	for i := range l.NodePos {
		j, _ := slices.BinarySearch(along, float64(i)*step)
		l.NodePos[i] = pts[min(j, ovalSteps)]
	}
}

// nodesApart reports whether no two nodes' timer rings overlap.
func (l *Layout) nodesApart() bool {
	for i, p := range l.NodePos {
		for _, q := range l.NodePos[:i] {
			if p.Sub(q).Len() < 2*l.TimerR() {
				return false
			}
		}
	}
	return true
}

// Node returns the centre of node id, or false for an id not on the ring.
func (l *Layout) Node(id uint64) (Point, bool) {
	i, ok := slices.BinarySearch(l.NodeIDs, id)
	if !ok {
		return Point{}, false
	}
	return l.NodePos[i], true
}

// SetNodeIDs gives the ring's places, in order, to the nodes with these raft
// IDs (as many as the layout has places), so that nodes keep their identity
// when membership leaves gaps.
func (l *Layout) SetNodeIDs(ids []uint64) { l.NodeIDs = append(l.NodeIDs[:0], ids...) }

// Align is how a line of text sits on its anchor point horizontally.
type Align int

// The alignments, in the order Ebiten's text package numbers them.
const (
	AlignStart Align = iota
	AlignCenter
	AlignEnd
)

// Caption returns where node id's caption (its role line, then its term
// line) goes: the top of its first line at at, aligned by h. It sits on the
// side of the node away from the ring's centre: beside the nodes on the left
// and right, above the upper ones and below the lower ones.
func (l *Layout) Caption(id uint64) (at Point, h Align) {
	c, _ := l.Node(id)
	u := l.Scale
	block := (FontSmall + FontTiny) * LineH * u
	d := c.Sub(l.Center)
	// More than 30° round the ring from the top or the bottom counts as a side.
	side := math.Abs(d.X)/math.Max(l.RX, 1) > 0.5
	switch {
	case side && d.X > 0:
		return Point{c.X + l.TimerR() + 5*u, c.Y - block/2}, AlignStart
	case side:
		return Point{c.X - l.TimerR() - 5*u, c.Y - block/2}, AlignEnd
	}
	// Above or below: centred on a node at the very top or bottom; leaning
	// away from the middle otherwise, so neighbouring captions part.
	at, h = Point{c.X, c.Y + l.TimerR() + 3*u}, AlignCenter
	if d.Y < 0 {
		at.Y = c.Y - l.TimerR() - 3*u - block
	}
	switch {
	case d.X > 0.15*l.RX:
		at.X, h = c.X-l.TimerR(), AlignStart
	case d.X < -0.15*l.RX:
		at.X, h = c.X+l.TimerR(), AlignEnd
	}
	return at, h
}

// CaptionRoom is how wide a line of node id's caption may be, aligned h at
// at, before it runs off the stage: a leader's view of a follower makes
// long lines, and nodes at the sides of a phone's ring have little room.
func (l *Layout) CaptionRoom(at Point, h Align) float64 {
	left, right := at.X-l.Stage.X-Pad*l.Scale/2, l.Stage.Right()-at.X-Pad*l.Scale/2
	switch h {
	case AlignStart:
		return right
	case AlignEnd:
		return left
	}
	return 2 * math.Min(left, right)
}

// CaptionRect is the box node id's caption may fill; a click there counts
// as one on the node.
func (l *Layout) CaptionRect(id uint64) Rect {
	if !l.Captions {
		return Rect{}
	}
	at, h := l.Caption(id)
	block := (FontSmall + FontTiny) * LineH * l.Scale
	return Rect{AlignedLeft(at.X, l.captionW, h), at.Y, l.captionW, block}
}

// AlignedLeft is the left edge of a line w wide aligned h at x.
func AlignedLeft(x, w float64, h Align) float64 {
	switch h {
	case AlignStart:
		return x
	case AlignEnd:
		return x - w
	}
	return x - w/2
}

// cutBarsRing is the least width of a ring, in CSS pixels, whose cut links
// have a bar at their middle: on a smaller one (a phone's) the bars of six
// cut links meet in a red tangle at its centre.
const cutBarsRing = 240

// CutBars reports whether the links a partition cuts are drawn with a bar
// at their middle.
func (l *Layout) CutBars() bool { return 2*l.RX >= cutBarsRing*l.Scale }

// TimerR is the radius of a node's election-timer arc.
func (l *Layout) TimerR() float64 { return l.NodeR + timerGap*l.Scale }

// MessageR is the radius of a message's shape.
func (l *Layout) MessageR() float64 { return math.Max(4*l.Scale, math.Min(8*l.Scale, l.NodeR*0.28)) }
