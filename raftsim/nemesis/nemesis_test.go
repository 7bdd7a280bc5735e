package nemesis

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// Safe read modes under every fault: no run fails, and each judges enough
// operations that passing means something.
func TestSafeCampaignFindsNothing(t *testing.T) {
	last := int64(40)
	if testing.Short() {
		last = 3
	}
	sizes := map[int]bool{}
	changes := 0
	for seed := int64(1); seed <= last; seed++ {
		o := Run(seed, Options{})
		changes += o.MemberChanges
		if o.Failed() {
			t.Fatalf("seed %d: %q\nreproduce: %s", seed, o.Failures, o.ReproduceCommand())
		}
		if o.Checked < 100 {
			t.Fatalf("seed %d: only %d of %d operations checked", seed, o.Checked, o.Operations)
		}
		sizes[o.Nodes] = true
	}
	if !testing.Short() && len(sizes) < 5 {
		t.Fatalf("%d seeds drew only %d cluster sizes", last, len(sizes))
	}
	if changes < int(last) {
		t.Fatalf("%d seeds made only %d membership changes", last, changes)
	}
}

// Lying disks lose acknowledged entries; the campaign must notice, and the
// failing run's action log must replay to the same violation.
func TestLyingDisksAreCaughtAndReplay(t *testing.T) {
	// The first seeds whose lying disks lose an acknowledged entry come
	// early (2 and 4), which keeps the test short under wasm.
	for seed := int64(1); seed <= 40; seed++ {
		o := Run(seed, Options{Lying: true})
		if !o.Failed() {
			continue
		}
		if len(o.Actions) == 0 {
			t.Fatalf("seed %d failed without its action log", seed)
		}
		sim, err := clients.New(Config(seed, Options{Lying: true}))
		if err != nil {
			t.Fatal(err)
		}
		refused, err := sim.Replay(raftsim.Run{Config: sim.Config(), Actions: o.Actions, NowMs: o.EndMs})
		if err != nil || refused != nil {
			t.Fatalf("seed %d: the action log does not replay: %v %v", seed, err, refused)
		}
		var got []string
		for _, v := range sim.Snapshot().Invariants.Violations {
			got = append(got, v.Invariant)
		}
		var want []string
		for _, f := range o.Failures {
			if name, ok := strings.CutPrefix(f, "invariant "); ok {
				want = append(want, strings.Fields(name)[0])
			}
		}
		if len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: the campaign saw %v, the replay %v", seed, want, got)
		}
		return
	}
	t.Fatal("40 seeds with lying disks and not one failure")
}

// The same seed gives the same run: an outcome is reproducible alone.
func TestSameSeedSameOutcome(t *testing.T) {
	a, b := Run(11, Options{Lying: true}), Run(11, Options{Lying: true})
	if !bytes.Equal(a.JSON(), b.JSON()) {
		t.Fatalf("seed 11 twice:\n%s\n%s", a.JSON(), b.JSON())
	}
}

func TestOutcomeRoundTrips(t *testing.T) {
	o := Outcome{Seed: 9, Nodes: 4, Read: "lease", Lying: true, EndMs: 15000, Operations: 700, Checked: 650, MemberChanges: 3,
		Failures: []string{"not converged: n2 is down after restart-all"},
		Actions:  []raftsim.ActionRecord{{AtMs: 0, Action: raftsim.Action{Op: raftsim.ActClients, Count: 3, Read: "lease"}}, {AtMs: 300, Action: raftsim.Action{Op: raftsim.ActLoss, Rate: 0}}}}
	back, err := ParseOutcome(o.JSON())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, o) {
		t.Fatalf("round trip:\n%+v\n%+v", o, back)
	}
	for _, bad := range []string{``, `{}`, `{"seed":1}`, `{"seed":1,"nodes":3,"actions":[{"op":"nope","at_ms":1}]}`} {
		if _, err := ParseOutcome([]byte(bad)); err == nil {
			t.Errorf("%q: accepted", bad)
		}
	}
}

func TestParseSeeds(t *testing.T) {
	for in, want := range map[string]Seeds{"1-10000": {1, 10000}, "7": {7, 7}, " 3-3 ": {3, 3}} {
		got, err := ParseSeeds(in)
		if err != nil || got != want {
			t.Errorf("%q: %v, %v; want %v", in, got, err, want)
		}
		if back, _ := ParseSeeds(got.String()); back != got {
			t.Errorf("%q: %v does not round-trip", in, got)
		}
	}
	for _, bad := range []string{"", "0", "5-2", "a-b", "1-", "-3", "1-2-3"} {
		if _, err := ParseSeeds(bad); err == nil {
			t.Errorf("%q: accepted", bad)
		}
	}
}
