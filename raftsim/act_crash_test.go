package raftsim

import "testing"

func TestCrash(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a running node", js: `{"op":"crash","node":3}`, check: func(t *testing.T, h *harness) {
			if h.sim.Snapshot().Node(3).Up {
				t.Fatal("n3 is still up")
			}
		}},
		{name: "no node", js: `{"op":"crash"}`, want: `crash needs "node"`},
		{name: "a node named as text", js: `{"op":"crash","node":"two"}`, want: `crash needs "node"`},
		{name: "an unknown node", js: `{"op":"crash","node":6}`, want: "unknown node 6 (nodes are 1 to 5)"},
		{name: "a crashed node", setup: []string{`{"op":"crash","node":3}`}, js: `{"op":"crash","node":3}`, want: "n3 is down"},
	})
}
