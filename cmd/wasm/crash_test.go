package main

import (
	"strings"
	"testing"

	"raftplay/raftsim"
)

func TestCrashReport(t *testing.T) {
	cfg := raftsim.DefaultConfig()
	cfg.Seed, cfg.Nodes = 42, 7
	actions := []raftsim.ActionRecord{
		{AtMs: 120, Action: raftsim.Action{Op: "crash", Node: 3}},
		{AtMs: 400, Action: raftsim.Action{Op: "put", Key: "much", Value: "much"}},
	}
	got := crashReport("Update", "boom", []byte("goroutine 1 [running]:"), cfg, actions)
	for _, want := range []string{
		"a panic in Update: boom",
		"seed 42, 7 nodes",
		`"at_ms": 120`,
		`"op": "crash"`,
		`"node": 3`,
		`"value": "much"`,
		`go run ./cmd/sim -config '{"nodes":7,"seed":42,`,
		`}' -actions actions.json`,
		"goroutine 1 [running]:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the report lacks %q:\n%s", want, got)
		}
	}
	// The action log in the report reads back as an action file.
	start := strings.Index(got, "[")
	end := strings.Index(got, "]") + 1
	recs, err := raftsim.ParseActionRecords(got[start:end])
	if err != nil || len(recs) != 2 || recs[1].Value != "much" {
		t.Errorf("the report's actions read back as %v, %v", recs, err)
	}
	if empty := crashReport("Draw", "x", nil, cfg, nil); !strings.Contains(empty, "[]") {
		t.Errorf("a report without actions lacks an empty list:\n%s", empty)
	}
}
