package render

import (
	"math"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// pauseMark is where a paused node's sign goes: on its timer ring, up and
// to the left (a lying disk's is down and to the right), and its size.
func pauseMark(l *scene.Layout, c scene.Point) (scene.Point, float64) {
	d := l.TimerR() * math.Sqrt2 / 2
	return c.Add(scene.Point{X: -d, Y: -d}), 8 * l.Scale
}

// drawPauseShapes veils a paused node's body and marks it with a pause
// sign; its timer stays where the pause froze it.
func (g *Game) drawPauseShapes(n *raftsim.NodeView, c scene.Point) {
	if !n.Paused {
		return
	}
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	p.disc(c, s.Layout.NodeR, scene.Fade(th.Down, 0.5))
	at, r := pauseMark(&s.Layout, c)
	p.disc(at, r, th.Warn)
	for _, x := range []float64{-0.3 * r, 0.3 * r} {
		p.segment(at.Add(scene.Point{X: x, Y: -0.4 * r}), at.Add(scene.Point{X: x, Y: 0.4 * r}), 2*u, th.OnFill)
	}
}
