package storyedit

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim/scenario"
)

// QuestionForm is a question as the editor's form gives it: choices and
// right answers as typed, separated by commas.
type QuestionForm struct {
	Ask     string `json:"ask"`
	Kind    string `json:"kind"`
	Choices string `json:"choices"`
	Right   string `json:"right"`
	Explain string `json:"explain"`
}

// JSON writes the form as a story file's question: a number question's
// choices as numbers, a node question with no choices offering every node,
// a yes_no question's choices left to the format. Whether it is a valid
// question is SetQuestion's to say, with the format's own messages.
func (f QuestionForm) JSON() (string, error) {
	q := map[string]any{"ask": f.Ask, "kind": f.Kind, "explain": f.Explain}
	right := list(f.Right)
	choices := list(f.Choices)
	if f.Kind == scenario.KindNumber {
		nums, err := numbers(choices, "choice")
		if err != nil {
			return "", err
		}
		if q["right"], err = numbers(right, "right answer"); err != nil {
			return "", err
		}
		q["choices"] = nums
	} else {
		q["right"] = right
		if len(choices) > 0 && f.Kind != scenario.KindYesNo {
			q["choices"] = choices
		}
	}
	b, err := json.Marshal(q)
	return string(b), err
}

// list splits text at its commas, each item trimmed, empty ones left out.
func list(text string) []string {
	var out []string
	for _, s := range strings.Split(text, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func numbers(items []string, what string) ([]int64, error) {
	var out []int64
	for _, s := range items {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("a number question's %s must be a whole number, got %q", what, s)
		}
		out = append(out, n)
	}
	return out, nil
}

// FormOf is a step's question (its JSON) as the editor's form shows it,
// for editing; the zero form for "".
func FormOf(question string) QuestionForm {
	if question == "" {
		return QuestionForm{}
	}
	v := gjson.Parse(question)
	join := func(r gjson.Result) string {
		var items []string
		for _, x := range r.Array() {
			items = append(items, x.String())
		}
		return strings.Join(items, ", ")
	}
	return QuestionForm{Ask: v.Get("ask").String(), Kind: v.Get("kind").String(), Choices: join(v.Get("choices")), Right: join(v.Get("right")), Explain: v.Get("explain").String()}
}
