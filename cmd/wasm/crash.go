package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"raftplay/raftsim"
)

// crashReport is the text of the page shown when the playground panics:
// what broke, and the seed, config and action log that replay the run
// up to it (with cmd/sim -actions, or the same URL and the same clicks).
func crashReport(where string, value any, stack []byte, cfg raftsim.Config, actions []raftsim.ActionRecord) string {
	var b strings.Builder
	fmt.Fprintf(&b, "raftplay stopped: a panic in %s: %v\n\n", where, value)
	fmt.Fprintf(&b, "To reproduce it: seed %d, %d nodes, these actions in order:\n", cfg.Seed, cfg.Nodes)
	if actions == nil {
		actions = []raftsim.ActionRecord{}
	}
	js, err := json.MarshalIndent(actions, "", "  ")
	if err != nil {
		js = []byte(fmt.Sprintf("(the action log could not be encoded: %v)", err))
	}
	b.Write(js)
	cfgJSON, _ := json.Marshal(cfg) // plain values: cannot fail
	fmt.Fprintf(&b, "\n\ngo run ./cmd/sim -config '%s' -actions actions.json  replays them.\n\n", cfgJSON)
	b.Write(stack)
	return b.String()
}
