package raftsim

import (
	"bytes"
	"fmt"
	"testing"
)

// retry does js every 50 ms until it is accepted.
func (h *harness) retry(limit int64, js string) {
	h.t.Helper()
	for end := h.sim.Now() + limit; h.sim.DoJSON(js) != nil; h.run(50) {
		if h.sim.Now() > end {
			h.t.Fatalf("%s refused for %d ms", js, limit)
		}
	}
}

// membershipRun is a busy run that changes the membership under stress: a
// named learner added and promoted, the leader removed, a voter added, a
// member crashed and restarted. It returns the run and what it showed: its
// events and its final snapshot.
func membershipRun(t testing.TB) (Run, []byte) {
	h := newHarness(t, 13)
	var log bytes.Buffer
	h.sim.OnEvent(func(e Event) { fmt.Fprintln(&log, e) })
	h.do(`{"op":"stress","on":true}`)
	h.leader(3000)
	h.retry(3000, `{"op":"add-member","as":"learner","name":"L"}`)
	h.retry(5000, `{"op":"promote","node":6}`)
	l := h.leader(3000).ID
	h.retry(3000, fmt.Sprintf(`{"op":"remove-member","node":%d}`, l))
	h.until(5000, "the old leader removed", func(s *Snapshot) bool { return s.Node(l).Member == MemberRemoved })
	h.retry(5000, `{"op":"add-member","as":"voter"}`)
	h.run(300)
	f := h.leader(3000).ID%5 + 1
	if f == l {
		f = f%5 + 1
	}
	h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, f))
	h.run(500)
	h.do(fmt.Sprintf(`{"op":"restart","node":%d}`, f))
	h.run(2000)
	h.ok()
	log.Write(h.sim.SnapshotJSON())
	return h.sim.Run(), log.Bytes()
}

// The same seed and membership actions give the same run twice, and the
// action log replays it byte for byte.
func TestMembershipRunsReplayByteForByte(t *testing.T) {
	run, a := membershipRun(t)
	if _, b := membershipRun(t); !bytes.Equal(a, b) {
		t.Fatalf("the same membership run twice differs (%d and %d bytes)", len(a), len(b))
	}
	s, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	AttachClients(s)
	if refused, err := s.Replay(run); err != nil || refused != nil {
		t.Fatal(err, refused)
	}
	final := s.Snapshot()
	if got, want := final.JSON(), a[bytes.LastIndexByte(a, '\n')+1:]; !bytes.Equal(got, want) {
		t.Fatalf("the replay of the action log differs:\n%s\n%s", got, want)
	}
	if len(final.Nodes) != 7 || final.NodeName(6) != "L" || final.Node(6).Member != MemberVoter || final.Node(7).Member != MemberVoter {
		t.Errorf("after the run: nodes %v, n6 %q is a %q, n7 a %q", final.NodeIDs(), final.NodeName(6), final.Node(6).Member, final.Node(7).Member)
	}
}
