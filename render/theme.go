package render

// SetAutoTheme sets the theme the system asks for now (a name
// scene.AutoThemeName gives), which the picture takes while the theme
// chosen is "auto". It is safe to call from anywhere, between frames.
func (g *Game) SetAutoTheme(name string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.scene.SetAutoTheme(name)
}

// tellTheme calls OnTheme when the theme chosen has changed.
func (g *Game) tellTheme() {
	if c := g.scene.ThemeChoice(); c != g.themeChoice {
		g.themeChoice = c
		if g.opts.OnTheme != nil {
			g.opts.OnTheme(c)
		}
	}
}
