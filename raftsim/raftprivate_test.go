package raftsim

import (
	"reflect"
	"testing"

	"go.etcd.io/raft/v3"
)

// TestRaftPrivateFields checks that the fields of raft's private struct
// that raftprivate.go names exist with the kinds it reads them as, so that a
// newer raft fails here rather than panicking in the middle of a run.
func TestRaftPrivateFields(t *testing.T) {
	rn, err := raft.NewRawNode(&raft.Config{
		ID: 1, ElectionTick: 10, HeartbeatTick: 1, Storage: newDisk([]uint64{1, 2, 3}),
		MaxSizePerMsg: 1 << 20, MaxInflightMsgs: 16, Logger: raftLogger{},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := raftState(rn)
	for _, f := range []struct {
		name string
		kind reflect.Kind
	}{
		{"electionElapsed", reflect.Int}, {"electionTimeout", reflect.Int}, {"randomizedElectionTimeout", reflect.Int},
		{"heartbeatElapsed", reflect.Int}, {"heartbeatTimeout", reflect.Int}, {"pendingConfIndex", reflect.Uint64},
	} {
		if v := r.FieldByName(f.name); !v.IsValid() || v.Kind() != f.kind {
			t.Errorf("raft's struct has no field %s of kind %v", f.name, f.kind)
		}
	}
	// The write is the one raft's scripts make, and the read sees it.
	writeRandomizedElectionTimeout(rn, 17)
	if got := readRaftTimers(rn).randomizedElectionTimeout; got != 17 {
		t.Errorf("randomized election timeout %d after writing 17", got)
	}
}

// TestRaftTimerFields checks that the raft fields the views read exist and
// move as raft's timers do.
func TestRaftTimerFields(t *testing.T) {
	h := newHarness(t, 1)
	h.run(35)
	for _, n := range h.sim.Snapshot().Nodes {
		if n.ElectionTimeoutMs < 150 || n.ElectionTimeoutMs > 290 {
			t.Errorf("n%d: election timeout %d ms, want 150..290", n.ID, n.ElectionTimeoutMs)
		}
		if n.ElectionElapsedMs < 20 || n.ElectionElapsedMs > 40 {
			t.Errorf("n%d: %d ms elapsed after 35 ms", n.ID, n.ElectionElapsedMs)
		}
	}
}
