package timeline

import (
	"encoding/json"
	"errors"
	"fmt"

	"raftplay/raftsim"
)

// Export is a run as a test, in two forms a reader can check it with:
// Actions is an action file for cmd/sim -actions, and Final the snapshot
// cmd/sim prints for that file with Config and -for UntilMs (Command says
// how); Story is the same run as a story whose last step expects exactly
// Final, for cmd/sim -scenario.
type Export struct {
	Config  raftsim.Config         `json:"config"`
	Seed    int64                  `json:"seed"`
	Actions []raftsim.ActionRecord `json:"actions"`
	UntilMs int64                  `json:"until_ms"`
	Final   json.RawMessage        `json:"final"`
	Story   json.RawMessage        `json:"story"`
	// Command is the cmd/sim command line that reproduces Final, with the
	// actions saved as actions.json.
	Command string `json:"command"`
}

// story is the story-file form of an exported run (see raftsim/scenario).
type story struct {
	Name   string         `json:"name"`
	Title  string         `json:"title"`
	Config raftsim.Config `json:"config"`
	Steps  []storyStep    `json:"steps"`
}

type storyStep struct {
	Caption string                       `json:"caption"`
	Actions []raftsim.ActionRecord       `json:"actions,omitempty"`
	RunMs   int64                        `json:"run_ms"`
	Expect  []map[string]json.RawMessage `json:"expect"`
}

// Export returns the run from its start to now as a test. An empty run (no
// virtual time has passed) has nothing to check and is refused.
func (t *Timeline) Export() (*Export, error) {
	now := t.sim.Now()
	if now == 0 {
		return nil, errors.New("nothing to export yet: the run has not started (0 ms)")
	}
	final, err := t.StateAt(now)
	if err != nil {
		return nil, fmt.Errorf("export: %v", err)
	}
	finalJSON := final.JSON()
	cfg := final.Config
	actions := final.Actions
	cfgJSON, _ := json.Marshal(cfg) // plain values: cannot fail
	st := story{
		Name:   fmt.Sprintf("run-seed-%d-%dms", cfg.Seed, now),
		Title:  fmt.Sprintf("A run exported from raftplay: seed %d, %d actions, %d ms", cfg.Seed, len(actions), now),
		Config: cfg,
		Steps: []storyStep{{
			Caption: fmt.Sprintf("The run as it was played, to %d ms: it ends in exactly the state it ended in then.", now),
			Actions: actions,
			RunMs:   now,
			Expect:  []map[string]json.RawMessage{{"state": finalJSON}},
		}},
	}
	storyJSON, err := json.Marshal(st)
	if err != nil {
		return nil, fmt.Errorf("export: %v", err)
	}
	return &Export{
		Config: cfg, Seed: cfg.Seed, Actions: actions, UntilMs: now,
		Final: finalJSON, Story: storyJSON,
		Command: fmt.Sprintf("go run ./cmd/sim -config '%s' -actions actions.json -for %dms", cfgJSON, now),
	}, nil
}

// JSON encodes the export, the form raftplay.export() returns.
func (e *Export) JSON() []byte {
	b, err := json.Marshal(e)
	if err != nil {
		// Only plain values and JSON the simulator wrote: cannot fail.
		panic(err)
	}
	return b
}
