package raftsim

import "testing"

func TestResumeNode(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a paused follower handles what waited", setup: []string{`{"op":"pause-node","node":2}`, `{"op":"put","value":"much"}`},
			js: `{"op":"resume-node","node":2}`, after: 500,
			check: func(t *testing.T, h *harness) {
				s := h.sim.Snapshot()
				n, l := s.Node(2), s.Node(s.Leader())
				if n.Paused || n.Waiting != 0 || n.Applied != l.Applied || len(committedLabels(n)) == 0 {
					t.Fatalf("n2 paused %v, %d waiting, applied %d of the leader's %d", n.Paused, n.Waiting, n.Applied, l.Applied)
				}
			}},
		{name: "a running node", js: `{"op":"resume-node","node":2}`, want: "resume-node: n2 is not paused"},
		{name: "a crashed node", setup: []string{`{"op":"crash","node":2}`}, js: `{"op":"resume-node","node":2}`, want: "resume-node: n2 is not paused"},
		{name: "an unknown node", js: `{"op":"resume-node","node":8}`, want: "resume-node: unknown node 8"},
	})
}

// A leader paused while its disk synced a Ready with committed entries
// applies them when it resumes, still believing it leads, though another
// was elected meanwhile and added a learner: it must not take the learner,
// whose change it never saw, for one whose change was lost. (Found by the
// fault campaign, seed 284.)
func TestResumedStaleLeaderKeepsTheNewLearner(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Seed, cfg.Nodes = 284, 4
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	AttachClients(s)
	actions, err := ParseActionRecords(`[
		{"at_ms":0,"op":"clients","count":3,"read":"linearizable"},
		{"at_ms":1099,"fired":672,"op":"stress","on":true},
		{"at_ms":1880,"fired":3053,"op":"timeout","node":4},
		{"at_ms":2221,"fired":4111,"op":"drop","message":2306},
		{"at_ms":3182,"fired":7182,"op":"stress","on":false},
		{"at_ms":3997,"fired":8711,"op":"pause-node","node":2},
		{"at_ms":4771,"fired":9271,"op":"add-member","as":"learner"},
		{"at_ms":5028,"fired":9575,"op":"timeout","node":3},
		{"at_ms":5541,"fired":10470,"op":"partition","groups":[[3,1,2],[4],[5]]},
		{"at_ms":5799,"fired":10606,"op":"timeout","node":4},
		{"at_ms":7450,"fired":11389,"op":"pause-node","node":4},
		{"at_ms":8261,"fired":11675,"op":"crash","node":4},
		{"at_ms":9086,"fired":11958,"op":"heal"},
		{"at_ms":9086,"fired":11958,"op":"resume-node","node":2},
		{"at_ms":9086,"fired":11958,"op":"restart-all"}]`)
	if err != nil {
		t.Fatal(err)
	}
	refused, err := s.Replay(Run{Config: cfg, Actions: actions, NowMs: 12000})
	if err != nil || len(refused) != 0 {
		t.Fatalf("replay: %v, refused %v", err, refused)
	}
	snap := s.Snapshot()
	if n := snap.Node(5); n == nil || !n.Up || n.Member != MemberLearner {
		t.Fatalf("the learner added while n2 was paused: %+v", n)
	}
	if !snap.Invariants.OK {
		t.Fatalf("invariants: %+v", snap.Invariants.Violations)
	}
}
