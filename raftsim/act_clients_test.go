package raftsim

import "testing"

func TestClients(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "lease reads", js: `{"op":"clients","count":2,"read":"lease"}`, after: 1000, check: func(t *testing.T, h *harness) {
			if c := h.sim.Snapshot().Clients; c.Operations == 0 {
				t.Fatal("two checking clients did nothing in a second")
			}
		}},
		{name: "none", js: `{"op":"clients","count":0}`, want: `clients needs "count", 1 to 16`},
		{name: "too many", js: `{"op":"clients","count":17}`, want: `clients needs "count", 1 to 16`},
		{name: "an unknown read mode", js: `{"op":"clients","count":1,"read":"stale"}`, want: `"read" is linearizable, lease or serializable`},
	})
}
