package scene

import (
	"testing"

	"raftplay/raftsim"
)

func TestLeaderViewInWords(t *testing.T) {
	snap := &raftsim.Snapshot{Nodes: []raftsim.NodeView{
		{ID: 1, Up: true, Role: raftsim.RoleLeader, Term: 2, Progress: []raftsim.ProgressView{
			{ID: 1, Match: 120, Next: 121, State: "replicate", Active: true},
			{ID: 2, Match: 118, Next: 121, State: "replicate", Inflight: 2, Active: true},
			{ID: 3, Match: 95, Next: 96, State: "probe"},
			{ID: 4, Match: 0, Next: 101, State: "snapshot", PendingSnapshot: 100, Active: true},
		}},
		{ID: 2, Up: true}, {ID: 3, Up: true}, {ID: 4, Up: true}, {ID: 5},
	}}
	for id, want := range map[uint64]string{
		1: "", // the leader itself
		2: "replicate, match 118, 2 in flight",
		3: "probe, match 95, inactive",
		4: "snapshot 100 on its way",
		5: "", // not in the leader's view
	} {
		if got := LeaderView(snap, id); got != want {
			t.Errorf("n%d: %q, want %q", id, got, want)
		}
	}
	snap.Nodes[0].Role = raftsim.RoleFollower
	if got := LeaderView(snap, 2); got != "" {
		t.Errorf("without a leader: %q", got)
	}
}

func TestFormatBytes(t *testing.T) {
	for n, want := range map[int]string{0: "0 B", 840: "840 B", 12500: "12.5 kB"} {
		if got := FormatBytes(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}
