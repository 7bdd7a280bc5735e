package render

import "raftplay/render/scene"

// drawPanel draws a panel: a box, its title, its lines (with their keys in
// the accent colour when it has a key column) and its buttons.
func (g *Game) drawPanel(pn *scene.Panel) {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	p.box(pn.Rect, 8*u, th.Panel, th.PanelBorder, 1.2*u)
	size := scene.FontUI * u
	p.printLeft(pn.Title, pn.TitlePos, size, th.Text)
	width := pn.Rect.Right() - scene.Pad*u - pn.Body.X
	for i, line := range pn.Lines {
		at := pn.Body.Add(scene.Point{Y: float64(i) * size * scene.LineH})
		if i < len(pn.Keys) {
			p.printLeft(pn.Keys[i], at, size, th.Accent)
			at.X += pn.KeyW
		}
		p.printLeft(g.fonts.fit(line, width-(at.X-pn.Body.X), size), at, size, th.Muted)
	}
	for i := range pn.Buttons {
		g.drawButton(&pn.Buttons[i], false, pn.Menu)
	}
}

// drawHelp shades the picture and draws the help panel over it.
func (g *Game) drawHelp(pn *scene.Panel) {
	s := g.scene
	g.paint.rect(scene.Rect{W: s.Layout.W, H: s.Layout.H}, s.Theme.Shade)
	g.drawPanel(pn)
}
