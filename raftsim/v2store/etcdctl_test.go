package v2store

import (
	"strings"
	"testing"
)

func TestConsoleRefusesBadCommands(t *testing.T) {
	for line, want := range map[string]string{
		"frobnicate /x":                "No help topic for 'frobnicate'",
		"set /x":                       "usage: set",
		"get --fast /x":                "unknown flag --fast for get",
		"set --swap-with-index x /a b": "--swap-with-index needs a number",
		"member add n6":                "usage: member list",
	} {
		if _, err := ParseEtcdctl(line); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", line, err, want)
		}
	}
}
