package main

import (
	"strings"
	"testing"
)

func TestParseStoryCommand(t *testing.T) {
	for js, want := range map[string]storyCommand{
		`{"start":"partition"}`:                    {op: "start", name: "partition", step: 1},
		`{"start":"election","step":3}`:            {op: "start", name: "election", step: 3},
		`{"next":true}`:                            {op: "next"},
		`{"goto":2}`:                               {op: "goto", step: 2},
		`{"answer":2}`:                             {op: "answer", step: 2},
		`{"takeover":true}`:                        {op: "takeover"},
		`{"script":"campaign","step":2}`:           {op: "script", name: "campaign", step: 2},
		`{"script_text":"campaign 1\n----\nok\n"}`: {op: "script", text: "campaign 1\n----\nok\n", step: 1},
	} {
		got, err := parseStoryCommand(js)
		if err != nil || got != want {
			t.Errorf("%s: got %+v, %v; want %+v", js, got, err, want)
		}
	}
	for js, want := range map[string]string{
		`"next"`:         "a JSON object",
		`{"jump":true}`:  "unknown story command",
		`{"next":false}`: "unknown story command",
	} {
		if _, err := parseStoryCommand(js); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", js, err, want)
		}
	}
}
