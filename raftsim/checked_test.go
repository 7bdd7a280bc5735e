package raftsim_test

import (
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/linearize"
)

// The tests of package raftsim_test judge their runs' histories with the
// linearizability check, which imports raftsim and so cannot be used from
// inside the package.

// newSim is a default cluster with the given seed whose clients' history is
// checked for linearizability.
func newSim(t testing.TB, seed int64) *raftsim.Sim {
	cfg := raftsim.DefaultConfig()
	cfg.Seed = seed
	return newSimWith(t, cfg)
}

// newSimWith is newSim over a config of the test's own.
func newSimWith(t testing.TB, cfg raftsim.Config) *raftsim.Sim {
	s, err := clients.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	clients.Of(s).CheckHistoryWith(linearize.New)
	return s
}
