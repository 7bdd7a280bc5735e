package scenario

import (
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// A "state" expectation holds when the cluster ends in exactly the snapshot
// given, whitespace aside, and fails when one byte of it differs.
func TestStateExpectsTheWholeSnapshot(t *testing.T) {
	cfg := raftsim.DefaultConfig()
	sim, _ := raftsim.New(cfg)
	sim.Advance(1500)
	want := string(sim.SnapshotJSON())
	story := func(state string) string {
		return fmt.Sprintf(`{"name":"s","title":"t","steps":[{"caption":"c","run_ms":1500,"expect":[{"state":%s}]}]}`, state)
	}
	for _, tc := range []struct {
		state string
		ok    bool
	}{
		{want, true},
		{strings.Replace(want, `"now_ms":1500,`, "\n  \"now_ms\": 1500,\n", 1), true},
		{strings.Replace(want, `"now_ms":1500`, `"now_ms":1501`, 1), false},
	} {
		sc, err := Parse(story(tc.state))
		if err != nil {
			t.Fatal(err)
		}
		p, err := NewPlayer(sim, sc)
		if err != nil {
			t.Fatal(err)
		}
		r := p.RunAll()[0]
		if r.OK() != tc.ok {
			t.Errorf("state expectation held %v, want %v: %v", r.OK(), tc.ok, r.Failures)
		}
		p.Close()
	}
	if _, err := Parse(story(`"a snapshot"`)); err == nil || !strings.Contains(err.Error(), "steps[0].expect[0].state: need a snapshot") {
		t.Errorf("a state that is not an object: %v", err)
	}
}

// A "snapshot" expectation holds when the value at its gjson path is the
// JSON given, and fails when it differs.
func TestSnapshotPathCondition(t *testing.T) {
	story := func(cond string) string {
		return fmt.Sprintf(`{"name":"s","title":"t","config":{"seed":1},"steps":[{"caption":"c","until":{"leader":true},"within_ms":2000,"expect":[{"snapshot":%s}]}]}`, cond)
	}
	sim, _ := raftsim.New(raftsim.DefaultConfig()) // seed 1: n5 leads
	for cond, ok := range map[string]bool{
		`{"path":"nodes.#","is":5}`:                      true,
		`{"path":"nodes.#(role==\"leader\").id","is":5}`: true,
		`{"path":"nodes.#(role==\"leader\").id","is":2}`: false,
		`{"path":"nodes.4.role","is":"leader"}`:          true,
		`{"path":"nodes.4.role","is":"follower"}`:        false,
		`{"path":"no.such.field","is":null}`:             true,
		`{"path":"no.such.field","is":0}`:                false,
	} {
		sc, err := Parse(story(cond))
		if err != nil {
			t.Fatal(err)
		}
		p, err := NewPlayer(sim, sc)
		if err != nil {
			t.Fatal(err)
		}
		if r := p.RunAll()[0]; r.OK() != ok {
			t.Errorf("%s held %v, want %v: %v", cond, r.OK(), ok, r.Failures)
		}
		p.Close()
	}
	// A path may name a node remembered by an earlier step.
	sc, err := Parse(`{"name":"s","title":"t","config":{"seed":1},"steps":[
		{"caption":"c","until":{"leader":true},"within_ms":2000},
		{"caption":"d","remember":{"l":"leader"},"expect":[{"snapshot":{"path":"nodes.#(id==$l).role","is":"leader"}},
			{"snapshot":{"path":"nodes.#(id==$nobody).role","is":null}}]}]}`)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := NewPlayer(sim, sc)
	if got := p.RunAll()[1].Failures; len(got) != 1 || !strings.Contains(got[0], "$nobody was not remembered") {
		t.Errorf("paths with remembered nodes: failures %q, want only $nobody's", got)
	}
	p.Close()
	if _, err := Parse(story(`{"path":"nodes.#"}`)); err == nil || !strings.Contains(err.Error(), "snapshot.is: missing") {
		t.Errorf("a snapshot condition without is: %v", err)
	}
}
