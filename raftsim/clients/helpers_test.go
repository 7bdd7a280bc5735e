package clients

import (
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// harness drives a cluster with clients the way a user does, failing the
// test on refused actions.
type harness struct {
	t   testing.TB
	sim *raftsim.Sim
	cs  *Clients
}

func newHarness(t testing.TB, seed int64) *harness {
	t.Helper()
	cfg := raftsim.DefaultConfig()
	cfg.Seed = seed
	return newHarnessWith(t, cfg)
}

// newHarnessWith is newHarness over a config of the test's own.
func newHarnessWith(t testing.TB, cfg raftsim.Config) *harness {
	t.Helper()
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, sim: s, cs: Of(s)}
}

func (h *harness) do(js string) {
	h.t.Helper()
	if err := h.sim.DoJSON(js); err != nil {
		h.t.Fatalf("at %d ms, %s: %v", h.sim.Now(), js, err)
	}
}

func (h *harness) run(ms int64) { h.sim.Advance(ms) }

// leader runs, 10 ms at a time for at most limit ms, until a leader is
// followed by every running node, and returns it.
func (h *harness) leader(limit int64) *raftsim.NodeView {
	h.t.Helper()
	for end := h.sim.Now() + limit; ; h.run(10) {
		s := h.sim.Snapshot()
		if l := s.Leader(); l != 0 && followedBy(s, l) {
			return s.Node(l)
		}
		if h.sim.Now() >= end {
			h.t.Fatalf("after %d ms: no leader followed by every running node", limit)
		}
	}
}

// followedBy reports whether every running node follows l.
func followedBy(s *raftsim.Snapshot, l uint64) bool {
	for _, n := range s.Nodes {
		if n.Up && n.Lead != l {
			return false
		}
	}
	return true
}

// write asks node via to put key=value and returns at once.
func (h *harness) write(via uint64, key, value string) {
	h.t.Helper()
	h.do(fmt.Sprintf(`{"op":"put","key":%q,"value":%q,"via":%d}`, key, value, via))
}

// others lists the nodes other than id, comma-separated, as a partition's
// group.
func (h *harness) others(id uint64) string {
	var rest []string
	for _, n := range h.sim.NodeIDs() {
		if n != id {
			rest = append(rest, fmt.Sprint(n))
		}
	}
	return strings.Join(rest, ",")
}

// v2 makes the console speak etcdctl's v2 API, as "export ETCDCTL_API=2"
// does in a shell: for the tests that teach etcd v2.
func (h *harness) v2() *harness {
	h.t.Helper()
	h.do(`{"op":"console","line":"export ETCDCTL_API=2"}`)
	return h
}
