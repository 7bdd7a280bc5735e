package raftsim

import (
	"fmt"
	"testing"

	"raftplay/raftsim/v3store"
)

// proposeV3 hands a v3 request to the leader and runs until every running
// node has applied it.
func (h *harness) proposeV3(req v3store.Request) {
	h.t.Helper()
	l := h.leader(3000)
	if err := h.sim.Propose(l.ID, v3store.Command{Req: req}.Encode()); err != nil {
		h.t.Fatalf("proposing %v: %v", req.Kind, err)
	}
	h.allApplied(l.ID)
}

// allApplied runs until every running node has applied what the leader has.
func (h *harness) allApplied(leader uint64) {
	h.t.Helper()
	h.run(50)
	h.until(3000, "every running node applied the leader's entries", func(s *Snapshot) bool {
		for _, n := range s.Nodes {
			if n.Up && n.Applied != s.Node(leader).Commit {
				return false
			}
		}
		return true
	})
}

// sameV3 checks that every running node's v3 store is at revision rev with
// the same hash, and returns that hash.
func (h *harness) sameV3(rev int64) string {
	h.t.Helper()
	s := h.sim.Snapshot()
	hash := ""
	for _, n := range s.Nodes {
		if !n.Up {
			continue
		}
		if n.Revision != rev || hash != "" && n.Hash != hash {
			h.t.Fatalf("%s at revision %d hash %s; want revision %d hash %s", s.NodeName(n.ID), n.Revision, n.Hash, rev, hash)
		}
		hash = n.Hash
	}
	return hash
}

func (h *harness) getV3(id uint64, key string) (v3store.KeyValue, bool) {
	h.t.Helper()
	r, err := h.sim.ReadV3(id, v3store.Request{Kind: v3store.Range, Key: key})
	if err != nil || r.Err != nil {
		h.t.Fatalf("reading %s on node %d: %v %v", key, id, err, r.Err)
	}
	if len(r.KVs) == 0 {
		return v3store.KeyValue{}, false
	}
	return r.KVs[0], true
}

func TestV3IsAppliedOnEveryNode(t *testing.T) {
	h := newHarness(t, 3)
	h.leader(3000)
	fresh := h.sim.Snapshot().Nodes[0].Hash
	h.proposeV3(v3store.Request{Kind: v3store.Put, Key: "foo", Value: "bar"})
	hash := h.sameV3(2)
	if hash == fresh {
		t.Error("the hash did not change with a v3 write")
	}
	h.proposeV3(v3store.Request{Kind: v3store.Txn,
		Compare: []v3store.Compare{{Key: "foo", Target: v3store.CmpValue, Value: "bar"}},
		Success: []v3store.Request{{Kind: v3store.Put, Key: "foo", Value: "baz"}, {Kind: v3store.Put, Key: "x", Value: "1"}}})
	h.proposeV3(v3store.Request{Kind: v3store.Compaction, Rev: 3})
	h.sameV3(3)
	s := h.sim.Snapshot()
	for _, n := range s.Nodes {
		if kv, ok := h.getV3(n.ID, "foo"); !ok || kv.Value != "baz" || kv.Version != 2 {
			t.Errorf("%s: foo is %+v", s.NodeName(n.ID), kv)
		}
		if n.Keys != 2 || n.CompactRevision != 3 {
			t.Errorf("%s: %d keys, compacted at %d; want 2 and 3", s.NodeName(n.ID), n.Keys, n.CompactRevision)
		}
	}
	labels := committedLabels(s.Node(s.Leader()))
	if want := []string{"bar", "txn", "compact 3"}; fmt.Sprint(labels) != fmt.Sprint(want) {
		t.Errorf("log labels %q, want %q", labels, want)
	}
	h.ok()
}

func TestV3TravelsInSnapshots(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Seed, cfg.SnapshotCount, cfg.SnapshotCatchUpEntries = 4, 5, 2
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, sim: s}
	l := h.leader(3000)
	lagger := l.ID%5 + 1
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, lagger))
	h.proposeV3(v3store.Request{Kind: v3store.LeaseGrant, ID: 9, TTL: 600})
	for i := range 12 {
		h.proposeV3(v3store.Request{Kind: v3store.Put, Key: fmt.Sprintf("k%d", i%4), Value: fmt.Sprint(i), Lease: 9})
	}
	h.do(fmt.Sprintf(`{"op":"restart","node":%d}`, lagger))
	h.allApplied(h.leader(3000).ID)
	hash := h.sameV3(13)
	snap := h.sim.Snapshot()
	if n := snap.Node(lagger); n.SnapshotIndex == 0 {
		t.Fatalf("the lagging node caught up without a snapshot (first index %d)", n.FirstIndex)
	}
	if kv, ok := h.getV3(lagger, "k3"); !ok || kv.Value != "11" || kv.Version != 3 || kv.Lease != 9 {
		t.Errorf("k3 on the node rebuilt from a snapshot: %+v", kv)
	}
	// A restart rebuilds from the node's own snapshot and log.
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, lagger))
	h.do(fmt.Sprintf(`{"op":"restart","node":%d}`, lagger))
	h.allApplied(h.leader(3000).ID)
	if got := h.sameV3(13); got != hash {
		t.Errorf("hash %s after a restart, was %s", got, hash)
	}
	leases, _ := h.sim.LeasesV3(lagger)
	if len(leases) != 1 || len(leases[0].Keys) != 4 {
		t.Errorf("leases after a restart: %+v", leases)
	}
	h.ok()
}
