package scenario

import (
	"embed"
	"fmt"
	"strings"

	"github.com/tidwall/gjson"
)

//go:embed builtin/*.json
var builtinFiles embed.FS

// Builtins lists the built-in stories in the order a reader meets them.
var Builtins = []string{
	"election", "split-vote", "replication", "follower-failures",
	"leader-failure", "all-nodes-failure", "partition", "stale-leader", "checkquorum",
	"disruptive-rejoin", "prevote", "snapshot-catchup", "add-member", "remove-leader", "joint-consensus",
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

// BuiltinTitle returns the title of the built-in story called name, or ""
// if there is none. It reads only the title, not the whole story: the page
// lists every story's title as it starts, and parsing them all then cost
// more than building the simulator.
func BuiltinTitle(name string) string {
	b, err := builtinFiles.ReadFile("builtin/" + name + ".json")
	if err != nil {
		return ""
	}
	return gjson.GetBytes(b, "title").String()
}
