package scenario

import (
	"bytes"
	"strings"
	"testing"

	"raftplay/raftsim/clients"
)

// Playing a story in small frames, as the browser does, gives the same run
// as playing it headless in one go.
func TestFramesGiveTheSameRunAsHeadless(t *testing.T) {
	for _, name := range []string{"partition", "split-vote", "leader-failure"} {
		headless, _ := play(t, name)
		sc, _ := Builtin(name)
		sim, _ := clients.New(sc.Config)
		p, err := NewPlayer(sim, sc)
		if err != nil {
			t.Fatal(err)
		}
		for {
			for !p.Done() {
				p.Advance(7) // an odd frame size, so frames straddle every boundary
			}
			if p.Last() {
				break
			}
			if err := p.Next(); err != nil {
				t.Fatal(err)
			}
		}
		if a, b := headless.sim.SnapshotJSON(), sim.SnapshotJSON(); !bytes.Equal(a, b) {
			t.Errorf("%s: framed run differs from headless run", name)
		}
	}
}

// Going back to a step, which replays the action log, shows exactly what
// playing forward to it showed, in every story; so does jumping ahead.
func TestGotoReplaysToTheSameState(t *testing.T) {
	for _, name := range Builtins {
		sc, _ := Builtin(name)
		sim, _ := clients.New(sc.Config)
		p, _ := NewPlayer(sim, sc)
		var atStart [][]byte
		for {
			atStart = append(atStart, sim.SnapshotJSON())
			p.Finish()
			if p.Last() {
				break
			}
			p.Next()
		}
		for k := len(atStart) - 1; k >= 0; k-- {
			if err := p.Goto(k); err != nil {
				t.Fatal(err)
			}
			if p.Step() != k || p.Caption() != sc.Steps[k].Caption || len(p.Results()) != k {
				t.Fatalf("%s: Goto(%d): at step %d with %d results", name, k, p.Step(), len(p.Results()))
			}
			if !bytes.Equal(sim.SnapshotJSON(), atStart[k]) {
				t.Errorf("%s: Goto(%d) state differs from playing forward to step %d", name, k, k)
			}
		}
		fresh, _ := NewPlayer(sim, sc)
		if last := len(atStart) - 1; fresh.Goto(last) != nil || !bytes.Equal(sim.SnapshotJSON(), atStart[last]) {
			t.Errorf("%s: a new player's Goto(%d) differs from playing forward", name, last)
		}
		fresh.Close()
		p.Close()
	}
	sc, _ := Builtin("partition")
	sim, _ := clients.New(sc.Config)
	p, _ := NewPlayer(sim, sc)
	if err := p.Goto(9); err == nil || !strings.Contains(err.Error(), "has steps 1 to 5") {
		t.Errorf("Goto(9): %v", err)
	}
}

func TestNextBeforeStepEndsIsRefused(t *testing.T) {
	sc, _ := Builtin("election")
	sim, _ := clients.New(sc.Config)
	p, _ := NewPlayer(sim, sc)
	if err := p.Next(); err == nil || !strings.Contains(err.Error(), "has not ended") {
		t.Fatalf("Next before the end: %v", err)
	}
}

// A story whose claims are false must fail, naming the step and expectation.
func TestFalseExpectationFails(t *testing.T) {
	sc, err := Parse(`{"name":"x","title":"x","config":{"seed":1},"steps":[
		{"caption":"c","until":{"leader":true},"within_ms":2000,"expect":[{"leader_is":3}]},
		{"caption":"d","until":{"term_at_least":9},"within_ms":300}]}`)
	if err != nil {
		t.Fatal(err)
	}
	sim, _ := clients.New(sc.Config)
	p, _ := NewPlayer(sim, sc)
	rs := p.RunAll()
	if len(rs) != 2 || rs[0].OK() || rs[1].OK() {
		t.Fatalf("results = %+v", rs)
	}
	if !strings.Contains(rs[0].Failures[0], "steps[0].expect[0]: expected n3 leads") {
		t.Errorf("step 1 failure = %q", rs[0].Failures[0])
	}
	if !strings.Contains(rs[1].Failures[0], "steps[1].until: term is at least 9 did not happen within 300 ms") {
		t.Errorf("step 2 failure = %q", rs[1].Failures[0])
	}
}

func TestParseErrorsNameTheField(t *testing.T) {
	tests := []struct{ js, want string }{
		{`{`, "not valid JSON"},
		{`{"title":"t","steps":[{"caption":"c"}]}`, "name: missing"},
		{`{"name":"n","title":"t","steps":[]}`, "steps: need a non-empty array"},
		{`{"name":"n","title":"t","config":{"nodes":12},"steps":[{"caption":"c"}]}`, "config: invalid config: nodes must be 3 to 9"},
		{`{"name":"n","title":"t","config":{"speed":2},"steps":[{"caption":"c"}]}`, "config: config.speed: unknown config field"},
		{`{"name":"n","title":"t","steps":[{"caption":"c","expect":[{"leaders":true}]}]}`, `steps[0].expect[0].leaders: unknown condition "leaders"`},
		{`{"name":"n","title":"t","steps":[{"caption":"c","actions":[{"at_ms":0,"op":"fly"}]}]}`, `steps[0].actions[0]: unknown op "fly"`},
		{`{"name":"n","title":"t","steps":[{"caption":"c","actions":[{"at_ms":0,"op":"crash","node":"boss"}]}]}`, `steps[0].actions[0].node: a node is an ID, "leader" or "$name"`},
		{`{"name":"n","title":"t","steps":[{"caption":"c","until":{"leader":true}}]}`, "steps[0].within_ms: a step with until needs within_ms"},
		{`{"name":"n","title":"t","steps":[{"caption":"c","expect":[{"role":{"node":1,"is":"king"}}]}]}`, `steps[0].expect[0].role.is: unknown role "king"`},
		{`{"name":"n","title":"t","steps":[{"caption":"c","remember":{"x":"term"}}]}`, `steps[0].remember.x: can remember "leader" or "hash"`},
		{`{"name":"n","title":"t","steps":[{"caption":"c","run_ms":-5}]}`, "steps[0].run_ms: need a whole number >= 0"},
		{`{"name":"n","title":"t","steps":[{"caption":"c","actions":[{"at_ms":5,"op":"heal"},{"at_ms":1,"op":"heal"}]}]}`, "steps[0].actions[1].at_ms: 1 is before"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.js)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s:\n got %v\nwant %q", tt.js, err, tt.want)
		}
	}
}

func TestUnknownBuiltinListsTheKnownOnes(t *testing.T) {
	_, err := Builtin("raft-in-space")
	if err == nil || !strings.Contains(err.Error(), "election, split-vote") {
		t.Fatalf("got %v", err)
	}
}
