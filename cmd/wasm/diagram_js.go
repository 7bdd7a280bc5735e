package main

import (
	"encoding/json"
	"errors"
	"syscall/js"
)

// publishDiagram adds diagram() to window.raftplay:
//
//	diagram()        the space-time diagram: what it draws now ("shown":
//	                 open, window, scale, heartbeats, the highlighted and
//	                 selected message, each drawn arrow's ends in CSS px)
//	                 and the model's arrows and marks over the window shown
//	diagram(t0, t1)  the same, with the arrows and marks over [t0, t1]
//	                 virtual ms: {"shown":…,"from_ms":…,"to_ms":…,
//	                 "arrows":[…],"marks":[…],"stats":{…}}, or an error
func (a *app) publishDiagram(api js.Value) {
	api.Set("diagram", a.jsFunc("diagram()", func(args []js.Value) any {
		nums := make([]float64, len(args))
		for i, v := range args {
			if v.Type() != js.TypeNumber {
				return resultJSON(errors.New("diagram's window is two numbers of virtual milliseconds"))
			}
			nums[i] = v.Float()
		}
		t0, t1, window, err := diagramWindow(nums)
		if err != nil {
			return resultJSON(err)
		}
		r, err := a.game.Diagram(t0, t1, window)
		if err != nil {
			return resultJSON(err)
		}
		b, _ := json.Marshal(r) // plain values: cannot fail
		return string(b)
	}))
}
