package raftsim

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// newManualHarness is a three-node cluster of seed 1 held in manual mode
// from its first moment, before any tick.
func newManualHarness(t testing.TB) *harness {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Seed, cfg.Nodes = 1, 3
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	AttachClients(s)
	h := &harness{t: t, sim: s}
	h.do(`{"op":"manual","on":true}`)
	return h
}

// handAll hands over every Ready raft has, node by node, until none has one.
func (h *harness) handAll() {
	h.t.Helper()
	for again := true; again; {
		again = false
		for _, n := range h.sim.Snapshot().Nodes {
			if n.HasReady {
				h.do(fmt.Sprintf(`{"op":"ready","node":%d}`, n.ID))
				again = true
			}
		}
	}
}

// schedule picks which waiting message goes next, and whether to
// duplicate it first.
type schedule func(msgs []MessageView) (pick int, dup bool)

func oldestFirst([]MessageView) (int, bool)   { return 0, false }
func newestFirst(m []MessageView) (int, bool) { return len(m) - 1, false }

// shuffled delivers in an order drawn from seed, duplicating one message in
// eight.
func shuffled(seed uint64) schedule {
	r := rand.New(rand.NewPCG(seed, 7))
	return func(m []MessageView) (int, bool) { return r.IntN(len(m)), r.IntN(8) == 0 }
}

// drain delivers every waiting message in the schedule's order, handing
// over each Ready as it comes, until nothing waits; a bound stops a
// schedule that never ends.
func (h *harness) drain(next schedule) {
	h.t.Helper()
	for range 500 {
		h.handAll()
		msgs := h.sim.Snapshot().Messages
		if len(msgs) == 0 {
			return
		}
		i, dup := next(msgs)
		if dup {
			h.do(fmt.Sprintf(`{"op":"duplicate","message":%d}`, msgs[i].ID))
		}
		h.do(fmt.Sprintf(`{"op":"deliver","message":%d}`, msgs[i].ID))
	}
	h.t.Fatal("messages kept coming after 500 deliveries")
}

// electByHand makes n1 campaign and delivers the election in the order given.
func (h *harness) electByHand(next schedule) {
	h.t.Helper()
	h.do(`{"op":"tick","node":1,"until":"election"}`)
	h.drain(next)
}

// Every order of deliveries, duplicates included, elects n1 in a small
// election and replicates a write to every node, and no invariant breaks.
func TestManualDeliveryOrders(t *testing.T) {
	rows := []struct {
		name string
		next schedule
	}{{"oldest first", oldestFirst}, {"newest first", newestFirst}}
	for seed := range uint64(40) {
		rows = append(rows, struct {
			name string
			next schedule
		}{fmt.Sprintf("shuffled %d", seed), shuffled(seed)})
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			h := newManualHarness(t)
			h.electByHand(row.next)
			s := h.sim.Snapshot()
			if s.Leader() != 1 {
				t.Fatalf("after the election n1 does not lead: %+v", s.Nodes)
			}
			h.ok()
			h.write(1, "/k", "much")
			h.drain(row.next)
			// An append taken out of order can leave a follower in probe,
			// which only the leader's heartbeat moves on (raft's
			// MsgAppFlowPaused): tick it as its clock would.
			for range 5 {
				h.do(`{"op":"tick","node":1,"until":"heartbeat"}`)
				h.drain(row.next)
			}
			for _, n := range h.sim.Snapshot().Nodes {
				if got := committedLabels(&n); len(got) != 1 || got[0] != "much" || n.Applied != n.Commit {
					t.Fatalf("%s committed %v, applied %d of %d", n.Name, got, n.Applied, n.Commit)
				}
			}
			h.ok()
		})
	}
}

// With the clock and the network held nothing happens, however long the
// run goes; leaving manual mode gives it back to the clock, which elects a
// leader and delivers what waited.
func TestManualHoldsAndResumes(t *testing.T) {
	h := newHarness(t, 1)
	h.leader(2000)
	h.write(1, "/a", "wow")
	h.run(3)
	h.do(`{"op":"manual","on":true}`)
	before := h.sim.SnapshotJSON()
	h.run(60_000)
	if h.sim.Step() {
		t.Fatal("a step fired an event with the clock held")
	}
	if after := h.sim.SnapshotJSON(); string(after) != string(before) {
		t.Fatalf("the held run moved:\n%s\n%s", before, after)
	}
	if err := h.sim.DoJSON(`{"op":"step"}`); err == nil {
		t.Fatal("step was done with the clock held")
	}
	h.do(`{"op":"manual","on":false}`)
	at := h.sim.Now()
	s := h.until(2000, "the write committed everywhere", func(s *Snapshot) bool {
		for _, n := range s.Nodes {
			if len(committedLabels(&n)) != 1 {
				return false
			}
		}
		return len(s.Messages) > 0
	})
	if s.NowMs <= at || s.Manual {
		t.Fatalf("the clock did not run on: %d ms then %d, manual %v", at, s.NowMs, s.Manual)
	}
	h.ok()
}

// A run with manual mode, every action of it, replays byte for byte.
func TestManualReplays(t *testing.T) {
	h := newManualHarness(t)
	h.electByHand(shuffled(3))
	h.write(1, "/k", "wow")
	h.handAll()
	msgs := h.sim.Snapshot().Messages
	h.do(fmt.Sprintf(`{"op":"drop","message":%d}`, msgs[0].ID))
	h.do(fmt.Sprintf(`{"op":"duplicate","message":%d}`, msgs[1].ID))
	h.do(`{"op":"deliver","to":3}`)
	h.do(`{"op":"tick","node":2,"n":3}`)
	h.do(`{"op":"tick","node":1,"until":"heartbeat"}`)
	h.drain(newestFirst)
	h.do(`{"op":"manual","on":false}`)
	h.run(1500)
	want := h.sim.SnapshotJSON()
	again := newManualHarness(t)
	refused, err := again.sim.Replay(h.sim.Run())
	if err != nil || len(refused) != 0 {
		t.Fatalf("replay: %v, refused %v", err, refused)
	}
	if got := again.sim.SnapshotJSON(); string(got) != string(want) {
		t.Fatalf("the replay differs:\n%s\n%s", want, got)
	}
	h.ok()
}
