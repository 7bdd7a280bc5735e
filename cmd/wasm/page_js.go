package main

import (
	"syscall/js"
	"time"

	"raftplay/control"
	"raftplay/render"
	"raftplay/render/scene"
)

// page is the HTML document around the canvas.
type page struct {
	doc js.Value
}

func newPage() *page { return &page{doc: js.Global().Get("document")} }

// autoTheme is the theme the browser's preferences ask for: its colour
// scheme, in the colour-blind palette where it asks for more contrast.
func (p *page) autoTheme() string {
	return scene.AutoThemeName(prefers(darkScheme), prefers(moreContrast))
}

// The media queries the theme "auto" follows.
const (
	darkScheme   = "(prefers-color-scheme: dark)"
	moreContrast = "(prefers-contrast: more)"
)

// followAutoTheme tells the game the theme the browser asks for whenever
// its colour scheme or contrast preference changes, for as long as the
// page lives; the game takes it while the theme chosen is "auto".
func (p *page) followAutoTheme(g *render.Game) {
	if js.Global().Get("matchMedia").Type() != js.TypeFunction {
		return
	}
	changed := js.FuncOf(func(js.Value, []js.Value) any {
		g.SetAutoTheme(p.autoTheme())
		return nil
	})
	for _, q := range []string{darkScheme, moreContrast} {
		js.Global().Call("matchMedia", q).Call("addEventListener", "change", changed)
	}
}

// reducedMotion resolves the motion parameter: "auto" follows the
// browser's prefers-reduced-motion.
func (p *page) reducedMotion(param string) bool {
	if param == "auto" {
		return prefers("(prefers-reduced-motion: reduce)")
	}
	return param == "reduced"
}

// touchScreen reports whether the screen's main pointer is a finger.
func (p *page) touchScreen() bool { return prefers("(pointer: coarse)") }

// prefers reports whether the browser matches the media query q.
func prefers(q string) bool {
	return js.Global().Get("matchMedia").Type() == js.TypeFunction && js.Global().Call("matchMedia", q).Get("matches").Bool()
}

// removeLoader takes the loading overlay off the page.
func (p *page) removeLoader() {
	if el := p.doc.Call("getElementById", "raftplay-loader"); el.Truthy() {
		el.Call("remove")
	}
}

// rest tells the loader's frame gate (loader.js, gateFrames) whether the
// game rests; a page started without the loader has no gate.
func (p *page) rest(on bool) {
	if gate := js.Global().Get("raftplayRest"); gate.Type() == js.TypeFunction {
		gate.Invoke(on)
	}
}

// log writes a notice to the browser console too.
func (p *page) log(text string) {
	js.Global().Get("console").Call("log", "raftplay: "+text)
}

// liveRegion returns #raftplay-live, making a visually hidden one if the
// page has none.
func (p *page) liveRegion() js.Value {
	el := p.doc.Call("getElementById", "raftplay-live")
	if el.Truthy() {
		return el
	}
	el = p.doc.Call("createElement", "div")
	el.Set("id", "raftplay-live")
	el.Call("setAttribute", "aria-live", "polite")
	el.Get("style").Set("cssText", "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap")
	p.doc.Get("body").Call("appendChild", el)
	return el
}

// announce puts the feed's latest line into the live region, at most one
// per interval, for as long as the page lives.
func (p *page) announce(feed *control.LiveFeed, interval time.Duration) {
	region := p.liveRegion()
	for range time.Tick(interval) {
		if line, ok := feed.Take(); ok {
			region.Set("textContent", line)
		}
	}
}

// showFailure covers the page with a headline and a report that can be
// selected and copied, for when the playground cannot go on.
func (p *page) showFailure(headline, report string) {
	const id = "raftplay-failure"
	if old := p.doc.Call("getElementById", id); old.Truthy() {
		old.Call("remove")
	}
	box := p.doc.Call("createElement", "div")
	box.Set("id", id)
	box.Call("setAttribute", "role", "alert")
	box.Get("style").Set("cssText", "position:fixed;inset:0;z-index:1000;overflow:auto;padding:1.5rem;"+
		"background:#1b1214;color:#f3e6e6;font:15px/1.5 system-ui,sans-serif")
	h := p.doc.Call("createElement", "h1")
	h.Set("textContent", headline)
	h.Get("style").Set("cssText", "font-size:1.3rem;margin:0 0 .5rem;color:#ff8a80")
	hint := p.doc.Call("createElement", "p")
	hint.Set("textContent", "Reload the page to start again. Please report this with the text below: it replays the run.")
	pre := p.doc.Call("createElement", "pre")
	pre.Set("textContent", report)
	pre.Get("style").Set("cssText", "white-space:pre-wrap;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;"+
		"background:#2a1d20;padding:1rem;border-radius:6px;user-select:text")
	box.Call("append", h, hint, pre)
	p.doc.Get("body").Call("appendChild", box)
}
