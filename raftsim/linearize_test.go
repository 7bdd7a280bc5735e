package raftsim_test

import (
	"fmt"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// chaosRun runs checking clients under seeded crashes, restarts, partitions
// and heals for 20 virtual seconds and returns the final verdict.
func chaosRun(t testing.TB, seed int64, read string) raftsim.Verdict {
	return chaosRunAPI(t, seed, read, 2)
}

// chaosRunAPI is chaosRun with clients on etcd's v2 or v3 API.
func chaosRunAPI(t testing.TB, seed int64, read string, api int) raftsim.Verdict {
	cfg := raftsim.DefaultConfig()
	cfg.Seed = seed
	if read == "lease" {
		cfg.ReadOnly = raftsim.ReadOnlyLeaseBased
	}
	s := newSimWith(t, cfg)
	s.Advance(500)
	if err := s.DoJSON(fmt.Sprintf(`{"op":"clients","count":3,"read":%q,"api":%d}`, read, api)); err != nil {
		t.Fatal(err)
	}
	faults := []string{
		`{"op":"crash","node":%d}`, `{"op":"restart","node":%d}`,
		`{"op":"partition","groups":[[%d],[%s]]}`, `{"op":"heal"}`,
	}
	for t0 := int64(1000); t0 < 20000; t0 += 1000 {
		s.AdvanceTo(t0)
		id := uint64(s.Rand().IntN(5) + 1)
		f := faults[s.Rand().IntN(len(faults))]
		js := fmt.Sprintf(f, id)
		if f == faults[2] {
			js = fmt.Sprintf(f, id, raftsim.Others(id))
		}
		_ = s.DoJSON(js) // refused faults (restart a running node, ...) are part of the run
		if t0%5000 == 0 {
			clients.Of(s).CheckLinearizability(0)
		}
	}
	s.DoJSON(`{"op":"heal"}`)
	s.DoJSON(`{"op":"restart-all"}`)
	s.AdvanceTo(26000)
	if st := s.Snapshot(); !st.Invariants.OK {
		t.Errorf("seed %d: invariants broke: %+v", seed, st.Invariants.Violations)
	}
	return clients.Of(s).CheckLinearizability(0)
}

// In the safe read modes every history is linearizable, whatever the faults.
func TestSafeReadModesAreLinearizableUnderFaults(t *testing.T) {
	runs := 200
	if testing.Short() {
		runs = 20
	}
	checked := 0
	for seed := int64(1); seed <= int64(runs); seed++ {
		read := []string{"linearizable", "lease"}[seed%2]
		v := chaosRun(t, seed, read)
		if v.Status != "linearizable" || v.Checked < 10 {
			t.Fatalf("seed %d (%s reads): %s after %d operations: %q", seed, read, v.Status, v.Checked, v.Offending)
		}
		checked += v.Checked
	}
	// The faults leave the clients most of the time to work: a check over a
	// handful of operations per run would prove little.
	if checked < runs*100 {
		t.Fatalf("only %d operations checked over %d runs", checked, runs)
	}
	t.Logf("%d runs, %d operations checked, all linearizable", runs, checked)
}

// Serializable reads answered by a node cut off from the majority return
// stale values: on some seed the checker must say so.
func TestSerializableReadsInAPartitionAreCaught(t *testing.T) {
	for seed := int64(1); seed <= 100; seed++ {
		if v := chaosRun(t, seed, "serializable"); v.Status == "not linearizable" {
			t.Logf("seed %d: %q", seed, v.Offending)
			return
		}
	}
	t.Fatal("no seed out of 100 gave a non-linearizable history with serializable reads")
}

// Checking clients on the v3 API (puts, gets through ReadIndex, txn
// compare-and-swaps) keep a linearizable history under the same faults.
func TestV3ClientsAreLinearizableUnderFaults(t *testing.T) {
	runs := 60
	if testing.Short() {
		runs = 10
	}
	checked := 0
	for seed := int64(1); seed <= int64(runs); seed++ {
		v := chaosRunAPI(t, seed, "linearizable", 3)
		if v.Status != "linearizable" || v.Checked < 10 {
			t.Fatalf("seed %d: %s after %d operations: %q", seed, v.Status, v.Checked, v.Offending)
		}
		checked += v.Checked
	}
	if checked < runs*100 {
		t.Fatalf("only %d operations checked over %d runs", checked, runs)
	}
	t.Logf("%d runs, %d v3 operations checked, all linearizable", runs, checked)
}

// A v3 serializable get (etcdctl get --consistency=s) served by a node cut
// off from the majority is stale: on some seed the checker must say so.
func TestV3SerializableReadsInAPartitionAreCaught(t *testing.T) {
	for seed := int64(1); seed <= 100; seed++ {
		if v := chaosRunAPI(t, seed, "serializable", 3); v.Status == "not linearizable" {
			t.Logf("seed %d: %q", seed, v.Offending)
			return
		}
	}
	t.Fatal("no seed out of 100 gave a non-linearizable history with serializable v3 reads")
}
