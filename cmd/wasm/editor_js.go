package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"syscall/js"

	"raftplay/raftsim/storyedit"
)

// editorPanel is the story editor beside the canvas (editor_html.go says
// why it is HTML): it shows the editor's view, turns clicks and typing into
// editor commands, keeps the draft in the browser's storage, downloads the
// story file and makes its link.
type editorPanel struct {
	a *app
	// mu guards ed. Whoever needs the simulator too takes the game's lock
	// first (Locked), then mu; typing a caption needs only mu, so a key
	// does not wait for a frame.
	mu sync.Mutex
	ed storyEditor
	el js.Value
	// recorded is the count of recorded actions the status line shows.
	recorded int
}

// editorStorageKey is where the browser keeps the draft, as a story file.
const editorStorageKey = "raftplay-story"

// editorID names the panel, for tests and the style sheet.
const editorID = "raftplay-editor"

// narrowPage is the width, in CSS pixels, under which the panel covers the
// story panel: there Play and Try close it so the story shows.
const narrowPage = 1000

// newEditorPanel adds the panel, closed, to the page, with the draft the
// browser kept, if any; it takes the light or dark of the canvas's theme.
func newEditorPanel(a *app, theme string) *editorPanel {
	p := &editorPanel{a: a}
	doc := a.page.doc
	p.el = doc.Call("createElement", "aside")
	p.el.Set("id", editorID)
	if theme == "light" || theme == "colorblind" {
		p.el.Call("setAttribute", "data-theme", "light")
	}
	p.el.Set("hidden", true)
	p.el.Call("setAttribute", "aria-labelledby", "raftplay-editor-heading")
	doc.Get("body").Call("appendChild", p.el)
	p.el.Call("addEventListener", "click", a.jsFunc("story editor", p.clicked))
	p.el.Call("addEventListener", "input", a.jsFunc("story editor", p.typed))
	p.el.Call("addEventListener", "keydown", a.jsFunc("story editor", func(args []js.Value) any {
		if args[0].Get("key").String() == "Escape" {
			p.run(editorCommand{Cmd: "close"})
		}
		return nil
	}))
	js.Global().Call("setInterval", a.jsFunc("story editor", func([]js.Value) any {
		p.tick()
		return nil
	}), 500)
	if kept := a.page.stored(editorStorageKey); kept != "" {
		if d, err := storyedit.Parse(kept); err == nil {
			p.ed.draft = d
		} else {
			p.ed.note = fmt.Sprintf("the story kept in this browser could not be read (%v); Record a new one", err)
		}
	}
	return p
}

// opened puts a story a link opened in the editor, to change and share
// again; once changed, the browser keeps it in place of the story it kept.
func (p *editorPanel) opened(story string) {
	d, err := storyedit.Parse(story)
	if err != nil {
		p.ed.note = fmt.Sprintf("the story from the link plays, but the editor cannot change it: %v", err)
		return
	}
	p.ed.draft = d // played when the editor opens
	p.ed.note = "the story from the link: change it here (this browser then keeps it in place of its own), and Share link makes a new link"
}

// toggle opens or closes the panel: the story picker's Write your own
// story, and #. Called with the game's lock held.
func (p *editorPanel) toggle() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.setOpen(!p.ed.open)
	p.render()
	if p.ed.open {
		p.focus("record:0")
	}
}

func (p *editorPanel) setOpen(open bool) {
	if open && p.ed.open == open {
		return
	}
	p.ed.open = open
	p.el.Set("hidden", !open)
	if open {
		if p.ed.draft != nil && p.ed.checks == nil {
			p.later(func() { p.ed.check() })
		}
		return
	}
	// Keys go back to the canvas, as before the panel opened.
	if c := p.a.page.doc.Call("querySelector", "canvas"); c.Truthy() {
		c.Call("focus")
	}
}

// later runs f between frames, with the game's lock and the editor's held,
// and draws the panel again: opening the panel is a hook of the game's,
// and playing the draft there would hold up the frame.
func (p *editorPanel) later(f func()) {
	var fn js.Func
	fn = js.FuncOf(func(js.Value, []js.Value) any {
		fn.Release()
		p.locked(func() {
			f()
			p.render()
		})
		return nil
	})
	js.Global().Call("setTimeout", fn, 0)
}

// clicked turns a click on a control into its command.
func (p *editorPanel) clicked(args []js.Value) any {
	t := args[0].Get("target").Call("closest", "[data-cmd]")
	if !t.Truthy() {
		return nil
	}
	d := t.Get("dataset")
	c := editorCommand{Cmd: d.Get("cmd").String()}
	c.Step, _ = strconv.Atoi(d.Get("step").String())
	if s := d.Get("text"); s.Type() == js.TypeString {
		c.Text = s.String()
	}
	if c.Cmd == "question" {
		c.Text = p.questionForm()
	}
	p.run(c)
	return nil
}

// typed keeps a caption or the title as it is typed, without drawing the
// panel again (the field keeps its caret).
func (p *editorPanel) typed(args []js.Value) any {
	t := args[0].Get("target")
	field := t.Get("dataset").Get("field")
	if field.Type() != js.TypeString {
		return nil
	}
	step, _ := strconv.Atoi(t.Get("dataset").Get("step").String())
	c := editorCommand{Cmd: field.String(), Step: step, Text: t.Get("value").String()}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, err := p.ed.edit(c); err == nil {
		p.save()
	}
	return nil
}

