package raftsim

import "testing"

func TestRestartAll(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "after a crash of all", setup: []string{`{"op":"crash-all"}`}, js: `{"op":"restart-all"}`, after: 2000,
			check: func(t *testing.T, h *harness) { h.leader(2000) }},
		{name: "none down", js: `{"op":"restart-all"}`, want: "every node is already up"},
	})
}
