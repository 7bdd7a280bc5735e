package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/render/scene"
)

// drawPlot draws the experiment view's figure over its panel: grid and axes,
// a step curve per setting, the paper's figures as rings, then every label
// (shapes first, so they go to the GPU together).
func (g *Game) drawPlot() {
	s, p := g.scene, &g.paint
	pl, th, u := s.Plot(), s.Theme, s.Layout.Scale
	a := pl.Area
	curve := func(style int) color.RGBA { return th.Terms[style%len(th.Terms)] }
	for _, t := range pl.XTicks {
		p.segment(t.At, scene.Point{X: t.At.X, Y: a.Y}, u, th.PanelBorder)
	}
	for _, t := range pl.YTicks {
		p.segment(t.At, scene.Point{X: a.Right(), Y: t.At.Y}, u, th.PanelBorder)
	}
	p.segment(scene.Point{X: a.X, Y: a.Bottom()}, scene.Point{X: a.Right(), Y: a.Bottom()}, 1.5*u, th.Muted)
	p.segment(scene.Point{X: a.X, Y: a.Y}, scene.Point{X: a.X, Y: a.Bottom()}, 1.5*u, th.Muted)
	for _, c := range pl.Curves {
		for i := 1; i < len(c.Points); i++ {
			p.segment(c.Points[i-1], c.Points[i], 2*u, curve(c.Style))
		}
		p.segment(c.LegendPos.Add(scene.Point{Y: 8 * u}), c.LegendPos.Add(scene.Point{X: 20 * u, Y: 8 * u}), 3*u, curve(c.Style))
	}
	for _, m := range pl.Marks {
		p.ring(m.At, 5*u, 2*u, curve(m.Style))
	}

	size := scene.FontUI * u
	small := scene.FontSmall * u
	p.printLeft(pl.Title, pl.TitlePos, size, th.Text)
	p.printLeft(pl.Status, pl.TitlePos.Add(scene.Point{Y: size * scene.LineH}), small, th.Muted)
	p.printLeft(pl.YLabel, pl.YLabelPos, small, th.Muted)
	p.printLeft(pl.XLabel, pl.XLabelPos, small, th.Muted)
	for _, t := range pl.XTicks {
		p.print(t.Label, t.At.Add(scene.Point{Y: 4 * u}), small, th.Muted, text.AlignCenter, text.AlignStart)
	}
	for _, t := range pl.YTicks {
		p.print(t.Label, t.At.Add(scene.Point{X: -6 * u}), small, th.Muted, text.AlignEnd, text.AlignCenter)
	}
	for _, c := range pl.Curves {
		p.printLeft(c.Label, c.LegendPos.Add(scene.Point{X: 26 * u}), small, th.Text)
	}
	for _, m := range pl.Marks {
		p.printLeft(m.Label, m.At.Add(scene.Point{X: 8 * u, Y: -small - 4*u}), small, curve(m.Style))
	}
}
