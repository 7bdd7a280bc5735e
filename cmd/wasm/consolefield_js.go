package main

import (
	"encoding/json"
	"strconv"
	"syscall/js"

	"raftplay/render"
	"raftplay/render/scene"
)

// consoleField is a real text field the page keeps over the console's input
// line while the console is open. Tapping it opens a phone's on-screen
// keyboard, which a canvas never does; what is typed into it is handed to
// the game as keys. It is invisible: the canvas draws the line and caret.
type consoleField struct {
	game  *render.Game
	doc   js.Value
	form  js.Value
	input js.Value
	shown bool
	// last is the field's text as the game was last told it.
	last []rune
}

// consoleFieldID names the field, for tests and style sheets.
const consoleFieldID = "raftplay-console-field"

// newConsoleField adds the field, hidden, to the page.
func newConsoleField(doc js.Value, game *render.Game) *consoleField {
	f := &consoleField{game: game, doc: doc}
	f.form = doc.Call("createElement", "form")
	f.form.Get("style").Set("cssText", "display:none;position:fixed;z-index:5;margin:0")
	f.input = doc.Call("createElement", "input")
	for _, attr := range [][2]string{
		{"id", consoleFieldID}, {"type", "text"}, {"autocomplete", "off"}, {"autocapitalize", "none"},
		{"autocorrect", "off"}, {"spellcheck", "false"}, {"enterkeyhint", "send"}, {"aria-label", "etcdctl command"},
	} {
		f.input.Call("setAttribute", attr[0], attr[1])
	}
	// 16px keeps iOS from zooming into the field; opacity 0 leaves the
	// drawing to the canvas while the field still takes taps and text.
	f.input.Get("style").Set("cssText", "width:100%;height:100%;box-sizing:border-box;margin:0;border:0;padding:0;font-size:16px;opacity:0")
	f.form.Call("appendChild", f.input)
	doc.Get("body").Call("appendChild", f.form)

	f.input.Call("addEventListener", "input", js.FuncOf(func(js.Value, []js.Value) any {
		f.typed(f.input.Get("value").String())
		return nil
	}))
	// Enter, on any keyboard, submits the form.
	f.form.Call("addEventListener", "submit", js.FuncOf(func(_ js.Value, args []js.Value) any {
		args[0].Call("preventDefault")
		f.game.Type(scene.KeyEnter)
		f.input.Set("value", "")
		f.last = f.last[:0]
		return nil
	}))
	f.input.Call("addEventListener", "keydown", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if r, ok := fieldKeys[args[0].Get("key").String()]; ok {
			args[0].Call("preventDefault")
			f.game.Type(r)
		}
		return nil
	}))
	return f
}

// fieldKeys are the keys the field passes on as they are, because they edit
// no text: history, scrolling and closing.
var fieldKeys = map[string]rune{
	"Escape": scene.KeyEscape, "ArrowUp": scene.KeyUp, "ArrowDown": scene.KeyDown,
	"PageUp": scene.KeyPageUp, "PageDown": scene.KeyPageDown,
}

// typed tells the game how the field's text changed: Backspaces back to
// where the old and new text part, then the new text from there. That
// covers typing, deleting, pasting and a phone's autocorrect alike.
func (f *consoleField) typed(value string) {
	now := []rune(value)
	same := 0
	for same < len(now) && same < len(f.last) && now[same] == f.last[same] {
		same++
	}
	var keys []rune
	for range len(f.last) - same {
		keys = append(keys, scene.KeyBackspace)
	}
	keys = append(keys, now[same:]...)
	f.game.Type(keys...)
	f.last = now
}

// sync puts the field over the console's input line, or hides it, once per
// frame; when the game changed the line itself (history, a key on the
// canvas), the field takes the game's line.
func (f *consoleField) sync() {
	rect, line, open := f.game.ConsoleField()
	if !open {
		if f.shown {
			f.shown = false
			hadFocus := f.input.Equal(f.doc.Get("activeElement"))
			f.form.Get("style").Set("display", "none")
			// Keys go back to the canvas, as before the console opened.
			if canvas := f.doc.Call("querySelector", "canvas"); hadFocus && canvas.Truthy() {
				canvas.Call("focus")
			}
		}
		return
	}
	style := f.form.Get("style")
	style.Set("left", px(rect.X))
	style.Set("top", px(rect.Y))
	style.Set("width", px(rect.W))
	style.Set("height", px(rect.H))
	if !f.shown {
		f.shown = true
		style.Set("display", "block")
	}
	if line != string(f.last) {
		f.input.Set("value", line)
		f.last = []rune(line)
	}
}

// px is a CSS length in pixels.
func px(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) + "px" }

// consoleLinesShown is how many transcript lines console() returns.
const consoleLinesShown = 50

// publishConsole adds to window.raftplay:
//
//	console()  the newest lines of the etcdctl console's transcript, oldest
//	           first, as a JSON array of strings
func (a *app) publishConsole() {
	js.Global().Get("raftplay").Set("console", a.jsFunc("console()", func([]js.Value) any {
		b, _ := json.Marshal(a.game.ConsoleLines(consoleLinesShown)) // strings: cannot fail
		return string(b)
	}))
}
