package clients

import (
	"bytes"
	"fmt"
	"testing"

	"raftplay/raftsim"
)

// A run with every client action (put, console in both APIs with watches,
// a lease and a txn, stress and lease-reading clients, in a run whose nodes
// take raft's lease option) under a crash replays from its action log byte
// for byte: the events and the final snapshot, the clients' part included.
func TestClientActionsReplayByteForByte(t *testing.T) {
	cfg := raftsim.DefaultConfig()
	cfg.Seed, cfg.ReadOnly = 9, raftsim.ReadOnlyLeaseBased
	h := newHarnessWith(t, cfg)
	var original bytes.Buffer
	h.sim.OnEvent(func(e raftsim.Event) { fmt.Fprintln(&original, e) })
	l := h.leader(2000)
	for _, js := range []string{
		`{"op":"console","line":"ETCDCTL_API=2 watch --recursive /w"}`, `{"op":"put","key":"/w/a","value":"much"}`,
		`{"op":"console","line":"watch --prefix --prev-kv k"}`, `{"op":"console","line":"lease grant 1"}`,
		`{"op":"console","line":"put k1 v1"}`, `{"op":"console","line":"txn\nvalue(\"k1\") = \"v1\"\n\nput k2 v2\n\n\n"}`,
		`{"op":"clients","count":2,"read":"lease"}`, `{"op":"stress","on":true}`,
		fmt.Sprintf(`{"op":"crash","node":%d}`, l.ID), `{"op":"console","line":"ETCDCTL_API=2 get --quorum /w/a"}`,
		`{"op":"console","line":"get k --prefix -w json"}`,
		`{"op":"stress","on":false}`, fmt.Sprintf(`{"op":"restart","node":%d}`, l.ID),
	} {
		h.do(js)
		h.run(400)
	}
	run := h.sim.Run()
	if h.sim.Snapshot().Clients.Operations == 0 {
		t.Fatal("the clients called nothing")
	}

	replay := newHarness(t, 1)
	var replayed bytes.Buffer
	replay.sim.OnEvent(func(e raftsim.Event) { fmt.Fprintln(&replayed, e) })
	if refused, err := replay.sim.Replay(run); err != nil || refused != nil {
		t.Fatal(err, refused)
	}
	if a, b := h.sim.SnapshotJSON(), replay.sim.SnapshotJSON(); !bytes.Equal(a, b) {
		t.Fatalf("the replay's snapshot differs:\n%s\n%s", a, b)
	}
	if !bytes.Equal(original.Bytes(), replayed.Bytes()) {
		t.Fatal("the replay's events differ")
	}
}
