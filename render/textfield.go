package render

import (
	"github.com/hajimehoshi/ebiten/v2"

	"raftplay/render/scene"
)

// A canvas never opens a phone's on-screen keyboard; a text field does. The
// browser keeps a real text field over the console's input line while the
// console is open (cmd/wasm) and hands what is typed into it to Type. These
// are the game's side of that.

// Type types runes as if on the canvas's keyboard, in the next Update;
// scene.KeyEnter, scene.KeyBackspace and the other scene keys stand for
// those keys. It is safe to call from anywhere, at any time.
func (g *Game) Type(runes ...rune) {
	g.noteMu.Lock()
	g.typed = append(g.typed, runes...)
	g.noteMu.Unlock()
	ebiten.ScheduleFrame()
}

// takeTyped appends what Type queued to buf and empties the queue.
func (g *Game) takeTyped(buf []rune) []rune {
	g.noteMu.Lock()
	defer g.noteMu.Unlock()
	buf = append(buf, g.typed...)
	g.typed = g.typed[:0]
	return buf
}

// ConsoleField returns, while the console is open, where its input line is
// in CSS pixels (the unit of the page around the canvas) and the line typed
// so far.
func (g *Game) ConsoleField() (field scene.Rect, line string, open bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	v, open := g.scene.ConsoleView()
	if !open {
		return scene.Rect{}, "", false
	}
	u := g.scene.Layout.Scale
	r := v.Input
	return scene.Rect{X: r.X / u, Y: r.Y / u, W: r.W / u, H: r.H / u}, g.scene.Console.Input(), true
}

// ConsoleLines returns the newest n lines of the console's transcript,
// oldest first: commands as typed ("$ etcdctl …") and the answers.
func (g *Game) ConsoleLines(n int) []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.scene.Console.Transcript.Last(n)
}
