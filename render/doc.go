// Package render is the playground's picture and controls on Ebiten: a Game
// that advances a simulator by wall time times its speed, reads one snapshot
// per frame, draws it, and turns keys, clicks and taps into actions.
//
// What to draw where, and what input means, is decided by package
// render/scene, which needs no display; what the page does with the run
// (stories and scripts played a step at a time, time travel and forks, the
// election experiment, the linearizability check's pace) is package
// control's, which render calls with the scene's commands and whose views
// it hands the scene (ops.go, timetravel.go, lab.go, check.go). The files
// here paint what a scene.Scene describes (draw.go and draw_*.go, hud.go,
// toolbar.go, panels.go, notices.go, with the shapes and text of
// painter.go), keep what rarely changes in an offscreen cache (cache.go)
// and feed the scene input (input.go). Everything is drawn in device
// pixels, so the picture is crisp on HiDPI screens.
package render
