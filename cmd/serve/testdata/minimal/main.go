//go:build js

// Command minimal is the yardstick the browser benchmark measures the
// playground against: the least an Ebiten page draws (a line of text and
// one anti-aliased circle, every frame), so the two rates show what the
// playground's own drawing costs in the same browser. The page's query
// r=N sets the circle's radius in pixels (60 without it): in software GL
// a large anti-aliased circle alone costs a third of the frame rate, so
// the benchmark measures a small one beside it. The query aa=0 makes the
// canvas's WebGL context without multisampling, as the playground does
// (cmd/wasm/canvas_js.go), so the two pay the same to present a frame.
package main

import (
	"image/color"
	"strconv"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
)

type page struct {
	face   *text.GoXFace
	frames int
	w, h   int
	radius float32
}

func (p *page) Update() error { return nil }

func (p *page) Draw(screen *ebiten.Image) {
	p.frames++
	var op text.DrawOptions
	op.GeoM.Translate(20, 20)
	text.Draw(screen, "a minimal Ebiten page, frame "+strconv.Itoa(p.frames), p.face, &op)
	vector.FillCircle(screen, float32(p.w)/2, float32(p.h)/2, p.radius, color.RGBA{0x5b, 0x9b, 0xf0, 0xff}, true)
}

func (p *page) Layout(w, h int) (int, int) {
	p.w, p.h = w, h
	return w, h
}

func main() {
	ft, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic(err)
	}
	xf, _ := opentype.NewFace(ft, &opentype.FaceOptions{Size: 16, DPI: 72, Hinting: font.HintingNone})
	p := &page{face: text.NewGoXFace(xf), radius: 60}
	query := js.Global().Get("URLSearchParams").New(js.Global().Get("location").Get("search"))
	if r, err := strconv.ParseFloat(query.Call("get", "r").String(), 32); err == nil && r > 0 {
		p.radius = float32(r)
	}
	if query.Call("get", "aa").String() == "0" {
		// Ebiten's attributes, multisampling off; its own later request
		// gets this context.
		attrs := map[string]any{"alpha": true, "premultipliedAlpha": true, "stencil": true, "antialias": false}
		js.Global().Get("document").Call("querySelector", "canvas").Call("getContext", "webgl2", attrs)
	}
	api := js.Global().Get("Object").New()
	api.Set("frames", js.FuncOf(func(js.Value, []js.Value) any { return p.frames }))
	js.Global().Set("minimal", api)
	if err := ebiten.RunGame(p); err != nil {
		panic(err)
	}
}
