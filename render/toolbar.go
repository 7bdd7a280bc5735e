package render

import (
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/render/scene"
)

// drawToolbar draws the toolbar's buttons; Partition, Help, Console and
// Stress look pressed while their mode is on.
func (g *Game) drawToolbar() {
	s := g.scene
	g.paint.rect(s.Layout.Toolbar, s.Theme.Panel)
	g.paint.rect(scene.Rect{X: 0, Y: s.Layout.Toolbar.Bottom() - s.Layout.Scale, W: s.Layout.W, H: s.Layout.Scale}, s.Theme.PanelBorder)
	for i := range s.Layout.Buttons {
		b := &s.Layout.Buttons[i]
		on := b.Cmd == scene.CmdPartition && s.Controller.Edit != nil || b.Cmd == scene.CmdHelp && s.Controller.Help || s.ToolOn(b.Cmd)
		g.drawButton(b, on, false)
	}
}

// drawButton draws a button with its label (Alt while paused) and key hint,
// centred, or flush left for a menu item.
func (g *Game) drawButton(b *scene.Button, on, menu bool) {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	fill, ink, hint := th.Button, th.Text, th.Muted
	switch {
	case b.Disabled:
		ink, hint = scene.Fade(th.Text, 0.35), scene.Fade(th.Muted, 0.35)
	case on:
		fill = th.ButtonOn
	case s.Hover.Kind == scene.HitButton && s.Hover.Cmd == b.Cmd && b.Rect.Contains(s.Pointer):
		fill = th.ButtonHover
	}
	p.box(b.Rect, 6*u, fill, th.PanelBorder, u)
	label := b.Label
	if b.Alt != "" && s.Snap.Paused {
		label = b.Alt
	}
	size, small := scene.FontUI*u, scene.FontSmall*u
	lw := g.fonts.measure(label, size)
	kw := 0.0
	if b.Key != "" {
		kw = 6*u + g.fonts.measure(b.Key, small)
	}
	c := b.Rect.Center()
	x := c.X - (lw+kw)/2
	if menu {
		x = b.Rect.X + 10*u
	}
	p.print(label, scene.Point{X: x, Y: c.Y}, size, ink, text.AlignStart, text.AlignCenter)
	if b.Key != "" {
		kx := x + lw + 6*u
		if menu {
			kx = b.Rect.Right() - 10*u - g.fonts.measure(b.Key, small)
		}
		p.print(b.Key, scene.Point{X: kx, Y: c.Y}, small, hint, text.AlignStart, text.AlignCenter)
	}
}
