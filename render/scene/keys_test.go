package scene

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
)

// keyAliases are second keys for a command that already has one listed
// (shifted or unshifted twins, the console's backquote, the timeline's
// arrows) and the keys every
// panel names on its own buttons; the help and the README list the first.
var keyAliases = map[rune]bool{'_': true, '+': true, '`': true, KeyEscape: true, KeyEnter: true, KeyLeft: true, KeyRight: true}

// Every key the controller answers is in the help overlay and in the
// README's key table, so neither can fall behind the bindings.
func TestEveryKeyIsDocumented(t *testing.T) {
	var help []string
	for _, h := range HelpLines {
		help = append(help, strings.Fields(h.Keys)...)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, _ := strings.Cut(string(readme), "| key | what it does |")
	table, _, _ = strings.Cut(table, "\n\n")
	keys := maps.Clone(keyCommands)
	for _, a := range nodeActions {
		if a.key != 0 && a.op != "" {
			keys[a.key] = CmdNodeAction
		}
	}
	for _, r := range slices.Sorted(maps.Keys(keys)) {
		cmd := keys[r]
		if keyAliases[r] || cmd == CmdNone {
			continue
		}
		key := string(r)
		if r == ' ' {
			key = "space"
		}
		if !slices.Contains(help, key) {
			t.Errorf("key %q (command %d) is missing from the help overlay", key, cmd)
		}
		readmeKey := "`" + key + "`"
		if r == ' ' {
			readmeKey = "| space |"
		}
		if !strings.Contains(table, readmeKey) {
			t.Errorf("key %q (command %d) is missing from the README's key table", key, cmd)
		}
	}
}
