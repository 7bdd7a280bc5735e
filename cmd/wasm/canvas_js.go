package main

import "syscall/js"

// canvasContextAttributes are the attributes of the canvas's WebGL2
// context: Ebiten's own (alpha, premultipliedAlpha, stencil; see its
// internal/graphicsdriver/opengl/graphics_js.go) with multisampling off.
//
// WebGL multisamples a canvas unless asked not to, and resolves the
// samples on every frame it presents. Ebiten gains nothing from it: its
// shapes and text are anti-aliased by its own means on offscreen images,
// and the canvas only ever receives the finished screen as one
// axis-aligned quad. In software GL (SwiftShader, what a machine without a
// GPU driver runs) the resolve was a third of the GPU process's CPU per
// presented 1280×800 frame and ~50 MB of its memory.
var canvasContextAttributes = map[string]any{
	"alpha":              true,
	"premultipliedAlpha": true,
	"stencil":            true,
	"antialias":          false,
}

// claimCanvasContext makes the canvas's WebGL2 context before Ebiten does,
// with canvasContextAttributes. Ebiten puts its canvas on the page when its
// package starts and asks for the context when the game runs; a canvas
// gives every later request for the same kind of context the one it made
// first, whatever attributes they name (HTML's getContext), so Ebiten draws
// on this one. Without a canvas or WebGL2 it leaves the failing to Ebiten,
// whose error the page shows.
func (p *page) claimCanvasContext() {
	if canvas := p.doc.Call("querySelector", "canvas"); canvas.Truthy() {
		canvas.Call("getContext", "webgl2", js.ValueOf(canvasContextAttributes))
	}
}
