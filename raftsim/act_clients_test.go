package raftsim

import "testing"

func TestClients(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "linearizable reads", js: `{"op":"clients","count":2,"read":"linearizable"}`, after: 1000, check: func(t *testing.T, h *harness) {
			if c := h.sim.Snapshot().Clients; c.Operations == 0 {
				t.Fatal("two checking clients did nothing in a second")
			}
		}},
		{name: "lease reads in a run without raft's lease option", js: `{"op":"clients","count":2,"read":"lease"}`,
			want: `lease reads are raft's ReadOnlyLeaseBased, which etcd does not use`},
		{name: "lease reads in a lease_based run", setup: []string{`{"op":"reset","config":{"read_only":"lease_based"}}`},
			js: `{"op":"clients","count":2,"read":"lease"}`, after: 1000, check: func(t *testing.T, h *harness) {
				if c := h.sim.Snapshot().Clients; c.Operations == 0 {
					t.Fatal("two checking clients did nothing in a second")
				}
			}},
		{name: "none", js: `{"op":"clients","count":0}`, want: `clients needs "count", 1 to 16`},
		{name: "too many", js: `{"op":"clients","count":17}`, want: `clients needs "count", 1 to 16`},
		{name: "an unknown read mode", js: `{"op":"clients","count":1,"read":"stale"}`, want: `"read" is linearizable, lease or serializable`},
	})
}
