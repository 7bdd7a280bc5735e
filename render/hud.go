package render

import (
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// hudIcon returns where the invariants icon goes and its radius.
func (g *Game) hudIcon() (scene.Point, float64) {
	l := &g.scene.Layout
	c, _ := l.HUDIcons()
	return c, l.HUDIconR()
}

// drawHUDIcon says at a glance whether the invariants hold: a tick in a green
// disc, or a red disc (with an exclamation mark, drawn with the text).
func (g *Game) drawHUDIcon() {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	c, r := g.hudIcon()
	if !s.Snap.Invariants.OK {
		p.disc(c, r, th.Bad)
		return
	}
	p.disc(c, r, th.Good)
	p.tick(c, r, 1.6*u, th.OnFill)
}

// drawHUDText writes the heads-up display in the stage's top-left corner:
// virtual time, speed and play state; leader, term, seed and partition;
// whether the invariants hold.
func (g *Game) drawHUDText() {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	h := scene.NewHUD(s.Snap, s.Story)
	size := scene.FontUI * u
	line := l.HUDLineH()
	at := scene.Point{X: l.HUD.X, Y: l.HUD.Y}
	c, r := g.hudIcon()
	col := th.Good
	if !h.OK {
		col = th.Bad
		p.print("!", c, size, th.OnFill, text.AlignCenter, text.AlignCenter)
	}
	if l.HUDLines == 1 {
		// The clock alone, left of the icons and their labels.
		p.printLeft(g.fonts.fit(h.Clock, l.HUDMarks[0].X-12*u-at.X, size), at, size, th.Text)
		for i, m := range l.HUDMarks {
			p.print(scene.HUDMarkLabels[i], scene.Point{X: m.X, Y: m.Center().Y}, scene.FontSmall*u, th.Muted, text.AlignStart, text.AlignCenter)
		}
		return
	}
	p.printLeft(g.fonts.fit(h.Clock, l.HUD.W, size), at, size, th.Text)
	p.printLeft(h.Cluster, at.Add(scene.Point{Y: line}), size, th.Muted)
	status := g.fonts.fit(h.Invariants, l.HUD.W-2*r-6*u, size)
	p.printLeft(status, at.Add(scene.Point{X: 2*r + 6*u, Y: 2 * line}), size, col)
}

// drawLegend explains the messages' shapes and colours along the bottom of
// the stage; the partition editor covers it while it is open.
func (g *Game) drawLegend() {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	if s.Controller.Edit != nil {
		return
	}
	r := 4.5 * u
	small := scene.FontSmall * u
	for _, it := range s.Layout.LegendItems {
		col := th.Messages[it.Kind]
		if it.Kind == scene.KindOther {
			col = th.Muted
		}
		if it.Learner {
			// A learner as the ring draws one, small.
			col = th.Role(raftsim.RoleFollower)
			p.disc(it.Icon, r+1.5*u, scene.Fade(col, 0.3))
			p.dashedRing(it.Icon, r+u, 1.5*u, col)
			continue
		}
		p.shape(it.Kind.Shape(), it.Icon, r, it.Hollow, col, th.Background, 1.5*u)
	}
	for _, it := range s.Layout.LegendItems {
		p.printLeft(it.Label, it.Text, small, th.Muted)
	}
}
