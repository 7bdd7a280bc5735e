package main

import (
	"encoding/json"
	"errors"
	"runtime/debug"
	"syscall/js"

	"raftplay/raftsim"
)

// publishAPI sets window.raftplay:
//
//	version     "raftplay 0.1.0 with go.etcd.io/raft/v3 v3.7.0"
//	state()     the snapshot as a JSON string
//	do(action)  an action as a JSON string or an object; returns the JSON
//	            string {"ok":true} or {"ok":false,"error":"…"}
//	advance(ms) advances virtual time at once and returns state()
//	story([cmd]) the story being played, or a command to its player (storyapi.go)
//	editor([cmd]) the story editor's view, or a command to it (editor_js.go)
//	link()      the address that reproduces the run
//	checkCost() what the linearizability check's steps cost the frames
//	            that ran them, as JSON (render.Game.CheckCost)
//	layout()    where the picture puts the nodes (centre, radius, caption
//	            lines), the panels it draws and what a tap acts on, in CSS
//	            pixels, as JSON (scene.Placement)
//	experiment() the election experiment's view: {"open":…,"done":…,
//	            "total":…,"results":[…]} with results as cmd/sim -json
//	            prints them (render.Game.Experiment)
//
// publishTimeTravel adds seek(), fork(), export() and timeline()
// (timetravel_js.go), publishDiagram diagram() (diagram_js.go); frameCounter.publish adds frames() and firstFrameMs() (frames_js.go),
// publishConsole console() (consolefield_js.go), publishMemory memory()
// (memory_js.go).
//
// Calls run between frames, under the game's lock.
func (a *app) publishAPI() {
	api := js.Global().Get("Object").New()
	api.Set("version", versionString(debug.ReadBuildInfo()))
	api.Set("state", a.jsFunc("state()", func([]js.Value) any { return a.state() }))
	api.Set("do", a.jsFunc("do()", func(args []js.Value) any {
		if len(args) == 0 {
			return resultJSON(errors.New(`do needs an action, e.g. {"op":"crash","node":1}`))
		}
		return resultJSON(a.do(args[0]))
	}))
	api.Set("advance", a.jsFunc("advance()", func(args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeNumber {
			return resultJSON(errors.New("advance needs a number of virtual milliseconds"))
		}
		ms, err := advanceMs(args[0].Float())
		if err != nil {
			return resultJSON(err)
		}
		a.game.Locked(func() { a.sim.Advance(ms) })
		return a.state()
	}))
	api.Set("story", a.jsFunc("story()", a.storyAPI))
	api.Set("editor", a.jsFunc("editor()", a.editor.editorAPI))
	api.Set("link", a.jsFunc("link()", a.linkAPI))
	api.Set("record", a.jsFunc("record()", func([]js.Value) any {
		var err error
		a.game.Locked(func() { err = a.recorder.toggle() })
		return resultJSON(err)
	}))
	api.Set("checkCost", a.jsFunc("checkCost()", func([]js.Value) any {
		b, _ := json.Marshal(a.game.CheckCost()) // plain numbers: cannot fail
		return string(b)
	}))
	api.Set("layout", a.jsFunc("layout()", func([]js.Value) any {
		b, _ := json.Marshal(a.game.Placement()) // plain numbers and names: cannot fail
		return string(b)
	}))
	api.Set("experiment", a.jsFunc("experiment()", func([]js.Value) any {
		b, _ := json.Marshal(a.game.Experiment()) // plain values: cannot fail
		return string(b)
	}))
	a.publishTimeTravel(api)
	a.publishDiagram(api)
	a.publishMemory(api)
	js.Global().Set("raftplay", api)
}

// state returns the snapshot shown as JSON: the live run's, or the past
// moment seek() shows.
func (a *app) state() string { return string(a.game.Shown().JSON()) }

// do applies an action given as a JSON string or a JavaScript object. A
// refused action is also shown on screen, so whoever watches the playground
// sees why nothing happened.
func (a *app) do(v js.Value) error {
	text, err := actionText(v)
	if err == nil {
		var action raftsim.Action
		if action, err = raftsim.ParseAction(text); err == nil {
			err = a.game.Do(action)
		}
	}
	if err != nil {
		a.game.Notify(err.Error())
	}
	return err
}

// actionText returns an action argument as JSON text.
func actionText(v js.Value) (string, error) {
	switch v.Type() {
	case js.TypeString:
		return v.String(), nil
	case js.TypeObject:
		return js.Global().Get("JSON").Call("stringify", v).String(), nil
	}
	return "", errors.New(`an action is a JSON string or an object, e.g. {"op":"crash","node":1}`)
}
