package raftsim

import "testing"

func TestRestart(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a crashed node", setup: []string{`{"op":"crash","node":3}`}, js: `{"op":"restart","node":3}`, after: 1000,
			check: func(t *testing.T, h *harness) {
				if n := h.sim.Snapshot().Node(3); !n.Up || n.Lead == 0 {
					t.Fatalf("n3 up %v, lead %d", n.Up, n.Lead)
				}
			}},
		{name: "a running node", js: `{"op":"restart","node":2}`, want: "n2 is already running"},
		{name: "no node", js: `{"op":"restart","node":0}`, want: `restart needs "node"`},
	})
}