// questionForm reads the open question form as the question command's
// text.
func (p *editorPanel) questionForm() string {
	f := map[string]string{}
	fields := p.el.Call("querySelectorAll", "[data-q]")
	for i := 0; i < fields.Length(); i++ {
		el := fields.Index(i)
		f[el.Get("dataset").Get("q").String()] = el.Get("value").String()
	}
	b, _ := json.Marshal(f) // strings: cannot fail
	return string(b)
}

// run carries out a command from the panel or raftplay.editor(cmd), draws
// the panel again and returns the refusal, if any.
func (p *editorPanel) run(c editorCommand) error {
	if c.Cmd == "record" {
		// A recording on a past moment records from it: the run forks
		// there first, as an action done there would.
		if err := p.a.game.ForkShown(); err != nil {
			p.locked(func() { p.ed.note = err.Error(); p.render() })
			return err
		}
	}
	var err error
	p.locked(func() {
		p.ed.note = ""
		if err = p.do(c); err != nil {
			p.ed.note = err.Error()
		}
		p.render()
	})
	return err
}

// do carries out c with the game's lock held.
func (p *editorPanel) do(c editorCommand) error {
	a := p.a
	switch c.Cmd {
	case "close":
		p.setOpen(false)
		return nil
	case "open":
		p.setOpen(true)
		return nil
	case "record":
		a.stories.TakeOver()
		p.ed.rec = storyedit.StartRecording(a.sim.Run())
		p.recorded = 0
		return nil
	case "stop":
		if p.ed.rec == nil {
			return fmt.Errorf("nothing is being recorded")
		}
		d, err := p.ed.rec.Stop(a.sim.Run(), say(a.sim.Config()))
		if err != nil {
			p.ed.rec = nil
			return err
		}
		p.ed.stopped(d)
		p.save()
		return nil
	case "play", "try":
		return p.play(max(c.Step, 1))
	case "export":
		return p.export()
	case "share":
		return p.share()
	}
	changed, err := p.ed.edit(c)
	switch {
	case !changed:
		return fmt.Errorf("unknown editor command %q", c.Cmd)
	case err == nil && c.Cmd != "ask" && c.Cmd != "cancel":
		p.save()
	}
	return err
}

// play plays the draft in the page from step n (from 1): the steps before
// it are replayed, as the story player's Back does.
func (p *editorPanel) play(n int) error {
	if p.ed.draft == nil {
		return fmt.Errorf("there is no story yet: Record, take some actions, then Stop")
	}
	sc, err := p.ed.draft.Scenario()
	if err == nil {
		err = p.a.stories.Play(sc, n-1)
	}
	if err == nil && js.Global().Get("innerWidth").Float() < narrowPage {
		p.setOpen(false)
		p.a.game.Notify("the story plays; # reopens the story editor")
	}
	return err
}

// locked runs f with the game's lock and the editor's held.
func (p *editorPanel) locked(f func()) {
	p.a.game.Locked(func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		f()
	})
}

// tick updates the recording's count on the status line. It takes the
// game's lock, which asks for frames, only while a recording shows: a
// closed editor must not keep a paused page drawing.
func (p *editorPanel) tick() {
	p.mu.Lock()
	recording := p.ed.rec != nil && p.ed.open
	p.mu.Unlock()
	if !recording {
		return
	}
	p.locked(func() {
		if p.ed.rec == nil || !p.ed.open {
			return
		}
		acts, err := p.ed.rec.Recorded(p.a.sim.Run())
		if err != nil {
			p.ed.rec, p.ed.note = nil, err.Error()
			p.render()
			return
		}
		if len(acts) != p.recorded {
			p.recorded = len(acts)
			p.showStatus()
		}
	})
}

// showStatus writes the status line alone and leaves the controls as they
// are: a press on Stop while the count moves would be lost on a button
// drawn again between the press and the release.
func (p *editorPanel) showStatus() {
	if el := p.el.Call("querySelector", ".ed-status"); el.Truthy() {
		el.Set("textContent", p.ed.view(p.recorded).status())
	}
}

// render draws the panel from the editor's view. Focus inside the panel
// stays on the control that had it (or, when that control went, the first
// one); focus elsewhere, on the canvas taking a recording's keys, stays.
func (p *editorPanel) render() {
	if !p.ed.open {
		return
	}
	focus, inside := "", false
	if f := p.a.page.doc.Get("activeElement"); f.Truthy() && p.el.Call("contains", f).Bool() {
		inside = true
		if k := f.Get("dataset").Get("key"); k.Type() == js.TypeString {
			focus = k.String()
		}
	}
	p.el.Set("innerHTML", p.ed.view(p.recorded).html())
	if inside {
		p.focus(focus)
	}
}

// focus puts the keyboard on the control named key, or on the panel's
// first control when there is none.
func (p *editorPanel) focus(key string) {
	el := p.el.Call("querySelector", `[data-key="`+key+`"]`)
	if !el.Truthy() {
		el = p.el.Call("querySelector", "[data-cmd]")
	}
	if el.Truthy() {
		el.Call("focus")
	}
}

// editorAPI is raftplay.editor([cmd]): with no argument the editor's view
// as JSON; with a command (JSON text or an object, as editorCommand reads
// it) it carries it out and returns the view, or {"ok":false,"error":…}.
func (p *editorPanel) editorAPI(args []js.Value) any {
	if len(args) > 0 {
		text, err := actionText(args[0])
		var c editorCommand
		if err == nil {
			c, err = parseEditorCommand(text)
		}
		if err == nil {
			err = p.run(c)
		}
		if err != nil {
			return resultJSON(err)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ed.view(p.recorded).json()
}
