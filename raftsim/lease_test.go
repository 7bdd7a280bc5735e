package raftsim_test

import (
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/v2store"
)

// Lease reads are answered by raft's lease path, which a run sets for every
// node in its raft.Config (read_only lease_based): a leader answers them
// without the quorum round a linearizable read waits for. A run with etcd's
// ReadOnlySafe refuses lease-reading clients.
func TestLeaseReadsSkipTheQuorumRound(t *testing.T) {
	latency := func(read string, readOnly raftsim.ReadOnlyOption) int64 {
		cfg := raftsim.DefaultConfig()
		cfg.Seed, cfg.ReadOnly = 3, readOnly
		s, err := clients.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for !followed(s.Snapshot()) {
			if s.Now() >= 2000 {
				t.Fatalf("%s: no leader followed by every node after 2 s", read)
			}
			s.Advance(10)
		}
		s.Advance(300)
		if err := s.DoJSON(fmt.Sprintf(`{"op":"clients","count":1,"read":%q}`, read)); err != nil {
			t.Fatal(err)
		}
		s.Advance(3000)
		var total, n int64
		for _, o := range clients.Of(s).History(0) {
			if o.Op.Kind == v2store.OpGet && o.Result != nil && o.Result.OK() && o.Client != 0 {
				total += o.ReturnMs - o.CallMs
				n++
			}
		}
		if n == 0 {
			t.Fatalf("%s: no read answered", read)
		}
		return total / n
	}
	safe, lease := latency("linearizable", raftsim.ReadOnlySafe), latency("lease", raftsim.ReadOnlyLeaseBased)
	t.Logf("mean read latency: safe %d ms, lease %d ms", safe, lease)
	if lease >= safe {
		t.Fatalf("lease reads (%d ms) are no faster than safe reads (%d ms)", lease, safe)
	}
	s := newSim(t, 3)
	if err := s.DoJSON(`{"op":"clients","count":1,"read":"lease"}`); err == nil || !strings.Contains(err.Error(), "ReadOnlyLeaseBased, which etcd does not use") {
		t.Fatalf("lease clients in a run with etcd's ReadOnlySafe: %v", err)
	}
}
