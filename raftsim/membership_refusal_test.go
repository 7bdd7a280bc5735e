package raftsim

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// stepUntil processes events one at a time until cond holds: for states that
// last less than the 10 ms until checks at.
func (h *harness) stepUntil(what string, cond func(*Snapshot) bool) {
	h.t.Helper()
	for end := h.sim.Now() + 5000; !cond(h.sim.Snapshot()); {
		if h.sim.Now() > end || !h.sim.Step() {
			h.t.Fatalf("at %d ms: never saw %s", h.sim.Now(), what)
		}
	}
}

// addLearners adds n learners one after the other, each in force before the next.
func (h *harness) addLearners(n int) {
	h.t.Helper()
	for range n {
		h.leader(3000)
		h.do(`{"op":"add-member","as":"learner"}`)
		h.until(3000, "the learner in force", func(s *Snapshot) bool {
			last := s.Nodes[len(s.Nodes)-1]
			return s.Leader() != 0 && last.Member == MemberLearner && !s.Membership.Joint()
		})
	}
}

// removeSettled removes node id and waits until the change is in force.
func (h *harness) removeSettled(id uint64) {
	h.t.Helper()
	h.do(fmt.Sprintf(`{"op":"remove-member","node":%d}`, id))
	h.until(5000, fmt.Sprintf("n%d removed", id), func(s *Snapshot) bool {
		return s.Leader() != 0 && s.Node(id).Member == MemberRemoved && !s.Membership.Joint()
	})
}

// follower returns the i-th running follower of the leader (from 0), by ID.
func follower(s *Snapshot, i int) uint64 {
	for _, n := range s.Nodes {
		if n.Up && n.ID != s.Leader() {
			if i == 0 {
				return n.ID
			}
			i--
		}
	}
	return 0
}

