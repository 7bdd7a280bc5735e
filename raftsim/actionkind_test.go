package raftsim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// actionCase is one row of an action's table test (act_*_test.go): on five
// nodes of seed 1 that have elected a leader, the setup actions are done,
// then js. want is "" when js is to be done, else what its refusal says; a
// refused action changes nothing and the run goes on. check, when set, looks
// at the cluster after js and after's milliseconds more.
type actionCase struct {
	name  string
	setup []string
	js    string
	want  string
	after int64
	check func(t *testing.T, h *harness)
}

// runActionTable runs an action's table test. Every action it does is also
// written out and read back as the same action, as the action log and share
// links need.
func runActionTable(t *testing.T, cases []actionCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, 1)
			h.leader(2000)
			for _, js := range tc.setup {
				h.do(js)
				h.run(10)
			}
			before := h.sim.SnapshotJSON()
			err := h.sim.DoJSON(tc.js)
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("%s refused: %v", tc.js, err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("%s: got %v, want a refusal saying %q", tc.js, err, tc.want)
			case tc.want != "" && !bytes.Equal(before, h.sim.SnapshotJSON()):
				t.Fatalf("%s was refused but changed the state", tc.js)
			}
			if tc.want == "" {
				if log := h.sim.Actions(); len(log) > 0 {
					roundTrip(t, log[len(log)-1].Action)
				}
			}
			h.run(tc.after)
			if tc.check != nil {
				tc.check(t, h)
			}
			h.ok()
		})
	}
}

// Every registered action has its file and its table test beside it, a help
// line, and a JSON form that names its op.
func TestEveryActionHasItsFileAndTableTest(t *testing.T) {
	if len(Ops) != len(actionKinds) || len(AppOps) == 0 {
		t.Fatalf("%d ops, %d kinds, app ops %v", len(Ops), len(actionKinds), AppOps)
	}
	for _, k := range actionKinds {
		base := "act_" + strings.ReplaceAll(string(k.op), "-", "")
		for _, f := range []string{base + ".go", base + "_test.go"} {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("%s: %v", k.op, err)
			}
		}
		if k.help == "" || strings.HasSuffix(k.help, ".") {
			t.Errorf("%s: help %q: want a few words without a full stop", k.op, k.help)
		}
		if (k.parse == nil) != (k.fields == "") {
			t.Errorf("%s: fields %q do not match whether it parses any", k.op, k.fields)
		}
		b, err := json.Marshal(Action{Op: k.op})
		if err != nil || !strings.HasPrefix(string(b), `{"op":"`+string(k.op)+`"`) {
			t.Errorf("%s: marshals as %s, %v", k.op, b, err)
		}
	}
}

// What a campaign draws from every registered fault is an action the
// simulator parses back, whatever the cluster's state.
func TestFaultsDrawActionsThatParse(t *testing.T) {
	h := newHarness(t, 3)
	h.leader(2000)
	h.do(`{"op":"crash","node":3}`)
	h.do(`{"op":"add-member","as":"learner"}`)
	h.run(300)
	rng := rand.New(rand.NewPCG(1, 2))
	snap := h.sim.Snapshot()
	for _, f := range Faults() {
		if f.Weight < 1 || kindOfOp(f.Op) == nil {
			t.Errorf("fault %s: weight %d, registered %v", f.Op, f.Weight, kindOfOp(f.Op) != nil)
		}
		for range 20 {
			d := FaultDraw{Rand: rng, Snap: snap}
			a := f.Draw(&d)
			if kindOfOp(a.Op) == nil {
				t.Fatalf("fault %s drew %+v", f.Op, a)
			}
			roundTrip(t, a)
			if d.Then != nil {
				roundTrip(t, *d.Then)
			}
		}
	}
}

// The README's table of actions is the registry's help, row for row.
func TestREADMEListsEveryAction(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	table.WriteString("| action | what it does |\n|---|---|\n")
	for _, h := range ActionHelp() {
		fmt.Fprintf(&table, "| `%s` | %s |\n", strings.TrimSpace(h.Op+" "+h.Fields), h.What)
	}
	if !strings.Contains(string(readme), table.String()) {
		t.Errorf("the README's table of actions is not the registry's; it should read:\n%s", table.String())
	}
}
