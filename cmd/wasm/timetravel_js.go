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
//	timeline() the marks and what the kept frames cost, as JSON
//	          {"marks":[…],"stats":{…}}
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
		a.game.Locked(func() {
			out, _ = json.Marshal(struct { // plain values: cannot fail
				Marks any `json:"marks"`
				Stats any `json:"stats"`
			}{a.timeline.Marks(), a.timeline.Stats()})
		})
		return string(out)
	}))
}
