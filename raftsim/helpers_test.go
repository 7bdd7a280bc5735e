package raftsim

import (
	"fmt"
	"strings"
	"testing"
)

// harness drives a Sim the way a user does, failing the test on refused actions.
type harness struct {
	t   testing.TB
	sim *Sim
}

func newHarness(t testing.TB, seed int64) *harness {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Seed = seed
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	AttachClients(s)
	return &harness{t: t, sim: s}
}

func (h *harness) do(js string) {
	h.t.Helper()
	if err := h.sim.DoJSON(js); err != nil {
		h.t.Fatalf("at %d ms, %s: %v", h.sim.Now(), js, err)
	}
}

func (h *harness) run(ms int64) { h.sim.Advance(ms) }

// until runs until cond holds, checking every 10 ms, for at most limit ms.
func (h *harness) until(limit int64, what string, cond func(*Snapshot) bool) *Snapshot {
	h.t.Helper()
	for end := h.sim.Now() + limit; ; {
		s := h.sim.Snapshot()
		if cond(s) {
			return s
		}
		if h.sim.Now() >= end {
			h.t.Fatalf("after %d ms (now %d ms): never saw %s", limit, h.sim.Now(), what)
		}
		h.run(10)
	}
}

// leader waits for a leader that every running node follows.
func (h *harness) leader(limit int64) *NodeView {
	h.t.Helper()
	s := h.until(limit, "a leader followed by every running node", func(s *Snapshot) bool {
		l := s.Leader()
		if l == 0 {
			return false
		}
		for _, n := range s.Nodes {
			if n.Up && n.Lead != l {
				return false
			}
		}
		return true
	})
	return s.Node(s.Leader())
}

// write asks node via to put key=value and returns at once: the write is
// proposed, not yet committed; callers run the clock until it is.
func (h *harness) write(via uint64, key, value string) {
	h.t.Helper()
	h.do(fmt.Sprintf(`{"op":"put","key":%q,"value":%q,"via":%d}`, key, value, via))
}

// committedLabels returns the labels of node id's committed client entries.
func committedLabels(n *NodeView) []string {
	var out []string
	for _, e := range n.Log {
		if e.Committed && e.Label != "·" {
			out = append(out, e.Label)
		}
	}
	return out
}

func (h *harness) ok() {
	h.t.Helper()
	if s := h.sim.Snapshot(); !s.Invariants.OK {
		h.t.Fatalf("invariants broke: %+v", s.Invariants.Violations)
	}
}

// others lists the node IDs 1 to 5 other than id, comma-separated.
func others(id uint64) string {
	var s []string
	for i := uint64(1); i <= 5; i++ {
		if i != id {
			s = append(s, fmt.Sprint(i))
		}
	}
	return strings.Join(s, ",")
}
