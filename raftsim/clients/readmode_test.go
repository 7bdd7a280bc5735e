package clients

import (
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// A clients action built in Go reads as its JSON would: no read mode is
// linearizable, and the log records it so, as ParseAction fills it in; an
// unknown mode is refused, where it could otherwise run reads no mode names.
func TestClientsActionReadMode(t *testing.T) {
	h := newHarness(t, 2)
	if err := h.sim.Do(raftsim.Action{Op: raftsim.ActClients, Count: 1, Read: "stale"}); err == nil ||
		!strings.Contains(err.Error(), "linearizable, lease or serializable") {
		t.Fatalf("read mode %q: got %v, want a refusal naming the modes", "stale", err)
	}
	if err := h.sim.Do(raftsim.Action{Op: raftsim.ActClients, Count: 1}); err != nil {
		t.Fatal(err)
	}
	log := h.sim.Actions()
	if len(log) != 1 || log[0].Read != v2store.ReadLinearizable {
		t.Fatalf("action log %v, want one clients action reading linearizable", log)
	}
	if js := log[0].Action.String(); !strings.Contains(js, `"read":"linearizable"`) {
		t.Errorf("recorded as %s, want the read mode written out", js)
	}
}
