package main

import (
	"encoding/json"
	"fmt"
	"math"
)

// resultJSON is the answer to do(): {"ok":true} or {"ok":false,"error":"…"}.
func resultJSON(err error) string {
	if err != nil {
		b, _ := json.Marshal(struct {
			OK    bool   `json:"ok"`
			Error string `json:"error"`
		}{false, err.Error()})
		return string(b)
	}
	return `{"ok":true}`
}

// replyJSON is the answer to a host page's message: the result of its action
// tagged "raftplay":"result", with the state after it when it succeeded.
func replyJSON(err error, state []byte) string {
	r := struct {
		Raftplay string          `json:"raftplay"`
		OK       bool            `json:"ok"`
		Error    string          `json:"error,omitempty"`
		State    json.RawMessage `json:"state,omitempty"`
	}{Raftplay: "result", OK: err == nil}
	if err != nil {
		r.Error = err.Error()
	} else {
		r.State = state
	}
	b, mErr := json.Marshal(r)
	if mErr != nil {
		// Only a malformed state can fail to encode; answer without it.
		return replyJSON(fmt.Errorf("the state could not be encoded: %v", mErr), nil)
	}
	return string(b)
}

// replyOrigin is the target origin of a reply to a message from origin: the
// sender's own, so no other page can read it, except for opaque origins
// (file: pages, sandboxed frames), which report "null" and can only be
// answered with "*".
func replyOrigin(origin string) string {
	if origin == "null" || origin == "" {
		return "*"
	}
	return origin
}

// maxAdvanceMs bounds one advance() call: ten virtual minutes, many thousand
// elections' worth, which takes seconds; more would freeze the page.
const maxAdvanceMs = 600_000

// advanceMs checks advance()'s argument, a number of virtual milliseconds.
func advanceMs(x float64) (int64, error) {
	if math.IsNaN(x) || x < 0 || x > maxAdvanceMs || x != math.Trunc(x) {
		return 0, fmt.Errorf("advance needs a whole number of virtual milliseconds from 0 to %d, got %v", maxAdvanceMs, x)
	}
	return int64(x), nil
}
