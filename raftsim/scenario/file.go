package scenario

import (
	"encoding/json"

	"raftplay/raftsim"
)

// File is a story file as it is written: by the story editor, and by a
// run's export (raftsim/timeline), for Parse and cmd/sim -scenario to read.
type File struct {
	Name   string         `json:"name"`
	Title  string         `json:"title"`
	Source string         `json:"source,omitempty"`
	Config raftsim.Config `json:"config"`
	Steps  []FileStep     `json:"steps"`
}

// FileStep is one step of a File; Question and each of Expect are the JSON
// of a Question and a Condition.
type FileStep struct {
	Caption  string                 `json:"caption"`
	Question json.RawMessage        `json:"question,omitempty"`
	Actions  []raftsim.ActionRecord `json:"actions,omitempty"`
	RunMs    int64                  `json:"run_ms"`
	Expect   []json.RawMessage      `json:"expect,omitempty"`
}
