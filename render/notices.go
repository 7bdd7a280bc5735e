package render

import (
	"math"

	"raftplay/render/scene"
)

// drawNotices stacks the notices at the bottom of the stage, newest lowest,
// each fading out at the end of its time.
func (g *Game) drawNotices() {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	list := s.Notices.List()
	size := scene.FontUI * u
	h := size*scene.LineH + 12*u
	y := l.Legend.Y - 8*u
	for i := len(list) - 1; i >= 0; i-- {
		n := list[i]
		a := s.NoticeAlpha(n)
		msg := g.fonts.fit(n.Text, l.Stage.W-6*scene.Pad*u, size)
		w := math.Min(g.fonts.measure(msg, size)+2*scene.Pad*u, l.Stage.W-4*scene.Pad*u)
		y -= h
		r := scene.Rect{X: l.Stage.Center().X - w/2, Y: y, W: w, H: h}
		border := th.PanelBorder
		if n.Err {
			border = th.Bad
		}
		p.box(r, 6*u, scene.Fade(th.Panel, a), scene.Fade(border, a), 1.5*u)
		p.printLeft(msg, scene.Point{X: r.X + scene.Pad*u, Y: r.Y + 6*u}, size, scene.Fade(th.Text, a))
		y -= 6 * u
	}
}
