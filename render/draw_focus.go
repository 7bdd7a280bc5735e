package render

// drawFocus rings the button the keyboard's focus is on, over everything
// else, so the ring shows whatever the button sits in.
func (g *Game) drawFocus() {
	s := g.scene
	b, ok := s.Focused()
	if !ok {
		return
	}
	u := s.Layout.Scale
	g.paint.boxOutline(b.Rect.Inset(-3*u), 9*u, 2.5*u, s.Theme.Accent)
}
