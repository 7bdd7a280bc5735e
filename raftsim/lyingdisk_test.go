package raftsim_test

import (
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// An honest disk keeps Raft safe through any number of crashes: only what
// was synced was acknowledged.
func TestCrashesWithHonestDisksAreSafe(t *testing.T) {
	for seed := int64(1); seed <= 10; seed++ {
		if s := crashLoop(t, seed, false); !s.Invariants.OK || s.Clients.Linearizable.Status != "linearizable" {
			t.Fatalf("seed %d: invariants %+v, verdict %+v", seed, s.Invariants, s.Clients.Linearizable)
		}
	}
}

// A lying disk acknowledges writes before they are durable, so a crash loses
// entries other nodes counted on. On some seed the damage must be found: raft
// panicking on its lost log (recovered as a violation), a broken invariant, or
// a non-linearizable history — and the run must go on.
func TestLyingDiskIsCaught(t *testing.T) {
	for seed := int64(1); seed <= 30; seed++ {
		s := crashLoop(t, seed, true)
		if !s.Invariants.OK || s.Clients.Linearizable.Status == "not linearizable" {
			var found []string
			for _, v := range s.Invariants.Violations {
				found = append(found, v.Invariant+": "+v.Detail)
			}
			t.Logf("seed %d: violations %q; verdict %s", seed, found, s.Clients.Linearizable.Status)
			if s.NowMs != 12000 {
				t.Fatalf("the run stopped at %d ms", s.NowMs)
			}
			return
		}
	}
	t.Fatal("30 seeds with lying disks and crashes: no damage found")
}

// crashLoop runs checking clients while it crashes and restarts three of
// the five nodes every 1.5 s, their disks lying or not.
func crashLoop(t *testing.T, seed int64, lying bool) *raftsim.Snapshot {
	s := newSim(t, seed)
	for !followed(s.Snapshot()) {
		if s.Now() >= 2000 {
			t.Fatalf("seed %d: no leader followed by every node after 2 s", seed)
		}
		s.Advance(10)
	}
	var setup []string
	if lying {
		for _, id := range []int{1, 2, 3} {
			setup = append(setup, fmt.Sprintf(`{"op":"lying-disk","node":%d,"on":true}`, id))
		}
	}
	for _, js := range append(setup, `{"op":"clients","count":3}`) {
		if err := s.DoJSON(js); err != nil {
			t.Fatal(err)
		}
	}
	for at := int64(2000); at < 11000; at += 1500 {
		s.AdvanceTo(at)
		for _, id := range []int{1, 2, 3} {
			_ = s.DoJSON(fmt.Sprintf(`{"op":"crash","node":%d}`, id))
		}
		s.AdvanceTo(at + 300)
		for _, id := range []int{1, 2, 3} {
			_ = s.DoJSON(fmt.Sprintf(`{"op":"restart","node":%d}`, id))
		}
	}
	s.AdvanceTo(12000)
	clients.Of(s).CheckLinearizability(0)
	return s.Snapshot()
}

// followed reports whether a leader leads every running node.
func followed(s *raftsim.Snapshot) bool {
	l := s.Leader()
	for _, n := range s.Nodes {
		if n.Up && n.Lead != l {
			return false
		}
	}
	return l != 0
}

func TestLyingDiskActionIsValidated(t *testing.T) {
	s := newSim(t, 1)
	for js, want := range map[string]string{
		`{"op":"lying-disk","node":2}`:            `needs "on"`,
		`{"op":"lying-disk","node":8,"on":true}`:  "unknown node 8",
		`{"op":"lying-disk","node":2,"on":false}`: "already tells the truth",
	} {
		if err := s.DoJSON(js); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", js, err, want)
		}
	}
}

// When a lying disk has lost entries others counted on, etcd raft can panic
// on a node (for instance "tocommit(…) is out of range … Was the raft log
// corrupted, truncated, or lost?"). The simulator recovers: the node halts
// (the test's loop restarts it later), the panic is a violation, and the
// cluster runs on.
func TestRaftPanicHaltsTheNodeAndTheRunGoesOn(t *testing.T) {
	for seed := int64(1); seed <= 60; seed++ {
		s := crashLoop(t, seed, true)
		for _, v := range s.Invariants.Violations {
			if v.Invariant != "raft-panic" {
				continue
			}
			if s.NowMs != 12000 || s.Leader() == 0 {
				t.Fatalf("seed %d: after the panic the run stopped at %d ms, leader %d", seed, s.NowMs, s.Leader())
			}
			t.Logf("seed %d at %d ms: %s", seed, v.AtMs, v.Detail)
			return
		}
	}
	t.Fatal("60 seeds with lying disks: raft never panicked")
}
