package main

import (
	"syscall/js"
)

// scriptPaste is a box the page shows over the canvas to paste one of
// raft's interaction scripts into: a canvas takes no pasted text, and a
// phone pastes only into a real text field. Play plays it with the story
// player; a script that cannot play is explained in the box, which stays
// open to fix it.
type scriptPaste struct {
	a     *app
	box   js.Value
	text  js.Value
	error js.Value
}

// The box's parts, by id, for tests and style sheets.
const (
	scriptBoxID   = "raftplay-script-box"
	scriptTextID  = "raftplay-script-text"
	scriptPlayID  = "raftplay-script-play"
	scriptErrorID = "raftplay-script-error"
)

// newScriptPaste adds the box, hidden, to the page.
func newScriptPaste(doc js.Value, a *app) *scriptPaste {
	el := func(tag, id, css string) js.Value {
		e := doc.Call("createElement", tag)
		if id != "" {
			e.Set("id", id)
		}
		e.Get("style").Set("cssText", css)
		return e
	}
	p := &scriptPaste{a: a}
	p.box = el("div", scriptBoxID, "display:none;position:fixed;z-index:6;left:50%;top:50%;transform:translate(-50%,-50%);"+
		"width:min(640px,92vw);box-sizing:border-box;padding:12px;background:#1d2230;color:#e8e8e8;"+
		"border:1px solid #556;border-radius:8px;font:14px sans-serif")
	p.box.Set("role", "dialog")
	label := el("label", "", "display:block;margin-bottom:6px")
	label.Set("htmlFor", scriptTextID)
	label.Set("textContent", "Paste one of raft's interaction scripts (commands, each followed by ---- and its expected output):")
	p.text = el("textarea", scriptTextID, "width:100%;height:min(40vh,320px);box-sizing:border-box;font:13px monospace")
	p.text.Set("spellcheck", false)
	p.error = el("div", scriptErrorID, "color:#ff8a80;margin:6px 0;white-space:pre-wrap")
	play := el("button", scriptPlayID, "font:14px sans-serif;margin-right:8px;padding:6px 14px")
	play.Set("textContent", "Play")
	cancel := el("button", "", "font:14px sans-serif;padding:6px 14px")
	cancel.Set("textContent", "Cancel")
	for _, c := range []js.Value{label, p.text, p.error, play, cancel} {
		p.box.Call("appendChild", c)
	}
	doc.Get("body").Call("appendChild", p.box)
	play.Call("addEventListener", "click", a.jsFunc("script paste", func([]js.Value) any {
		p.play()
		return nil
	}))
	cancel.Call("addEventListener", "click", js.FuncOf(func(js.Value, []js.Value) any {
		p.hide()
		return nil
	}))
	return p
}

// pasteScript opens the box (the script picker's Paste a script). It is
// called with the game's lock held.
func (a *app) pasteScript() {
	a.paste.error.Set("textContent", "")
	a.paste.box.Get("style").Set("display", "block")
	a.paste.text.Call("focus")
}

// play plays the pasted script, or says in the box why it cannot.
func (p *scriptPaste) play() {
	var err error
	text := p.text.Get("value").String()
	p.a.game.Locked(func() { err = p.a.stories.PlayScript("", text, 0) })
	if err != nil {
		p.error.Set("textContent", "This script cannot play: "+err.Error())
		p.a.game.Notify("the pasted script cannot play: " + err.Error())
		return
	}
	p.hide()
}

// hide closes the box; keys go back to the canvas.
func (p *scriptPaste) hide() {
	p.box.Get("style").Set("display", "none")
	if canvas := js.Global().Get("document").Call("querySelector", "canvas"); canvas.Truthy() {
		canvas.Call("focus")
	}
}
