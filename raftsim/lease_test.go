package raftsim_test

import (
	"fmt"
	"testing"

	"go.etcd.io/raft/v3"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/v2store"
)

// Lease reads are answered by raft's lease path, per request: a leader
// answers them without the heartbeat round a safe read waits for, and its
// own setting stays safe.
func TestLeaseReadsSkipTheQuorumRound(t *testing.T) {
	latency := func(read string) int64 {
		s := newSim(t, 3)
		for !followed(s.Snapshot()) {
			if s.Now() >= 2000 {
				t.Fatalf("%s: no leader followed by every node after 2 s", read)
			}
			s.Advance(10)
		}
		leader := s.Leader()
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
		if opt := raftsim.ReadOnlyOf(s, leader); opt != raft.ReadOnlySafe {
			t.Fatalf("%s: the leader's own ReadOnlyOption is %v after the run", read, opt)
		}
		return total / n
	}
	safe, lease := latency("linearizable"), latency("lease")
	t.Logf("mean read latency: safe %d ms, lease %d ms", safe, lease)
	if lease >= safe {
		t.Fatalf("lease reads (%d ms) are no faster than safe reads (%d ms)", lease, safe)
	}
}
