package render

import (
	"image/color"

	"raftplay/render/scene"
)

// drawConsole draws the open console into its part of the cache: its panel
// and buttons, as many of the transcript's rows as fit, coloured by kind, and
// the input field with the prompt and the line being typed. The caret, which
// blinks, is drawn over it every frame.
func (g *Game) drawConsole() {
	s, p := g.scene, &g.paint
	v, open := s.ConsoleView()
	if !open || s.Layout.Console.Empty() {
		return
	}
	th, u := s.Theme, s.Layout.Scale
	p.dst.Fill(th.Background)
	g.drawPanel(&v.Panel)
	small := scene.FontSmall * u
	if v.Hint != "" {
		p.printLeft(v.Hint, v.HintPos, small, th.Muted)
	}
	rows := s.Console.Transcript.Rows(int(v.Rows.H/v.RowH), v.Rows.W, small, g.fonts.measure)
	for i, line := range rows {
		at := scene.Point{X: v.Rows.X, Y: v.Rows.Y + float64(i)*v.RowH}
		p.printLeft(g.fonts.fit(line.Text, v.Rows.W, small), at, small, g.consoleColour(line.Kind))
	}
	p.box(v.Input, 5*u, th.Background, th.Accent, 1.2*u)
	p.printLeft(v.Text, v.TextPos, scene.FontUI*u, th.Text)
}

// consoleColour tells the transcript's lines apart: commands in the accent,
// errors in red, the console's own help dim.
func (g *Game) consoleColour(k scene.LineKind) color.RGBA {
	th := g.scene.Theme
	switch k {
	case scene.LineCommand:
		return th.Accent
	case scene.LineError:
		return th.Bad
	case scene.LineHint:
		return th.Muted
	}
	return th.Text
}

// consoleKey sums up what drawConsole shows.
func (g *Game) consoleKey() hasher {
	s := g.scene
	h := newHasher()
	v, open := s.ConsoleView()
	h.bool(open)
	if !open {
		return h
	}
	h.str(s.Theme.Name)
	h.int(uint64(s.Console.Transcript.Total()))
	h.int(uint64(s.Console.Transcript.Offset()))
	h.str(v.Text)
	h.str(v.Hint)
	h.str(v.Buttons[0].Label)
	h.int(uint64(g.hoveredButton(v.Buttons) + 1))
	return h
}

// drawConsoleCaret draws the console's caret, blinking twice a second
// unless motion is reduced.
func (g *Game) drawConsoleCaret() {
	s := g.scene
	v, open := s.ConsoleView()
	if !open || s.Layout.Console.Empty() || !s.CaretShown() {
		return
	}
	u := s.Layout.Scale
	g.paint.rect(scene.Rect{X: v.Caret.X, Y: v.Caret.Y, W: 1.5 * u, H: v.Input.Bottom() - 5*u - v.Caret.Y}, s.Theme.Text)
}
