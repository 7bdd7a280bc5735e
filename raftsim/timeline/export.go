package timeline

import (
	"encoding/json"
	"errors"
	"fmt"

	"raftplay/raftsim"
	"raftplay/raftsim/scenario"
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
	st := scenario.File{
		Name:   fmt.Sprintf("run-seed-%d-%dms", cfg.Seed, now),
		Title:  fmt.Sprintf("A run exported from raftplay: seed %d, %d actions, %d ms", cfg.Seed, len(actions), now),
		Config: cfg,
		Steps: []scenario.FileStep{{
			Caption: fmt.Sprintf("The run as it was played, to %d ms: it ends in exactly the state it ended in then.", now),
			Actions: actions,
			RunMs:   now,
			Expect:  []json.RawMessage{stateCondition(finalJSON)},
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

// stateCondition is the story condition that the run ends in exactly the
// state final.
func stateCondition(final json.RawMessage) json.RawMessage {
	c, _ := json.Marshal(map[string]json.RawMessage{"state": final}) // valid JSON in: cannot fail
	return c
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
