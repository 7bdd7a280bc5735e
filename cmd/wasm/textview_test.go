package main

import (
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// The text view says who leads, who is down, how the network is cut, and
// for each node its role, term, commit index and latest entries, by the
// names the picture gives the nodes; and it changes when the cluster does.
func TestDescribeClusterSaysWhatThePictureShows(t *testing.T) {
	cfg := raftsim.DefaultConfig()
	cfg.Names = []string{"A", "B", "C", "D", "E"}
	sim, err := clients.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	sim.Advance(1000)
	lead := sim.Snapshot().Leader()
	if lead == 0 {
		t.Fatal("no leader after 1 s")
	}
	before := describeCluster(sim.Snapshot())
	for _, a := range []string{`{"op":"put","key":"much","value":"much"}`, `{"op":"crash","node":5}`, `{"op":"partition","groups":[[1,2],[3,4,5]]}`} {
		if err := sim.DoJSON(a); err != nil {
			t.Fatal(err)
		}
		sim.Advance(100)
	}
	s := sim.Snapshot()
	got := describeCluster(s)
	if got.text() == before.text() {
		t.Fatal("the text did not change when the cluster did")
	}
	for _, want := range []string{"Down: E.", "partitioned into {A, B} and {C, D, E}", "messages in flight"} {
		if !strings.Contains(got.Summary, want) {
			t.Errorf("summary %q does not say %q", got.Summary, want)
		}
	}
	if len(got.Nodes) != 5 {
		t.Fatalf("%d node lines, want 5", len(got.Nodes))
	}
	if !strings.HasPrefix(got.Nodes[4], "E: down, term ") {
		t.Errorf("E's line %q, want it down", got.Nodes[4])
	}
	for i, line := range got.Nodes[:4] {
		n := s.Nodes[i]
		if !strings.HasPrefix(line, cfg.Names[i]+": "+string(n.Role)+", term ") {
			t.Errorf("line %q does not give %s's role %s", line, cfg.Names[i], n.Role)
		}
	}
	if l := s.Leader(); l != 0 && !strings.Contains(got.Summary, cfg.Names[l-1]+" leads term") {
		t.Errorf("summary %q does not name the leader %s", got.Summary, cfg.Names[l-1])
	}
	if !strings.Contains(strings.Join(got.Nodes, "\n"), "much (term") {
		t.Errorf("no line names the write much: %q", got.Nodes)
	}
	if !strings.Contains(before.Nodes[0], "a new leader's empty entry (term 1, committed)") {
		t.Errorf("before the write A's line is %q, want the leader's empty entry committed", before.Nodes[0])
	}
}
