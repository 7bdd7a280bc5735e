package main

import (
	"errors"
	"math"
	"testing"
)

func TestResultJSON(t *testing.T) {
	if got := resultJSON(nil); got != `{"ok":true}` {
		t.Errorf("resultJSON(nil) = %s", got)
	}
	if got := resultJSON(errors.New(`n3 is "down"`)); got != `{"ok":false,"error":"n3 is \"down\""}` {
		t.Errorf("resultJSON(err) = %s", got)
	}
}

func TestReplyJSON(t *testing.T) {
	for _, tc := range []struct {
		err   error
		state string
		want  string
	}{
		{nil, `{"now_ms":5}`, `{"raftplay":"result","ok":true,"state":{"now_ms":5}}`},
		{errors.New("unknown op"), `{"now_ms":5}`, `{"raftplay":"result","ok":false,"error":"unknown op"}`},
		{nil, `{"now_ms":`, `{"raftplay":"result","ok":false,"error":"the state could not be encoded: json: error calling MarshalJSON for type json.RawMessage: unexpected end of JSON input"}`},
	} {
		if got := replyJSON(tc.err, []byte(tc.state)); got != tc.want {
			t.Errorf("replyJSON(%v, %s) = %s, want %s", tc.err, tc.state, got, tc.want)
		}
	}
}

func TestReplyOrigin(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org":   "https://example.org",
		"http://127.0.0.1:8080": "http://127.0.0.1:8080",
		"null":                  "*",
		"":                      "*",
	} {
		if got := replyOrigin(in); got != want {
			t.Errorf("replyOrigin(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAdvanceMs(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want int64
		ok   bool
	}{
		{0, 0, true}, {250, 250, true}, {maxAdvanceMs, maxAdvanceMs, true},
		{-1, 0, false}, {1.5, 0, false}, {maxAdvanceMs + 1, 0, false}, {math.NaN(), 0, false}, {math.Inf(1), 0, false},
	} {
		got, err := advanceMs(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("advanceMs(%v) = %d, %v", tc.in, got, err)
		}
	}
}
