package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"syscall/js"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"raftplay/control"
	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/spacetime"
	"raftplay/raftsim/timeline"
	"raftplay/render"
)

// liveInterval is how often the live region may change: at most one line
// per interval is read out.
const liveInterval = 250 * time.Millisecond

// gcPercent is the page's GOGC. A wasm module never gives memory back, so
// the page holds its heap's peak for good, and with Go's default of 100 the
// heap peaks at twice what is live: 60 keeps the peak at 1.6 times, for a
// little more of each frame's time spent collecting (BenchmarkPageHeapUnderStress
// in package control, run in wasm, measures both).
const gcPercent = 60

func main() {
	mark(markMain)
	debug.SetGCPercent(gcPercent)
	page := newPage()
	page.claimCanvasContext()
	defer func() {
		// Setting up panicked, before the game could report it itself.
		if v := recover(); v != nil {
			page.showFailure("raftplay could not start", fmt.Sprintf("a panic while starting: %v\n\n%s", v, debug.Stack()))
		}
	}()
	query := js.Global().Get("location").Get("search").String()
	params, problems := ParseParams(query)
	sim, err := judged.New(params.Config)
	if err != nil {
		page.showFailure("raftplay could not start", err.Error())
		return
	}
	app := &app{sim: sim, page: page, theme: params.Theme}
	app.recorder.a = app
	for _, a := range params.StartActions() {
		if err := sim.Do(a); err != nil {
			problems = append(problems, err.Error())
		}
	}

	app.stories = control.NewStories(sim)
	app.timeline = control.NewTimeline(sim, judged.New, app.stories)
	editorTheme := params.Theme
	if editorTheme == "auto" {
		editorTheme = page.autoTheme()
	}
	app.editor = newEditorPanel(app, editorTheme)
	problems = append(problems, app.startRun(params)...)

	var feed control.LiveFeed
	app.game = render.NewGame(sim, render.Options{
		Theme:         params.Theme,
		AutoTheme:     page.autoTheme(),
		OnTheme:       app.chooseTheme,
		ReducedMotion: page.reducedMotion(params.Motion),
		Touch:         page.touchScreen(),
		Controls:      params.Controls,
		Panels:        params.Panels,
		OnEvent:       feed.Offer,
		OnMessage:     page.log,
		OnFirstFrame:  page.removeLoader,
		OnRest:        page.rest,
		OnPanic:       app.crashed,
		Stories:       app.stories,
		OnShare:       app.share,
		OnPasteScript: app.pasteScript,
		Timeline:      app.timeline,
		OnExport:      app.download,
		OnRecord:      app.recordClip,
		OnStoryEditor: app.editor.toggle,
		Diagram:       spacetime.New(sim, spacetime.Options{}),
		Welcome:       page.wantsWelcome(query),
		OnWelcomeDone: page.rememberWelcome,
	})
	for _, p := range problems {
		app.game.Notify(p)
	}
	page.followAutoTheme(app.game)
	if params.ShareQR {
		page.showShareQR()
	}
	app.paste = newScriptPaste(page.doc, app)
	app.publishAPI()
	app.publishConsole()
	frames := &frameCounter{Game: app.game, afterDraw: newConsoleField(page.doc, app.game).sync}
	frames.publish()
	app.listenForMessages()
	go page.announce(&feed, liveInterval)
	go page.textView(app)

	mark(markStarted)
	ebiten.SetWindowTitle("raftplay")
	ebiten.SetWindowSize(1280, 800)
	ebiten.SetTPS(ebiten.SyncWithFPS)
	if err := ebiten.RunGame(frames); err != nil && !errors.Is(err, render.ErrStopped) {
		page.showFailure("raftplay stopped", err.Error())
	}
	// Keep the page's API answering after the game stops, so a host page or
	// a person at the console can still read the state that led there.
	select {}
}

// app ties the simulator, the game and the page together.
type app struct {
	sim     *raftsim.Sim
	game    *render.Game
	page    *page
	stories *control.Stories
	// timeline keeps the run's past for seek(), fork() and export().
	timeline *timeline.Timeline
	// recorder records clips of the canvas (Record clip, record()).
	recorder recorder
	// theme is the theme chosen: the URL's, then the settings panel's.
	theme string
	// editor is the story editor beside the canvas (editor_js.go).
	editor *editorPanel
	// paste is the page's field to paste a script into (scriptpaste_js.go).
	paste *scriptPaste
}

// chooseTheme keeps the theme chosen in the settings panel, for share
// links.
func (a *app) chooseTheme(choice string) { a.theme = choice }

// crashed reports a panic on the page, with what replays the run.
func (a *app) crashed(where string, value any, stack []byte) {
	cfg := a.sim.Config()
	actions, err := a.actions()
	if err != nil {
		stack = append([]byte(fmt.Sprintf("(the action log could not be read: %v)\n\n", err)), stack...)
	}
	a.page.showFailure("raftplay stopped", crashReport(where, value, stack, cfg, actions))
}

// actions reads the action log from a snapshot; the simulator may be broken
// after a panic, so a second panic here is caught and reported instead.
func (a *app) actions() (acts []raftsim.ActionRecord, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%v", v)
		}
	}()
	return a.sim.Snapshot().Actions, nil
}

// jsFunc wraps f for JavaScript. A panic in f is shown on the page like one
// in the game, and the call returns an error result instead of failing.
func (a *app) jsFunc(name string, f func(args []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if v := recover(); v != nil {
				a.crashed(name, v, debug.Stack())
				result = resultJSON(fmt.Errorf("%s panicked: %v", name, v))
			}
		}()
		return f(args)
	})
}
