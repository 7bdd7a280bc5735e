package clients

import (
	"strings"
	"testing"

	"raftplay/raftsim"
)

// In manual mode the console takes raft's script commands on the run's
// nodes and prints what raft's test environment would, raft's own lines
// among it: n1 campaigns and stabilize elects it. Outside manual mode they
// are refused.
func TestConsolePlaysRaftScriptCommands(t *testing.T) {
	h := newHarness(t, 1)
	if err := h.sim.DoJSON(`{"op":"console","line":"campaign 1"}`); err == nil || !strings.Contains(err.Error(), "need manual mode") {
		t.Fatalf("campaign outside manual mode: %v", err)
	}
	var out []string
	h.sim.OnEvent(func(e raftsim.Event) {
		if e.Kind == raftsim.EvConsole {
			out = append(out, e.Text)
		}
	})
	h.do(`{"op":"manual","on":true}`)
	h.do(`{"op":"console","line":"campaign 1"}`)
	h.do(`{"op":"console","line":"stabilize"}`)
	h.do(`{"op":"console","line":"raft-state"}`)
	text := strings.Join(out, "\n")
	for _, want := range []string{
		"$ campaign 1",
		"INFO 1 is starting a new election at term 0",
		"> 2 receiving messages",
		"1->2 MsgPreVote Term:1 Log:0/0",
		"INFO 1 became leader at term 1",
		"1: StateLeader (Voter) Term:1 Lead:1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the console does not say %q:\n%s", want, text)
		}
	}
	if s := h.sim.Snapshot(); s.Leader() != 1 {
		t.Errorf("n1 does not lead after campaign and stabilize")
	}
}
