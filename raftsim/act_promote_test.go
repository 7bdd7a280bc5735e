package raftsim

import "testing"

func TestPromote(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a voter", js: `{"op":"promote","node":2}`, want: "promote"},
		{name: "no node", js: `{"op":"promote"}`, want: `promote needs "node"`},
	})
}
