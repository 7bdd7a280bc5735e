package main

import "syscall/js"

// The start-up marks: performance marks the page leaves on its way to the
// first frame, so that a benchmark (BenchmarkBrowserFirstFrame) or a person
// in the browser's performance panel can see where the time went. The
// loader sets the first ones (loader.js: raftplay:fetch, raftplay:response,
// raftplay:downloaded, raftplay:instantiated); the Go program sets these.
const (
	// markMain is set as main begins: the Go runtime and every package's
	// init have run.
	markMain = "raftplay:main"
	// markStarted is set once the simulator, the stories and the game are
	// built, just before Ebiten's game loop starts.
	markStarted = "raftplay:started"
	// markFirstDraw is set as the first Draw begins.
	markFirstDraw = "raftplay:first-draw"
	// markFirstFrame is set as the first Draw ends.
	markFirstFrame = "raftplay:first-frame"
)

// mark sets the performance mark name at this moment.
func mark(name string) {
	js.Global().Get("performance").Call("mark", name)
}
