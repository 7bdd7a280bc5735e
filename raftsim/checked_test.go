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

// The page steps the clients' history check through the simulator, a
// budget at a time, until the verdict covers every operation.
func TestTheSimStepsItsClientsCheck(t *testing.T) {
	s := newSim(t, 4)
	s.AdvanceTo(1000)
	for _, js := range []string{`{"op":"put","key":"a","value":"1"}`, `{"op":"put","key":"b","value":"2"}`, `{"op":"put","key":"a","value":"3"}`} {
		if err := s.DoJSON(js); err != nil {
			t.Fatal(err)
		}
		s.Advance(500)
	}
	ops := s.Snapshot().Clients.Operations
	if ops == 0 {
		t.Fatal("the puts left no history")
	}
	var v raftsim.Verdict
	for range ops + 1 {
		if v = s.CheckLinearizability(1); v.Checked == ops {
			break
		}
	}
	if v.Status != raftsim.StatusLinearizable || v.Checked != ops {
		t.Fatalf("after stepping the check: %+v; want all %d operations judged linearizable", v, ops)
	}

	bare, err := raftsim.New(raftsim.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if v := bare.CheckLinearizability(0); v.Status != raftsim.StatusNoOperations {
		t.Fatalf("a simulation without clients judges %+v; want no operations", v)
	}
}
