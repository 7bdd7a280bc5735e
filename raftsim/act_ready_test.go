package raftsim

import (
	"slices"
	"strings"
	"testing"
)

func TestReady(t *testing.T) {
	held := []string{`{"op":"manual","on":true}`}
	runActionTable(t, []actionCase{
		{name: "outside manual mode", js: `{"op":"ready","node":2}`, want: "only in manual mode"},
		{name: "a node with no Ready", setup: held, js: `{"op":"ready","node":2}`, want: "n2 has no Ready"},
		{name: "a paused node", setup: []string{`{"op":"pause-node","node":2}`, `{"op":"manual","on":true}`}, js: `{"op":"ready","node":2}`, want: "ready: n2 is paused"},
	})
}

// ready shows the Ready raft gave: a campaigning node's new term and vote
// to persist and its vote requests to send, which are then on the wire.
func TestReadyShowsTheReadyRaftGave(t *testing.T) {
	h := newManualHarness(t)
	h.do(`{"op":"tick","node":2,"until":"election"}`)
	if n := h.sim.Snapshot().Node(2); !n.HasReady || n.Handed != nil {
		t.Fatalf("before: has a Ready %v, handed %+v", n.HasReady, n.Handed)
	}
	h.do(`{"op":"ready","node":2}`)
	s := h.sim.Snapshot()
	r := s.Node(2).Handed
	if r == nil {
		t.Fatal("no Ready handed over")
	}
	// PreVote is on: the pre-candidate asks for votes at the next term,
	// without persisting a new one, with its log empty.
	want := []string{"2->1 MsgPreVote Term:1 Log:0/0", "2->3 MsgPreVote Term:1 Log:0/0"}
	if !slices.Equal(r.Messages, want) || r.HardState != nil {
		t.Fatalf("handed messages %q, hard state %+v; want %q and none", r.Messages, r.HardState, want)
	}
	if !strings.Contains(strings.Join(r.Text, "\n"), "State:StatePreCandidate") {
		t.Fatalf("the Ready's text does not show the new state:\n%s", strings.Join(r.Text, "\n"))
	}
	var sent []string
	for _, m := range s.Messages {
		if m.From == 2 && m.Held {
			sent = append(sent, m.Type.String())
		}
	}
	if !slices.Equal(sent, []string{"MsgPreVote", "MsgPreVote"}) || s.Node(2).HasReady {
		t.Fatalf("on the wire from n2: %v; has a Ready still %v", sent, s.Node(2).HasReady)
	}
}
