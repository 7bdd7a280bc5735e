package scenario

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed builtin/*.json
var builtinFiles embed.FS

// Builtins lists the built-in stories in the order a reader meets them.
var Builtins = []string{
	"election", "split-vote", "replication", "follower-failures",
	"leader-failure", "all-nodes-failure", "partition", "stale-leader", "checkquorum",
	"disruptive-rejoin", "prevote", "snapshot-catchup", "add-member", "remove-leader",
}

// Builtin returns the built-in story called name.
func Builtin(name string) (*Scenario, error) {
	b, err := builtinFiles.ReadFile("builtin/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("no built-in scenario %q; built in: %s", name, strings.Join(Builtins, ", "))
	}
	sc, err := Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("built-in scenario %s: %v", name, err)
	}
	return sc, nil
}
