package main

import (
	"testing"

	"raftplay/raftsim"
)

// The checking clients' history is judged as the page runs: the verdict the
// HUD shows moves from "no operations" to a judgement of what was checked,
// with no call from outside asking for it.
func TestBrowserClientsVerdictAdvances(t *testing.T) {
	requireBrowser(t)
	tab := openPlayground(t, "seed=7")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.do(`{"op":"clients","count":2}`)
	s := tab.until("a verdict on checked operations", 20000, 200, func(s *raftsim.Snapshot) bool {
		return s.Clients.Linearizable.Checked > 0
	})
	if v := s.Clients.Linearizable; v.Status != raftsim.StatusLinearizable {
		t.Fatalf("verdict %+v after %d operations", v, s.Clients.Operations)
	}
}
