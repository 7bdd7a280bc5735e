package raftsim

import (
	"fmt"
	"testing"

	"raftplay/raftsim/v3store"
)

// leasedKey grants lease 1 with ttl seconds and puts key k on it.
func (h *harness) leasedKey(ttl int64) {
	h.t.Helper()
	h.proposeV3(v3store.Request{Kind: v3store.LeaseGrant, ID: 1, TTL: ttl})
	h.proposeV3(v3store.Request{Kind: v3store.Put, Key: "k", Value: "v", Lease: 1})
}

// deletedAt is the revision at which node id's store deleted k, 0 if it
// has not.
func (h *harness) deletedAt(id uint64) int64 {
	h.t.Helper()
	evs, err := h.sim.EventsV3(id, "k", "", 1, false)
	if err != nil {
		h.t.Fatal(err)
	}
	for _, e := range evs {
		if e.Delete {
			return e.KV.ModRevision
		}
	}
	return 0
}

func TestLeaseExpiresThroughRaftOnEveryNode(t *testing.T) {
	h := newHarness(t, 5)
	h.leader(3000)
	start := h.sim.Now()
	h.leasedKey(2)
	h.run(1500)
	if _, ok := h.getV3(h.leader(100).ID, "k"); !ok {
		t.Fatal("the key went before its lease's TTL")
	}
	h.until(2000, "the lease's key deleted on every node", func(s *Snapshot) bool {
		for _, n := range s.Nodes {
			if h.deletedAt(n.ID) == 0 {
				return false
			}
		}
		return true
	})
	if took := h.sim.Now() - start; took < 2000 || took > 2000+leaseCheckEveryMs+200 {
		t.Errorf("the lease of 2 s expired after %d ms", took)
	}
	for _, n := range h.sim.Snapshot().Nodes {
		// The grant writes no key: the put is revision 2, the expiry 3.
		if at := h.deletedAt(n.ID); at != 3 {
			t.Errorf("%s deleted k at revision %d, want 3", h.sim.NodeName(n.ID), at)
		}
	}
	if leases, _ := h.sim.LeasesV3(1); len(leases) != 0 {
		t.Errorf("leases left after expiry: %v", leases)
	}
	h.ok()
}

func TestNewLeaderGivesLeasesAFreshTTL(t *testing.T) {
	h := newHarness(t, 6)
	h.leasedKey(2)
	grantedAt := h.sim.Now()
	h.run(1500)
	old := h.leader(100).ID
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, old))
	newLeader := h.leader(3000).ID
	h.run(grantedAt + 2600 - h.sim.Now())
	if _, ok := h.getV3(newLeader, "k"); !ok {
		t.Fatal("the key went at its first leader's expiry; the new leader should have renewed it")
	}
	_, left, err := h.sim.LeaseTimeToLive(1)
	if err != nil || left <= 0 {
		t.Fatalf("time to live on the new leader: %d ms, %v", left, err)
	}
	h.until(5000, "the renewed lease expired", func(*Snapshot) bool { return h.deletedAt(newLeader) != 0 })
	h.ok()
}

func TestPartitionedMinorityNeverExpiresALease(t *testing.T) {
	h := newHarness(t, 7)
	h.leasedKey(2)
	h.run(1800)
	old := h.leader(100).ID
	h.do(fmt.Sprintf(`{"op":"partition","groups":[[%d],[%s]]}`, old, others(old)))
	// The old leader's clock runs out while it is cut off; it may propose
	// the revocation, but cannot commit it.
	end := h.sim.Now() + 4000
	majority := uint64(0)
	for h.sim.Now() < end {
		h.run(50)
		if h.deletedAt(old) != 0 {
			t.Fatalf("the cut-off old leader deleted the key by itself at %d ms", h.sim.Now())
		}
		if l := h.sim.Leader(); l != old && l != 0 {
			majority = l
		}
	}
	if majority == 0 || h.deletedAt(majority) == 0 {
		t.Fatalf("the majority (leader %d) never expired the lease", majority)
	}
	h.do(`{"op":"heal"}`)
	h.until(3000, "the healed node caught up with the deletion", func(*Snapshot) bool { return h.deletedAt(old) != 0 })
	if a, b := h.deletedAt(old), h.deletedAt(majority); a != b {
		t.Errorf("the key was deleted at revision %d on the old leader, %d on the majority", a, b)
	}
	h.ok()
}
