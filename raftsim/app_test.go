package raftsim

import (
	"strings"
	"testing"
)

// Without an App the cluster runs raft alone: the App's actions are refused
// with a clear message and change nothing, the rest work, and the snapshot's
// clients say nothing was called.
func TestWithoutAnAppClientActionsAreRefused(t *testing.T) {
	s, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	s.Advance(1000)
	for _, op := range AppOps {
		err := s.Do(Action{Op: op, Value: "much", Line: "get /a", On: true, Count: 1, Read: "linearizable"})
		if err == nil || !strings.Contains(err.Error(), "no clients are attached") {
			t.Errorf("%s without clients: %v", op, err)
		}
	}
	if err := s.DoJSON(`{"op":"crash","node":1}`); err != nil {
		t.Fatal(err)
	}
	s.Advance(1000)
	snap := s.Snapshot()
	if len(snap.Actions) != 1 || snap.Clients.Linearizable.Status != StatusNoOperations || snap.Clients.Operations != 0 {
		t.Fatalf("actions %v, clients %+v", snap.Actions, snap.Clients)
	}
}
