package scene

import "math"

// JointBox is the caption shown while the cluster is in joint consensus:
// a box and its lines, the first a title.
type JointBox struct {
	Rect  Rect
	Lines []string
	// At is the top-left of the first line.
	At Point
}

// jointFootLines is how many lines the caption has along the stage's foot,
// where the partition banner's band leaves room for two.
const jointFootLines = 2

// JointBox lays out the joint-consensus caption where it covers no node:
// in the middle of the ring, its change wrapped to the room there; else in
// two lines along the stage's foot, over the legend, which matters less
// while the change lasts; else in a corner of the stage beside the ring.
// A short screen with a full ring has no such room: the caption covers the
// ring's foot there, as the partition banner does.
func (l *Layout) JointBox(j Joint, name func(uint64) string, measure Measure) JointBox {
	u := l.Scale
	title, change := j.Lines(name)
	// The free middle is the oval inside the nodes' timer rings.
	ax, ay := l.RX-l.TimerR()-4*u, l.RY-l.TimerR()-4*u
	mid := l.jointBoxIn(append([]string{title}, l.wrapSmall(change, 2*ax*0.85, measure)...), 2*ax*0.85, measure)
	mid.Rect.X, mid.Rect.Y = l.Center.X-mid.Rect.W/2, l.Center.Y-mid.Rect.H/2
	w, h := mid.Rect.W/2/math.Max(ax, 1), mid.Rect.H/2/math.Max(ay, 1)
	if ax > 0 && ay > 0 && w*w+h*h <= 1 {
		return l.finishJointBox(mid, measure)
	}
	footW := l.Stage.W - 4*Pad*u
	lines := l.wrapSmall(title+": "+change, footW, measure)
	if len(lines) > jointFootLines {
		lines = append(lines[:jointFootLines-1], lines[jointFootLines-1]+" …")
	}
	foot := l.jointBoxIn(lines, footW, measure)
	foot.Rect.X = l.Stage.Center().X - foot.Rect.W/2
	foot.Rect.Y = l.Stage.Bottom() - foot.Rect.H - Pad*u/2
	foot.Rect = l.coverLegend(foot.Rect)
	if !l.coversNode(foot.Rect) {
		return l.finishJointBox(foot, measure)
	}
	// A corner: beside the ring, under the HUD or over the stage's foot.
	cornerW := l.Center.X - l.RX - l.TimerR() - l.Stage.X - 2*Pad*u
	corner := l.jointBoxIn(append([]string{title}, l.wrapSmall(change, cornerW, measure)...), cornerW, measure)
	corner.Rect.X = l.Stage.X + Pad*u
	for _, y := range []float64{l.HUD.Bottom() + Pad*u/2, l.Stage.Bottom() - corner.Rect.H - Pad*u/2} {
		corner.Rect.Y = y
		if cornerW > 0 && inStage(corner.Rect, l) && !l.coversNode(corner.Rect) {
			return l.finishJointBox(corner, measure)
		}
	}
	return l.finishJointBox(foot, measure)
}

// coverLegend grows a caption box at the stage's foot to cover the legend
// whole: a legend cut off at the box's edges ("append", "propos…") reads as
// clutter beside the caption.
func (l *Layout) coverLegend(r Rect) Rect {
	g := l.Legend
	if g.Empty() || r.Bottom() <= g.Y || g.Bottom() <= r.Y {
		return r
	}
	x, y := math.Min(r.X, g.X), math.Min(r.Y, g.Y)
	return Rect{x, y, math.Max(r.Right(), g.Right()) - x, math.Max(r.Bottom(), g.Bottom()) - y}
}

// wrapSmall wraps text set small to width, less the box's padding.
func (l *Layout) wrapSmall(text string, width float64, measure Measure) []string {
	return Wrap(text, math.Max(width-2*Pad*l.Scale, 1), FontSmall*l.Scale, measure)
}

// jointBoxIn sizes a caption box for lines, no wider than maxW.
func (l *Layout) jointBoxIn(lines []string, maxW float64, measure Measure) JointBox {
	u := l.Scale
	size := FontSmall * u
	w := 0.0
	for _, line := range lines {
		w = math.Max(w, measure(line, size))
	}
	w = math.Min(w, math.Max(maxW-2*Pad*u, 1))
	return JointBox{Rect: Rect{W: w + 2*Pad*u, H: float64(len(lines))*size*LineH + Pad*u}, Lines: lines}
}

// finishJointBox places the first line and cuts the lines to the box.
func (l *Layout) finishJointBox(b JointBox, measure Measure) JointBox {
	u := l.Scale
	b.At = Point{b.Rect.X + Pad*u, b.Rect.Y + Pad*u/2}
	for i, line := range b.Lines {
		b.Lines[i] = Fit(line, b.Rect.W-2*Pad*u, FontSmall*u, measure)
	}
	return b
}

// coversNode reports whether r overlaps a node's timer ring.
func (l *Layout) coversNode(r Rect) bool {
	for _, c := range l.NodePos {
		t := l.TimerR()
		if ring := (Rect{c.X - t, c.Y - t, 2 * t, 2 * t}); r.X < ring.Right() && ring.X < r.Right() && r.Y < ring.Bottom() && ring.Y < r.Bottom() {
			return true
		}
	}
	return false
}

// inStage reports whether r lies on the stage.
func inStage(r Rect, l *Layout) bool {
	s := l.Stage
	return r.X >= s.X && r.Y >= s.Y && r.Right() <= s.Right() && r.Bottom() <= s.Bottom()
}
