package storyedit

import (
	"encoding/json"
	"fmt"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
	"raftplay/raftsim/scenario"
)

// Draft is a story being written: the fields of a story file the editor
// writes.
type Draft struct {
	Name   string
	Title  string
	Config raftsim.Config
	Steps  []Step
}

// Step is one step of a draft.
type Step struct {
	Caption string
	// Actions are done at their AtMs after the step's start.
	Actions []raftsim.ActionRecord
	// RunMs is how long the step runs: until the next recorded action, or
	// until Stop for the last.
	RunMs int64
	// Expect are the step's conditions, each as its JSON (scenario's
	// Condition), checked when the step ends.
	Expect []string
	// Question is the step's question as its JSON (scenario's Question),
	// or "" for none.
	Question string
}

// source is what a story written in the page says it comes from.
const source = "written in raftplay's story editor"

// JSON is the draft as a story file, indented for a reader.
func (d *Draft) JSON() []byte {
	f := scenario.File{Name: d.Name, Title: d.Title, Source: source, Config: d.Config}
	for _, s := range d.Steps {
		fs := scenario.FileStep{Caption: s.Caption, Actions: s.Actions, RunMs: s.RunMs}
		if s.Question != "" {
			fs.Question = json.RawMessage(s.Question)
		}
		for _, e := range s.Expect {
			fs.Expect = append(fs.Expect, json.RawMessage(e))
		}
		f.Steps = append(f.Steps, fs)
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		// Plain values and JSON Parse or the editor checked: cannot fail.
		panic(err)
	}
	return b
}

// Scenario parses the draft as raftsim/scenario does a story file, which
// checks every field: it is the story the page and cmd/sim play.
func (d *Draft) Scenario() (*scenario.Scenario, error) {
	if len(d.Steps) == 0 {
		return nil, fmt.Errorf("the story has no steps yet: Record, then take actions")
	}
	return scenario.Parse(string(d.JSON()))
}

// editable are the fields of a step the editor writes; a story with others
// (until, remember, …) plays, but is edited as a file.
var editable = map[string]bool{"caption": true, "question": true, "actions": true, "run_ms": true, "expect": true}

// Parse reads a story file into a draft. The story must be valid (as
// scenario.Parse checks it) and use only what the editor writes: steps of
// caption, actions on nodes by ID, run_ms, expect and question.
func Parse(js string) (*Draft, error) {
	if _, err := scenario.Parse(js); err != nil {
		return nil, err
	}
	v := gjson.Parse(js)
	cfg, err := raftsim.ParseConfig(v.Get("config"), raftsim.DefaultConfig())
	if err != nil {
		return nil, fmt.Errorf("config: %v", err)
	}
	d := &Draft{Name: v.Get("name").String(), Title: v.Get("title").String(), Config: cfg}
	for i, sv := range v.Get("steps").Array() {
		path := fmt.Sprintf("steps[%d]", i)
		var bad error
		sv.ForEach(func(k, _ gjson.Result) bool {
			if !editable[k.String()] {
				bad = fmt.Errorf("%s.%s: the editor writes only caption, actions, run_ms, expect and question; edit this story as a file", path, k.String())
			}
			return bad == nil
		})
		if bad != nil {
			return nil, bad
		}
		st := Step{Caption: sv.Get("caption").String(), RunMs: sv.Get("run_ms").Int(), Question: sv.Get("question").Raw}
		if a := sv.Get("actions"); a.Exists() {
			if st.Actions, err = raftsim.ParseActionRecords(a.Raw); err != nil {
				return nil, fmt.Errorf("%s.%v (the editor names nodes by ID)", path, err)
			}
		}
		for _, e := range sv.Get("expect").Array() {
			st.Expect = append(st.Expect, compact(e.Raw))
		}
		if st.Question != "" {
			st.Question = compact(st.Question)
		}
		d.Steps = append(d.Steps, st)
	}
	return d, nil
}

// compact is JSON without the spaces between its tokens, so that two
// writings of one condition compare equal.
func compact(js string) string {
	return gjson.Get(js, "@ugly").Raw
}
