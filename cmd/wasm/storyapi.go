package main

import (
	"encoding/json"
	"fmt"

	"github.com/tidwall/gjson"

	"raftplay/render/scene"
)

// storyCommand is one request of raftplay.story(cmd), read from JSON:
// {"start":"partition","step":2}, {"next":true}, {"back":true}, {"goto":3},
// {"finish":true} (run the current step to its end now), {"answer":2} (answer
// the step's question with its second choice) or {"takeover":true}; and for
// raft's interaction scripts {"script":"campaign","step":2} (a bundled one)
// or {"script_text":"…"} (one given whole, as a paste gives it).
// Steps count from 1, as on screen.
type storyCommand struct {
	op   string
	name string
	step int    // the step, or the answer's choice, from 1
	text string // a script's text, for script_text
}

func parseStoryCommand(js string) (storyCommand, error) {
	if !gjson.Valid(js) || !gjson.Parse(js).IsObject() {
		return storyCommand{}, fmt.Errorf(`a story command is a JSON object, e.g. {"start":"partition"} or {"next":true}`)
	}
	v := gjson.Parse(js)
	switch {
	case v.Get("start").Exists():
		c := storyCommand{op: "start", name: v.Get("start").String(), step: 1}
		if s := v.Get("step"); s.Exists() {
			c.step = int(s.Int())
		}
		return c, nil
	case v.Get("script").Exists(), v.Get("script_text").Exists():
		c := storyCommand{op: "script", name: v.Get("script").String(), text: v.Get("script_text").String(), step: 1}
		if s := v.Get("step"); s.Exists() {
			c.step = int(s.Int())
		}
		return c, nil
	case v.Get("goto").Exists():
		return storyCommand{op: "goto", step: int(v.Get("goto").Int())}, nil
	case v.Get("answer").Exists():
		return storyCommand{op: "answer", step: int(v.Get("answer").Int())}, nil
	}
	for _, op := range []string{"next", "back", "finish", "takeover"} {
		if v.Get(op).Bool() {
			return storyCommand{op: op}, nil
		}
	}
	return storyCommand{}, fmt.Errorf("unknown story command %s; known: start, script, script_text, next, back, goto, answer, finish, takeover", js)
}

// storyState is what raftplay.story() returns.
type storyState struct {
	Active   bool      `json:"active"`
	Name     string    `json:"name,omitempty"`
	Step     int       `json:"step,omitempty"` // from 1
	Steps    int       `json:"steps,omitempty"`
	Caption  string    `json:"caption,omitempty"`
	Done     bool      `json:"done,omitempty"`
	Failures []string  `json:"failures,omitempty"`
	Question *question `json:"question,omitempty"`
	// Command, Output and Check are a script's step: its command, what it
	// printed, and "" when raft's own lines are the script's (else the
	// first that differs).
	Command string `json:"command,omitempty"`
	Output  string `json:"output,omitempty"`
	Check   string `json:"check,omitempty"`
}

// question is the step's question in raftplay.story(): choices and answers
// count from 1, as the keys do; answer is 0 until one is given.
type question struct {
	Ask     string   `json:"ask"`
	Choices []string `json:"choices"`
	Right   []int    `json:"right"`
	Explain string   `json:"explain"`
	Answer  int      `json:"answer"`
	Asking  bool     `json:"asking"`
}

// questionState is v's question as raftplay.story() gives it, or nil.
func questionState(v *scene.StoryView) *question {
	q := v.Question
	if q == nil {
		return nil
	}
	out := &question{Ask: q.Ask, Choices: q.Choices, Explain: q.Explain, Answer: q.Answer + 1, Asking: q.Asking(v.Done)}
	for _, i := range q.Right {
		out.Right = append(out.Right, i+1)
	}
	return out
}

func (s storyState) json() string {
	b, _ := json.Marshal(s)
	return string(b)
}
