package main

import (
	"fmt"
	"syscall/js"
	"time"
)

// clipTypes are the WebM encodings a clip is recorded in, the first the
// browser supports.
var clipTypes = []string{"video/webm;codecs=vp9", "video/webm;codecs=vp8", "video/webm"}

// recorder records the canvas into a WebM clip (MediaRecorder on
// canvas.captureStream), at the canvas's own size, and downloads it when
// stopped. While it records, a bar outside the canvas, so not in the clip,
// shows the time and a Stop button.
type recorder struct {
	a       *app
	rec     js.Value // the MediaRecorder, or undefined when idle
	bar     js.Value
	timer   js.Value // the bar's clock's interval
	started time.Time
	funcs   []js.Func
}

// toggle starts a recording, or stops the one under way.
func (r *recorder) toggle() error {
	if r.rec.Truthy() {
		r.rec.Call("stop")
		return nil
	}
	return r.start()
}

// recordClip is the Record clip button: a browser that cannot record says
// so on screen.
func (a *app) recordClip() {
	if err := a.recorder.toggle(); err != nil {
		a.game.Notify(err.Error())
	}
}

func (r *recorder) start() error {
	global := js.Global()
	mr := global.Get("MediaRecorder")
	canvas := global.Get("document").Call("querySelector", "canvas")
	if !mr.Truthy() || !canvas.Truthy() || canvas.Get("captureStream").Type() != js.TypeFunction {
		return fmt.Errorf("this browser cannot record a clip: it has no MediaRecorder for the canvas")
	}
	mime := ""
	for _, t := range clipTypes {
		if mr.Call("isTypeSupported", t).Bool() {
			mime = t
			break
		}
	}
	if mime == "" {
		return fmt.Errorf("this browser cannot record a WebM clip")
	}
	rec := mr.New(canvas.Call("captureStream", 30), map[string]any{"mimeType": mime})
	var chunks []any
	onData := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if d := args[0].Get("data"); d.Truthy() && d.Get("size").Int() > 0 {
			chunks = append(chunks, d)
		}
		return nil
	})
	name := fmt.Sprintf("raftplay-seed%d-%dms.webm", r.a.sim.Snapshot().Seed, r.a.sim.Now())
	onStop := js.FuncOf(func(js.Value, []js.Value) any {
		blob := global.Get("Blob").New(js.ValueOf(chunks), map[string]any{"type": "video/webm"})
		r.finish()
		saveBlob(name, blob)
		return nil
	})
	r.funcs = append(r.funcs, onData, onStop)
	rec.Call("addEventListener", "dataavailable", onData)
	rec.Call("addEventListener", "stop", onStop)
	rec.Call("start", 1000)
	r.rec, r.started = rec, time.Now()
	r.showBar()
	return nil
}

// showBar puts the recording's bar on the page's bottom right corner, clear
// of the toolbar: a red dot, the time recorded, which it keeps up to date,
// and Stop.
func (r *recorder) showBar() {
	doc := js.Global().Get("document")
	bar := doc.Call("createElement", "div")
	bar.Set("id", "raftplay-recording")
	bar.Call("setAttribute", "role", "status")
	bar.Get("style").Set("cssText", "position:fixed;bottom:8px;right:8px;z-index:900;display:flex;gap:8px;align-items:center;"+
		"padding:6px 10px;border-radius:6px;background:#1b1f24;color:#fff;font:14px system-ui,sans-serif;box-shadow:0 1px 4px #0006")
	dot := doc.Call("createElement", "span")
	dot.Set("textContent", "●")
	dot.Get("style").Set("color", "#ff5a5a")
	clock := doc.Call("createElement", "span")
	clock.Set("textContent", "Recording 0:00")
	stop := doc.Call("createElement", "button")
	stop.Set("textContent", "Stop")
	stop.Get("style").Set("cssText", "font:inherit;padding:2px 10px;cursor:pointer")
	onStop := js.FuncOf(func(js.Value, []js.Value) any { r.a.recordClip(); return nil })
	tick := js.FuncOf(func(js.Value, []js.Value) any {
		s := int(time.Since(r.started).Seconds())
		clock.Set("textContent", fmt.Sprintf("Recording %d:%02d", s/60, s%60))
		return nil
	})
	r.funcs = append(r.funcs, onStop, tick)
	stop.Call("addEventListener", "click", onStop)
	bar.Call("append", dot, clock, stop)
	doc.Get("body").Call("appendChild", bar)
	r.bar, r.timer = bar, js.Global().Call("setInterval", tick, 250)
}

// finish takes the bar away and lets the recording's callbacks go.
func (r *recorder) finish() {
	js.Global().Call("clearInterval", r.timer)
	r.bar.Call("remove")
	for _, f := range r.funcs {
		f.Release()
	}
	r.funcs, r.rec, r.bar = nil, js.Undefined(), js.Undefined()
}

// saveBlob offers blob to the user as a file called name. The object URL is
// let go a while later, once the browser has taken the file.
func saveBlob(name string, blob js.Value) {
	global := js.Global()
	url := global.Get("URL").Call("createObjectURL", blob)
	link := global.Get("document").Call("createElement", "a")
	link.Set("href", url)
	link.Set("download", name)
	link.Call("click")
	var release js.Func
	release = js.FuncOf(func(js.Value, []js.Value) any {
		global.Get("URL").Call("revokeObjectURL", url)
		release.Release()
		return nil
	})
	global.Call("setTimeout", release, 60_000)
}