// Every refusal of a membership change says why in etcd's words where etcd
// has them, and changes nothing: the snapshot is the same byte for byte.
func TestRefusedMembershipChangesChangeNothing(t *testing.T) {
	cases := []struct {
		name   string
		nodes  int
		setup  func(h *harness) string // returns the action to refuse
		refuse string
	}{
		{"no leader", 5, func(h *harness) string {
			return `{"op":"add-member","as":"learner"}`
		}, "etcdserver: no leader"},
		{"a change not applied yet", 5, func(h *harness) string {
			h.leader(3000)
			h.do(`{"op":"add-member","as":"learner"}`)
			return `{"op":"add-member","as":"voter"}`
		}, "a membership change is in progress: the leader has not applied it yet"},
		{"joint consensus not left yet", 5, func(h *harness) string {
			h.leader(3000)
			h.do(`{"op":"add-member","as":"learner","joint":true}`)
			h.stepUntil("the leader in joint consensus", func(s *Snapshot) bool {
				return s.Leader() != 0 && s.Node(s.Leader()).Conf.Joint()
			})
			return `{"op":"remove-member","node":6}`
		}, "a membership change is in progress: the cluster is in joint consensus"},
		{"a leader that has not applied its log yet", 5, func(h *harness) string {
			l := h.leader(3000).ID
			h.write(l, "k", "v")
			// The leader crashes once its followers hold the write but do
			// not know it committed: the next leader has its log to apply.
			h.stepUntil("the write on every follower", func(s *Snapshot) bool {
				return !slices.ContainsFunc(s.Nodes, func(n NodeView) bool { return n.ID != l && n.LastIndex < 2 })
			})
			h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, l))
			h.stepUntil("a new leader", func(s *Snapshot) bool { return s.Leader() != 0 })
			return `{"op":"add-member","as":"learner"}`
		}, "has just been elected"},
		{"promote a voter", 5, func(h *harness) string {
			h.leader(3000)
			return `{"op":"promote","node":2}`
		}, "etcdserver: can only promote a learner member: n2 is a voter already"},
		{"promote a learner behind", 5, func(h *harness) string {
			h.leader(3000)
			h.writes(20, "k")
			h.do(`{"op":"add-member","as":"learner"}`)
			h.do(`{"op":"crash","node":6}`)
			h.until(3000, "the learner in force", func(s *Snapshot) bool { return s.Node(6).Member == MemberLearner && !s.Membership.Joint() })
			return `{"op":"promote","node":6}`
		}, "etcdserver: can only promote a learner member which is in sync with leader (n6 holds up to index 0 of the leader's"},
		{"remove the last voter", 3, func(h *harness) string {
			h.leader(3000)
			s := h.sim.Snapshot()
			h.removeSettled(follower(s, 0))
			h.removeSettled(follower(s, 1))
			return fmt.Sprintf(`{"op":"remove-member","node":%d}`, s.Leader())
		}, "is the last voter"},
		{"remove a voter with too few started", 5, func(h *harness) string {
			h.leader(3000)
			s := h.sim.Snapshot()
			h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, follower(s, 0)))
			h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, follower(s, 1)))
			return fmt.Sprintf(`{"op":"remove-member","node":%d}`, follower(s, 2))
		}, "etcdserver: re-configuration failed due to not enough started members (2 of the 4 voters would be running, a quorum is 3)"},
		{"add a voter with too few started", 5, func(h *harness) string {
			h.leader(3000)
			s := h.sim.Snapshot()
			h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, follower(s, 0)))
			h.do(fmt.Sprintf(`{"op":"crash","node":%d}`, follower(s, 1)))
			return `{"op":"add-member","as":"voter"}`
		}, "etcdserver: re-configuration failed due to not enough started members (3 of the 6 voters would be running, a quorum is 4)"},
		{"a tenth member", 5, func(h *harness) string {
			h.addLearners(4)
			return `{"op":"add-member","as":"learner"}`
		}, "etcdserver: too many members: the cluster has 9 voters and learners"},
		{"a name taken", 5, func(h *harness) string {
			h.addLearners(1)
			h.leader(3000)
			h.do(`{"op":"add-member","as":"learner","name":"F"}`)
			h.until(3000, "F in force", func(s *Snapshot) bool { return s.Node(7).Member == MemberLearner && !s.Membership.Joint() })
			return `{"op":"add-member","as":"learner","name":"F"}`
		}, `"F" already names node 7`},
		{"a leadership transfer under way", 5, func(h *harness) string {
			h.leader(3000)
			s := h.sim.Snapshot()
			f := follower(s, 0)
			// Cut off, the target never catches up: the transfer waits.
			h.do(fmt.Sprintf(`{"op":"partition","groups":[[%d],%s]}`, f, jsonIDs(votersWithout(5, f))))
			h.write(s.Leader(), "k", "v")
			h.run(20)
			h.do(fmt.Sprintf(`{"op":"transfer","to":%d}`, f))
			return `{"op":"add-member","as":"learner"}`
		}, "is handing its leadership over to"},
		{"campaign as a learner", 5, func(h *harness) string {
			h.addLearners(1)
			return `{"op":"timeout","node":6}`
		}, "timeout: n6 is not a voter in the configuration it applied"},
		{"transfer to a learner", 5, func(h *harness) string {
			h.addLearners(1)
			return `{"op":"transfer","to":6}`
		}, "transfer: n6 is not a voter, and only a voter can lead"},
		{"remove an unknown node", 5, func(h *harness) string {
			h.leader(3000)
			return `{"op":"remove-member","node":12}`
		}, "unknown node 12 (nodes are 1 to 5)"},
	}
	removed := []string{
		`{"op":"crash","node":%d}`, `{"op":"restart","node":%d}`, `{"op":"timeout","node":%d}`,
		`{"op":"transfer","to":%d}`, `{"op":"put","value":"v","via":%d}`, `{"op":"promote","node":%d}`,
		`{"op":"remove-member","node":%d}`, `{"op":"lying-disk","node":%d,"on":true}`,
		`{"op":"partition","groups":[[%d],[1]]}`,
	}
	for _, js := range removed {
		cases = append(cases, struct {
			name   string
			nodes  int
			setup  func(h *harness) string
			refuse string
		}{"on a removed node: " + js, 5, func(h *harness) string {
			h.leader(3000)
			h.removeSettled(2)
			h.leader(3000)
			return fmt.Sprintf(js, 2)
		}, "n2 was removed from the cluster"})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := DefaultConfig()
			cfg.Nodes = c.nodes
			s, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			AttachClients(s)
			h := &harness{t: t, sim: s}
			js := c.setup(h)
			before := h.sim.SnapshotJSON()
			err = h.sim.DoJSON(js)
			if err == nil || !strings.Contains(err.Error(), c.refuse) {
				t.Fatalf("%s: got %v, want a refusal saying %q", js, err, c.refuse)
			}
			if after := h.sim.SnapshotJSON(); !bytes.Equal(before, after) {
				t.Errorf("%s was refused (%v) but the snapshot changed", js, err)
			}
			h.ok()
		})
	}
}
