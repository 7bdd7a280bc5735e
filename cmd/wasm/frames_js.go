package main

import (
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"

	"raftplay/render"
)

// frameCounter is the game as Ebiten runs it, counting the frames drawn, so
// that the browser tests can wait for a frame and the browser benchmark can
// measure the frame rate and the time to the first frame. Go in wasm runs one
// goroutine at a time and switches only where one blocks, so the fields need
// no lock.
type frameCounter struct {
	*render.Game
	drawn int
	// firstFrameMs is performance.now() when the first frame was drawn:
	// milliseconds since the navigation started.
	firstFrameMs float64
	// afterDraw keeps the page in step with the frame just drawn.
	afterDraw func()
}

// Draw draws the frame and counts it.
func (f *frameCounter) Draw(screen *ebiten.Image) {
	f.Game.Draw(screen)
	f.afterDraw()
	f.drawn++
	if f.drawn == 1 {
		f.firstFrameMs = js.Global().Get("performance").Call("now").Float()
	}
}

// publish adds to window.raftplay:
//
//	frames()       how many frames have been drawn
//	firstFrameMs() performance.now() at the end of the first frame, or 0
func (f *frameCounter) publish() {
	api := js.Global().Get("raftplay")
	api.Set("frames", js.FuncOf(func(js.Value, []js.Value) any { return f.drawn }))
	api.Set("firstFrameMs", js.FuncOf(func(js.Value, []js.Value) any { return f.firstFrameMs }))
}
