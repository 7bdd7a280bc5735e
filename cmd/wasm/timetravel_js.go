package main

import (
	"encoding/json"
	"errors"
	"syscall/js"
)

// publishTimeTravel adds time travel to window.raftplay:
//
//	seek(ms)  shows the run as it was at virtual time ms (seek to the
//	          present shows the live run again) and returns that
//	          moment's state(), or {"ok":false,"error":…}
//	fork()    plays on from the moment shown: {"ok":true} or an error
//	export()  the run as a test: {"config":…,"seed":…,"actions":[…],
//	          "until_ms":N,"final":<snapshot>,"story":{…},"command":"…"}
//	          (timeline.Export), or an error
//	timeline() the live run's present, its marks, what the kept frames
//	          cost and the moment shown, as JSON {"now_ms":N,"marks":[…],
//	          "stats":{…},"shown_ms":N,"exact":true}: exact is false while
//	          a kept frame stands in for a past moment not yet replayed
func (a *app) publishTimeTravel(api js.Value) {
	api.Set("seek", a.jsFunc("seek()", func(args []js.Value) any {
		if len(args) == 0 || args[0].Type() != js.TypeNumber {
			return resultJSON(errors.New("seek needs a number of virtual milliseconds, a moment of the run"))
		}
		ms, err := seekMs(args[0].Float())
		if err != nil {
			return resultJSON(err)
		}
		snap, err := a.game.ShowAt(ms)
		if err != nil {
			return resultJSON(err)
		}
		return string(snap.JSON())
	}))
	api.Set("fork", a.jsFunc("fork()", func([]js.Value) any { return resultJSON(a.game.Fork()) }))
	api.Set("export", a.jsFunc("export()", func([]js.Value) any {
		ex, err := a.game.Export()
		if err != nil {
			return resultJSON(err)
		}
		return string(ex.JSON())
	}))
	api.Set("timeline", a.jsFunc("timeline()", func([]js.Value) any {
		var out []byte
		shown, exact := a.game.Moment()
		a.game.Locked(func() {
			out, _ = json.Marshal(struct { // plain values: cannot fail
				NowMs   int64 `json:"now_ms"`
				Marks   any   `json:"marks"`
				Stats   any   `json:"stats"`
				ShownMs int64 `json:"shown_ms"`
				Exact   bool  `json:"exact"`
			}{a.sim.Now(), a.timeline.Marks(), a.timeline.Stats(), shown, exact})
		})
		return string(out)
	}))
}

// download offers data to the user as a file called name: the Export
// button's run as a test.
func (a *app) download(name string, data []byte) {
	blob := js.Global().Get("Blob").New(js.ValueOf([]any{string(data)}), js.ValueOf(map[string]any{"type": "application/json"}))
	saveBlob(name, blob)
}
