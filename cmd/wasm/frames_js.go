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
	// presented is how many frames were put on the canvas: Ebiten presents
	// a frame that found nothing changed too, until four in a row have
	// (maxSkipCount in its internal/ui/context.go), and in software GL a
	// presented frame costs the browser about as much whatever it shows.
	presented int
	// firstFrameMs is performance.now() when the first frame was drawn:
	// milliseconds since the navigation started.
	firstFrameMs float64
	// drawMs is the wall time spent in Draw, all frames together: the Go
	// side of drawing, without what the GPU (or SwiftShader) does later.
	drawMs float64
	// afterDraw keeps the page in step with the frame just drawn.
	afterDraw func()
}

// Draw draws the frame and counts it.
func (f *frameCounter) Draw(screen *ebiten.Image) {
	perf := js.Global().Get("performance")
	if f.drawn == 0 {
		mark(markFirstDraw)
	}
	t0 := perf.Call("now").Float()
	f.Game.Draw(screen)
	t1 := perf.Call("now").Float()
	f.drawMs += t1 - t0
	f.afterDraw()
	f.drawn++
	if f.drawn == 1 {
		f.firstFrameMs = t1
		mark(markFirstFrame)
	}
}

// DrawFinalScreen puts the frame on the canvas as Ebiten does by itself
// (ebiten.FinalScreenDrawer), and counts it.
func (f *frameCounter) DrawFinalScreen(screen ebiten.FinalScreen, offscreen *ebiten.Image, geoM ebiten.GeoM) {
	ebiten.DefaultDrawFinalScreen(screen, offscreen, geoM)
	f.presented++
}

// publish adds to window.raftplay:
//
//	frames()       how many frames have been drawn
//	painted()      how many of them were painted afresh; the others found
//	               nothing changed and left the screen as it was
//	presented()    how many frames were put on the canvas
//	motion()       [frames, ms]: the frames drawn while messages were in
//	               flight, each right after another, and the wall ms
//	               between them (render.Game.MotionFrames)
//	firstFrameMs() performance.now() at the end of the first frame, or 0
//	drawMs()       milliseconds spent in Draw so far, all frames together
//	wake()         asks for frames for a while: a paused page that nothing
//	               changes draws none (render's pacing), and one that waits
//	               for frames (a test, a screenshot) must ask for them
func (f *frameCounter) publish() {
	api := js.Global().Get("raftplay")
	api.Set("frames", js.FuncOf(func(js.Value, []js.Value) any { return f.drawn }))
	api.Set("painted", js.FuncOf(func(js.Value, []js.Value) any { return f.Painted() }))
	api.Set("presented", js.FuncOf(func(js.Value, []js.Value) any { return f.presented }))
	api.Set("motion", js.FuncOf(func(js.Value, []js.Value) any {
		frames, ms := f.MotionFrames()
		return []any{frames, ms}
	}))
	api.Set("firstFrameMs", js.FuncOf(func(js.Value, []js.Value) any { return f.firstFrameMs }))
	api.Set("drawMs", js.FuncOf(func(js.Value, []js.Value) any { return f.drawMs }))
	api.Set("wake", js.FuncOf(func(js.Value, []js.Value) any {
		f.Locked(func() {}) // a call from the page schedules frames
		return nil
	}))
}
