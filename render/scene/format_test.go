package scene

import (
	pb "go.etcd.io/raft/v3/raftpb"
	"strings"
	"testing"

	"raftplay/raftsim"
)

func TestFormat(t *testing.T) {
	for in, want := range map[int64]string{0: "0 ms", 999: "999 ms", 1000: "1 000 ms", 1234567: "1 234 567 ms", -1500: "-1 500 ms"} {
		if got := FormatMs(in); got != want {
			t.Errorf("FormatMs(%d) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[float64]string{0.03: "0.03×", 1: "1×", 0.005: "0.005×", 250: "250×"} {
		if got := FormatSpeed(in); got != want {
			t.Errorf("FormatSpeed(%v) = %q, want %q", in, got, want)
		}
	}
	cfg := raftsim.DefaultConfig()
	if got := FormatGroups([][]uint64{{1, 2}, {3, 4, 5}}, &cfg); got != "{n1 n2} | {n3 n4 n5}" {
		t.Errorf("FormatGroups = %q", got)
	}
	cfg.Names = []string{"A", "B", "C", "D", "E"}
	if got := FormatGroups([][]uint64{{1, 2}, {3, 4, 5}}, &cfg); got != "{A B} | {C D E}" {
		t.Errorf("FormatGroups with names = %q", got)
	}
}

func TestHUD(t *testing.T) {
	s := cluster(5)
	s.NowMs, s.Paused = 12345, true
	h := NewHUD(s, nil)
	if h.Clock != "t = 12 345 ms   speed 0.03×   paused" {
		t.Errorf("clock %q", h.Clock)
	}
	if h.Cluster != "leader n1, term 2   seed 7   5 nodes" {
		t.Errorf("cluster %q", h.Cluster)
	}
	if !h.OK || h.Invariants != "all invariants hold" {
		t.Errorf("invariants %q", h.Invariants)
	}
	s.Nodes[0].Role = raftsim.RoleFollower
	s.Partition = [][]uint64{{1}, {2, 3, 4, 5}}
	s.Invariants = raftsim.InvariantStatus{Violations: []raftsim.Violation{{AtMs: 40, Invariant: "election-safety", Detail: "two leaders in term 2"}}}
	h = NewHUD(s, nil)
	if !strings.HasPrefix(h.Cluster, "no leader") || !strings.HasSuffix(h.Cluster, "partition {n1} | {n2 n3 n4 n5}") {
		t.Errorf("cluster %q", h.Cluster)
	}
	if h.OK || h.Invariants != "BROKEN at 40 ms: election-safety: two leaders in term 2" {
		t.Errorf("invariants %q", h.Invariants)
	}
}

func TestNodeCaptionAndTimer(t *testing.T) {
	cfg := raftsim.DefaultConfig()
	for _, tc := range []struct {
		n            raftsim.NodeView
		role, detail string
		left         float64
		timer        bool
	}{
		{raftsim.NodeView{Up: true, Role: "candidate", Term: 3, Vote: 2, ElectionElapsedMs: 50, ElectionTimeoutMs: 200}, "candidate", "term 3 · voted n2", 0.75, true},
		{raftsim.NodeView{Up: true, Role: "follower", Term: 1, ElectionElapsedMs: 300, ElectionTimeoutMs: 200}, "follower", "term 1", 0, true},
		{raftsim.NodeView{Role: "down", Term: 4, Vote: 1}, "down", "term 4 · voted n1", 0, false},
		{raftsim.NodeView{Role: "down", Halted: true, Term: 4}, "halted", "raft panicked", 0, false},
	} {
		role, detail := NodeCaption(&tc.n, &cfg)
		left, ok := TimerLeft(&tc.n)
		if role != tc.role || detail != tc.detail || left != tc.left || ok != tc.timer {
			t.Errorf("%+v: %q, %q, timer %v %v", tc.n, role, detail, left, ok)
		}
	}
}

func TestMessageLines(t *testing.T) {
	m := raftsim.MessageView{ID: 3, From: 1, To: 2, Type: raftsim.MsgType(pb.MsgApp), Term: 2, Index: 4, LogTerm: 1, Commit: 3,
		Entries: []string{"a", "b", "c", "d", "e", "f", "g"}, SentMs: 10, DeliverMs: 18, Stream: raftsim.StreamMsgApp}
	got := strings.Join(MessageLines(&m), "\n")
	want := "MsgApp (request)\nfrom n1 → to n2\nterm 2   index 4   log term 1\ncommit 3\nentries (7): a, b, c, d, e, …\nsent at 10 ms, due at 18 ms\non the msgappv2 stream (etcd's rafthttp)"
	if got != want {
		t.Errorf("MessageLines:\n%s\nwant\n%s", got, want)
	}
	r := raftsim.MessageView{Type: raftsim.MsgType(pb.MsgVoteResp), Response: true, Reject: true}
	if got := MessageLines(&r); got[0] != "MsgVoteResp (response)" || got[4] != "reject: true" {
		t.Errorf("MessageLines of a rejection: %q", got)
	}
}
