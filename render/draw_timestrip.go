package render

import (
	"image/color"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// markColor is the colour of a mark on the strip: the colours the picture
// gives the same things (a leader, a crashed node, a cut link, a good
// outcome, a client write, a broken property).
func markColor(th *scene.Theme, kind string) color.RGBA {
	switch raftsim.MarkKind(kind) {
	case raftsim.MarkLeader:
		return th.Leader
	case raftsim.MarkCrash:
		return th.Bad
	case raftsim.MarkRestart, raftsim.MarkHeal:
		return th.Good
	case raftsim.MarkPartition:
		return th.Cut
	case raftsim.MarkViolation:
		return th.Warn
	}
	return th.Accent
}

// drawTimeStrip draws the timeline strip: the track with the run's marks,
// the part already shown filled, the cursor at the moment shown, a fork's
// progress, the label and the buttons.
func (g *Game) drawTimeStrip() {
	ts, v, ok := g.scene.Strip()
	if !ok {
		return
	}
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	p.box(ts.Rect, 6*u, th.Panel, th.PanelBorder, u)
	tr := ts.Track
	mid := tr.Y + tr.H/2
	p.rect(scene.Rect{X: tr.X, Y: mid - 1.5*u, W: tr.W, H: 3 * u}, th.Link)
	cursor := ts.X(v.ShownMs, v.EndMs)
	p.rect(scene.Rect{X: tr.X, Y: mid - 1.5*u, W: cursor - tr.X, H: 3 * u}, scene.Fade(th.Accent, 0.6))
	for _, m := range v.Marks {
		x := ts.X(m.AtMs, v.EndMs)
		p.rect(scene.Rect{X: x - u, Y: tr.Y + 2*u, W: 2 * u, H: tr.H - 4*u}, markColor(th, m.Kind))
	}
	if v.Forking {
		p.rect(scene.Rect{X: tr.X, Y: tr.Bottom() - 3*u, W: tr.W * v.Progress, H: 3 * u}, th.Good)
	}
	ink := th.Text
	if v.Past {
		ink = th.Accent
	}
	p.rect(scene.Rect{X: cursor - 1.5*u, Y: tr.Y - 2*u, W: 3 * u, H: tr.H + 4*u}, ink)
	label := th.Muted
	if v.Past || v.Forking {
		label = th.Accent
	}
	p.printLeft(ts.Text, ts.Label, scene.FontSmall*u, label)
	for i := range ts.Buttons {
		b := &ts.Buttons[i]
		g.drawButton(b, b.Cmd == scene.CmdDiagram && s.DiagramOpen(), false)
	}
}

// timeEndKey folds into h how far the strip reaches and, when it shows
// the present, the moment it shows: what moves as the run plays.
func (g *Game) timeEndKey(h *hasher) {
	_, v, ok := g.scene.Strip()
	if !ok {
		return
	}
	h.int(uint64(v.EndMs))
	if !v.Past {
		h.int(uint64(v.ShownMs))
	}
}

// timeKey folds the rest of what the strip shows into h, so a paused
// picture is drawn again when someone scrubs, forks or resizes.
func (g *Game) timeKey(h *hasher) {
	ts, v, ok := g.scene.Strip()
	if !ok {
		return
	}
	if v.Past {
		h.int(uint64(v.ShownMs))
	}
	h.bool(v.Past)
	h.bool(v.Forking)
	h.float(v.Progress)
	h.int(uint64(len(v.Marks)))
	h.rect(ts.Rect)
	h.int(uint64(len(ts.Buttons)))
}
