package clients

import (
	"fmt"
	"testing"
)

// Stress writers on v3 put through the v3 API: every node's v3 store grows
// to the same revision and hash, and the load shows in the snapshot.
func TestStressWritersOnV3(t *testing.T) {
	h := newHarness(t, 4)
	h.leader(2000)
	h.do(`{"op":"stress","on":true,"api":3}`)
	h.run(2000)
	if ops := h.sim.Snapshot().Clients.OpsPerSec; ops < 20 {
		t.Errorf("v3 stress made %d ops/s", ops)
	}
	h.do(`{"op":"stress","on":false}`)
	h.run(1000)
	s := h.sim.Snapshot()
	first := s.Nodes[0]
	if first.Revision < 40 {
		t.Fatalf("v3 stress wrote up to revision %d", first.Revision)
	}
	for _, n := range s.Nodes {
		if n.Revision != first.Revision || n.Hash != first.Hash {
			t.Errorf("%s at revision %d hash %s; %s at %d hash %s", s.NodeName(n.ID), n.Revision, n.Hash, s.NodeName(first.ID), first.Revision, first.Hash)
		}
	}
	if s.Clients.Operations != 0 {
		t.Errorf("v3 stress recorded %d v2 operations", s.Clients.Operations)
	}
	if err := h.sim.DoJSON(`{"op":"stress","on":true,"api":4}`); err == nil {
		t.Error("stress on API 4 was taken")
	}
}

// BenchmarkStress reports virtual seconds simulated per wall second (vs/s)
// with the three stress writers on, through etcd's v2 API and its v3 API.
func BenchmarkStress(b *testing.B) {
	for _, api := range []int{2, 3} {
		b.Run(fmt.Sprintf("api=%d", api), func(b *testing.B) {
			h := newHarness(b, 1)
			h.leader(2000)
			h.do(fmt.Sprintf(`{"op":"stress","on":true,"api":%d}`, api))
			h.run(1000)
			b.ReportAllocs()
			virtualMs := int64(0)
			for b.Loop() {
				h.run(1000)
				virtualMs += 1000
			}
			if s := b.Elapsed().Seconds(); s > 0 {
				b.ReportMetric(float64(virtualMs)/1000/s, "vs/s")
			}
		})
	}
}
