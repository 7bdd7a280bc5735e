package storyedit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"raftplay/raftsim"
)

// Recording is the run as it stood when Record was pressed; Stop turns what
// was done since into a draft.
type Recording struct {
	start raftsim.Run
}

// StartRecording begins a recording at the run's present (sim.Run()).
func StartRecording(run raftsim.Run) *Recording { return &Recording{start: run} }

// StartMs is the virtual time the recording began at.
func (r *Recording) StartMs() int64 { return r.start.NowMs }

// unrecorded are the ops a story leaves out: they steer the page's clock,
// which a story's player runs itself (a paused clock would stall it), and
// a step of one event has no place among steps that run to a millisecond.
var unrecorded = []raftsim.ActionOp{raftsim.ActPause, raftsim.ActPlay, raftsim.ActSpeed, raftsim.ActStep}

// Recorded returns the actions taken since the recording began that a
// story keeps, or an error when the run was started again or forked back
// past the recording's start meanwhile.
func (r *Recording) Recorded(now raftsim.Run) ([]raftsim.ActionRecord, error) {
	cfgThen, _ := json.Marshal(r.start.Config) // plain values: cannot fail
	cfgNow, _ := json.Marshal(now.Config)
	n := len(r.start.Actions)
	if !bytes.Equal(cfgThen, cfgNow) || len(now.Actions) < n || now.NowMs < r.start.NowMs || !sameActions(now.Actions[:n], r.start.Actions) {
		return nil, fmt.Errorf("the run was started again or taken back before the recording began; Record again")
	}
	if slices.ContainsFunc(now.Actions, func(a raftsim.ActionRecord) bool { return a.Op == raftsim.ActManual }) {
		// A story's player runs the clock, which manual mode holds.
		return nil, fmt.Errorf("a run that used manual mode cannot be recorded as a story: its steps run on the clock, which manual mode holds")
	}
	return kept(now.Actions[n:]), nil
}

// Stop makes a draft of what was recorded: a step per action taken, each
// running until the next action (the last until now), captioned in words
// by say. A first step plays the run up to the first recorded action, as
// it was before Record (a story starts from a new run).
func (r *Recording) Stop(now raftsim.Run, say func(raftsim.Action) string) (*Draft, error) {
	acts, err := r.Recorded(now)
	if err != nil {
		return nil, err
	}
	if len(acts) == 0 {
		return nil, fmt.Errorf("nothing was recorded: no action was taken since Record")
	}
	d := &Draft{Name: "my-story", Title: "My story", Config: now.Config}
	if lead := kept(r.start.Actions); len(lead) > 0 || acts[0].AtMs > 0 {
		d.Steps = append(d.Steps, Step{
			Caption: fmt.Sprintf("The cluster runs for %d ms, as it did before recording began.", acts[0].AtMs),
			Actions: lead, RunMs: acts[0].AtMs,
		})
	}
	for i, a := range acts {
		end := now.NowMs
		if i+1 < len(acts) {
			end = acts[i+1].AtMs
		}
		d.Steps = append(d.Steps, Step{
			Caption: capitalized(say(a.Action)) + ".",
			Actions: []raftsim.ActionRecord{{Action: a.Action}},
			RunMs:   end - a.AtMs,
		})
	}
	return d, nil
}

// kept are the actions of acts a story keeps, each after every event due
// by its time (a story's actions carry no event count).
func kept(acts []raftsim.ActionRecord) []raftsim.ActionRecord {
	var out []raftsim.ActionRecord
	for _, a := range acts {
		if !slices.Contains(unrecorded, a.Op) {
			a.Fired = 0
			out = append(out, a)
		}
	}
	return out
}

func sameActions(a, b []raftsim.ActionRecord) bool {
	return slices.EqualFunc(a, b, func(x, y raftsim.ActionRecord) bool {
		jx, _ := json.Marshal(x) // plain values: cannot fail
		jy, _ := json.Marshal(y)
		return bytes.Equal(jx, jy)
	})
}

// capitalized is s with its first letter in upper case.
func capitalized(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
