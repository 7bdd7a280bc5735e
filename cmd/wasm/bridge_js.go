package main

import "syscall/js"

// listenForMessages answers a host page (the page embedding the playground in
// an iframe, or one that opened it) that posts {raftplay: action}: it does
// the action and posts back {raftplay: "result", ok, error?, state?} to the
// sender's origin. Other messages, including these replies, are ignored.
func (a *app) listenForMessages() {
	handler := a.jsFunc("the message handler", func(args []js.Value) any {
		ev := args[0]
		data := ev.Get("data")
		if data.Type() != js.TypeObject {
			return nil
		}
		action := data.Get("raftplay")
		if action.IsUndefined() || action.String() == "result" {
			return nil
		}
		err := a.do(action)
		var state []byte
		if err == nil {
			a.game.Locked(func() { state = a.sim.Snapshot().JSON() })
		}
		source := ev.Get("source")
		if source.IsNull() || source.IsUndefined() {
			return nil
		}
		reply := js.Global().Get("JSON").Call("parse", replyJSON(err, state))
		source.Call("postMessage", reply, replyOrigin(ev.Get("origin").String()))
		return nil
	})
	js.Global().Call("addEventListener", "message", handler)
}
