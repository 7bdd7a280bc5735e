package raftsim

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim/raftscripts"
)

// playerAt plays the bundled script name from its first step to step k by
// Next, on a run of its own.
func playerAt(t *testing.T, name string, k int) *ScriptPlayer {
	t.Helper()
	text, err := raftscripts.Text(name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewScriptPlayer(newHarness(t, 7).sim, name, text)
	if err != nil {
		t.Fatal(err)
	}
	for p.Step() < k {
		if err := p.Next(); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// Stepping to step k and going Back stands exactly where stepping to k-1
// does: the same snapshot, byte for byte, the same output, and the same
// next step (which also covers what a snapshot does not show: the storage
// work an asynchronous-writes node holds).
func TestScriptBackIsSteppingToThePreviousStep(t *testing.T) {
	for _, name := range []string{"confchange_v1_add_single", "async_storage_writes", "snapshot_succeed_via_app_resp"} {
		steps := playerAt(t, name, 0).Steps()
		for k := 1; k < steps; k++ {
			back := playerAt(t, name, k)
			if err := back.Back(); err != nil {
				t.Fatal(err)
			}
			direct := playerAt(t, name, k-1)
			if back.Step() != k-1 || back.Output() != direct.Output() {
				t.Fatalf("%s: back from step %d stands at step %d printing %q; stepping there prints %q", name, k+1, back.Step()+1, back.Output(), direct.Output())
			}
			if b, d := back.sim.Snapshot().JSON(), direct.sim.Snapshot().JSON(); !bytes.Equal(b, d) {
				t.Fatalf("%s: back from step %d differs from stepping to step %d:\n%s\n%s", name, k+1, k, b, d)
			}
			if err := back.Next(); err != nil {
				t.Fatal(err)
			}
			if err := direct.Next(); err != nil {
				t.Fatal(err)
			}
			if back.Output() != direct.Output() {
				t.Fatalf("%s: after back, step %d printed %q; stepping straight there printed %q", name, k+1, back.Output(), direct.Output())
			}
		}
	}
}

// Each step shows its comment as its caption, its command, and its output
// with raft's lines as the script expects them; Goto lands on a step by
// replay, Next and Back stop at the script's ends.
func TestScriptPlayerSteps(t *testing.T) {
	p := playerAt(t, "confchange_v1_add_single", 0)
	if got, want := p.Caption(), "Run a V1 membership change that adds a single voter.\nBootstrap n1."; got != want {
		t.Errorf("caption of step 1 = %q, want %q", got, want)
	}
	if got, want := p.Command(), "add-nodes 1 voters=(1) index=2"; got != want {
		t.Errorf("command of step 1 = %q, want %q", got, want)
	}
	if !strings.Contains(p.Output(), "INFO 1 became follower at term 0") || p.Check() != "" {
		t.Errorf("step 1 printed %q (check: %q)", p.Output(), p.Check())
	}
	if n := len(p.sim.Snapshot().Nodes); n != 1 {
		t.Errorf("after add-nodes 1 the cluster has %d nodes", n)
	}
	if err := p.Back(); err == nil {
		t.Error("Back from the first step was not refused")
	}
	if err := p.Goto(3); err != nil {
		t.Fatal(err)
	}
	if got, want := p.Command(), "propose-conf-change 1 v1=true\nv2"; got != want {
		t.Errorf("command of step 4 = %q, want %q", got, want)
	}
	if got := p.sim.Snapshot().Node(1).Role; got != RoleLeader {
		t.Errorf("at step 4 node 1 is %s, want leader", got)
	}
	for !p.Last() {
		if err := p.Next(); err != nil {
			t.Fatal(err)
		}
		if c := p.Check(); c != "" {
			t.Errorf("step %d: %s", p.Step()+1, c)
		}
	}
	if err := p.Next(); err == nil {
		t.Error("Next after the last step was not refused")
	}
	if err := p.Goto(p.Steps()); err == nil {
		t.Error("Goto past the last step was not refused")
	}
}

// A run started on the sim while a script plays (a reset) does not break
// the script: its next step replays it first.
func TestScriptNextAfterResetReplays(t *testing.T) {
	p := playerAt(t, "single_node", 1)
	want := playerAt(t, "single_node", 2)
	if err := p.sim.Reset(DefaultConfig()); err != nil {
		t.Fatal(err)
	}
	if p.Current() {
		t.Error("the player says it holds the run after a reset")
	}
	if err := p.Next(); err != nil {
		t.Fatal(err)
	}
	if g, w := p.sim.Snapshot().JSON(), want.sim.Snapshot().JSON(); !bytes.Equal(g, w) {
		t.Errorf("next after a reset:\n%s\nwant\n%s", g, w)
	}
}

// A script with a command raft's scripts do not have, or with nothing in
// it, is refused before it plays, naming the line, and the run stays as it
// was.
func TestScriptPlayerRefusesBadScripts(t *testing.T) {
	s := newHarness(t, 7).sim
	before := s.Snapshot().JSON()
	for text, want := range map[string]string{
		"add-nodes 3 voters=(1,2,3) index=2\n----\nok\n\nelect 1\n----\nok\n": `pasted:5: unknown command "elect"`,
		"# only a comment\n": "pasted holds no command",
		"campaign 1\n":       "pasted:1: no ---- after the command",
	} {
		if _, err := NewScriptPlayer(s, "pasted", text); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", text, err, want)
		}
	}
	if !bytes.Equal(s.Snapshot().JSON(), before) {
		t.Error("a refused script changed the run")
	}
}

// Every bundled script uses only commands the player runs, and plays to
// its end with raftplay's safety checker finding nothing at any step: the
// page shows raft's own tests as safe, clusters bootstrapped from a
// snapshot (add-nodes index=10) and votes delivered by the script included.
func TestBundledScriptsPlaySafely(t *testing.T) {
	for _, name := range raftscripts.Names() {
		text, _ := raftscripts.Text(name)
		p, err := NewScriptPlayer(NewScriptEnv().s, name, text)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for {
			if inv := p.sim.Snapshot().Invariants; !inv.OK {
				t.Errorf("%s step %d (%s): %s: %s", name, p.Step()+1, p.Command(), inv.Violations[0].Invariant, inv.Violations[0].Detail)
				break
			}
			if p.Last() {
				break
			}
			if err := p.Next(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// A script's proposals show in the log as the script wrote them.
func TestScriptEntriesLabelledAsWritten(t *testing.T) {
	p := playerAt(t, "prevote", 6) // propose 1 prop_1, then process-ready 1
	var labels []string
	for _, e := range p.sim.Snapshot().Node(1).Log {
		labels = append(labels, e.Label)
	}
	if !slices.Contains(labels, "prop_1") {
		t.Errorf("n1's log after process-ready 1 is labelled %q; want prop_1 among them", labels)
	}
}

// A script's run takes what manual mode does by hand and raft's script
// commands in the console, and refuses the rest with a message (its bare
// nodes have no key space, and the clock is not theirs to give back); done
// in any order on any script, the hand's actions keep raft safe, and the
// script goes on from there.
func TestScriptRunTakesOnlyTheHandsActions(t *testing.T) {
	for _, name := range raftscripts.Names() {
		steps := playerAt(t, name, 0).Steps()
		for _, k := range []int{0, steps / 2} {
			p := playerAt(t, name, k)
			s := p.sim
			for _, js := range []string{`{"op":"manual","on":false}`, `{"op":"put","value":"x"}`, `{"op":"crash","node":1}`, `{"op":"console","line":"put a b"}`} {
				if err := s.DoJSON(js); err == nil || !strings.Contains(err.Error(), "a run of raft's interaction script takes only") {
					t.Errorf("%s step %d: %s answered %v", name, k+1, js, err)
				}
			}
			for range 3 {
				for _, n := range s.Snapshot().Nodes {
					hand := []string{fmt.Sprintf(`{"op":"tick","node":%d,"until":"election"}`, n.ID), fmt.Sprintf(`{"op":"ready","node":%d}`, n.ID)}
					for _, m := range s.Snapshot().Messages {
						if m.ID%3 == 0 {
							hand = append(hand, fmt.Sprintf(`{"op":"duplicate","message":%d}`, m.ID))
						}
					}
					hand = append(hand, fmt.Sprintf(`{"op":"deliver","to":%d}`, n.ID), `{"op":"console","line":"stabilize"}`)
					for _, js := range hand {
						_ = s.DoJSON(js) // a hand with nothing to do is refused, and that is all
					}
				}
			}
			if inv := s.Snapshot().Invariants; !inv.OK {
				t.Errorf("%s step %d: the hand's actions broke %s: %s", name, k+1, inv.Violations[0].Invariant, inv.Violations[0].Detail)
			}
			if !p.Last() {
				if err := p.Next(); err != nil {
					t.Errorf("%s step %d: next after the hand's actions: %v", name, k+1, err)
				}
			}
		}
	}
}

// A node that writes asynchronously takes no ready by hand: raft forbids
// its Advance, and the script's threads hand its Ready over.
func TestScriptAsyncNodeRefusesReady(t *testing.T) {
	p := playerAt(t, "async_storage_writes", 4)
	err := p.sim.DoJSON(`{"op":"ready","node":1}`)
	if err == nil || !strings.Contains(err.Error(), "writes asynchronously") {
		t.Errorf("ready on an async-storage-writes node: %v", err)
	}
	if inv := p.sim.Snapshot().Invariants; !inv.OK {
		t.Errorf("a refused ready broke %v", inv.Violations)
	}
}

// A reset of a script's run starts raftplay's own run, with the seed asked.
func TestScriptRunResets(t *testing.T) {
	p := playerAt(t, "campaign", 2)
	if err := p.sim.DoJSON(`{"op":"reset","seed":9}`); err != nil {
		t.Fatal(err)
	}
	if s := p.sim.Snapshot(); len(s.Nodes) != DefaultConfig().Nodes || s.Seed != 9 || s.Manual || p.Current() {
		t.Errorf("after a reset: %d nodes, seed %d, manual %v, the script's run %v", len(s.Nodes), s.Seed, s.Manual, p.Current())
	}
}
