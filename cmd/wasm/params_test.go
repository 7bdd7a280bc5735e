package main

import (
	"encoding/json"
	"reflect"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

func TestParseParams(t *testing.T) {
	def := DefaultParams()
	with := func(f func(*Params)) Params {
		p := def
		f(&p)
		return p
	}
	for _, tc := range []struct {
		query    string
		want     Params
		problems []string
	}{
		{"", def, nil},
		{"?", def, nil},
		{"?seed=42&nodes=7&speed=0.5&paused=true&theme=light&controls=minimal", Params{Seed: 42, Nodes: 7, Speed: 0.5, Paused: true, Theme: "light", Motion: "auto", Controls: "minimal", Step: 1}, nil},
		{"?scenario=partition&step=3", with(func(p *Params) { p.Scenario, p.Step = "partition", 3 }), nil},
		{"?run=abc", with(func(p *Params) { p.Run = "abc" }), nil},
		{"?share=qr", with(func(p *Params) { p.ShareQR = true }), nil},
		{"?share=link", def, []string{"share=link is not valid (qr); using no code"}},
		{"?scenario=moonwalk", def, []string{"scenario=moonwalk is not valid (one of election, split-vote, replication, follower-failures, leader-failure, all-nodes-failure, partition, stale-leader, checkquorum, disruptive-rejoin, prevote, snapshot-catchup, add-member, remove-leader, joint-consensus); using free play"}},
		{"?script=confchange_v1_add_single&step=4", with(func(p *Params) { p.Script, p.Step = "confchange_v1_add_single", 4 }), nil},
		{"?script=moonwalk", def, []string{"script=moonwalk is not valid (one of raft v3.7.0's 28 interaction scripts, such as campaign or confchange_v1_add_single: Stories lists them); using free play"}},
		{"?step=0", def, []string{"step=0 is not valid (a step number from 1); using 1"}},
		{"seed=-3", with(func(p *Params) { p.Seed = -3 }), nil},
		{"?paused=1", with(func(p *Params) { p.Paused = true }), nil},
		{"?paused", with(func(p *Params) { p.Paused = true }), nil},
		{"?paused=0&theme=dark", with(func(p *Params) { p.Theme = "dark" }), nil},
		{"?speed=1000", with(func(p *Params) { p.Speed = 1000 }), nil},
		{"?nodes=3", with(func(p *Params) { p.Nodes = 3 }), nil},
		{"?nodes=12", def, []string{"nodes=12 is not valid (3 to 9); using 5"}},
		{"?nodes=two", def, []string{"nodes=two is not valid (3 to 9); using 5"}},
		{"?seed=1.5", def, []string{"seed=1.5 is not valid (a whole number); using 1"}},
		{"?speed=0", def, []string{"speed=0 is not valid (a number above 0 and at most 1000, in virtual ms per real ms); using 0.03"}},
		{"?speed=1001", def, []string{"speed=1001 is not valid (a number above 0 and at most 1000, in virtual ms per real ms); using 0.03"}},
		{"?speed=NaN", def, []string{"speed=NaN is not valid (a number above 0 and at most 1000, in virtual ms per real ms); using 0.03"}},
		{"?manual=1", with(func(p *Params) { p.Manual = true }), nil},
		{"?manual=yes", def, []string{"manual=yes is not valid (true, false, 1 or 0); using false"}},
		{"?paused=maybe", def, []string{"paused=maybe is not valid (true, false, 1 or 0); using false"}},
		{"?theme=colorblind-dark&motion=reduced", with(func(p *Params) { p.Theme, p.Motion = "colorblind-dark", "reduced" }), nil},
		{"?motion=still", def, []string{"motion=still is not valid (full, reduced or auto); using auto"}},
		{"?theme=blue", def, []string{"theme=blue is not valid (light, dark, colorblind, colorblind-dark or auto); using auto"}},
		{"?controls=none", def, []string{"controls=none is not valid (full or minimal); using full"}},
		{"?panels=logs,events", with(func(p *Params) { p.Panels = "logs,events" }), nil},
		{"?panels=none", with(func(p *Params) { p.Panels = "none" }), nil},
		{"?panels=logs,charts", def, []string{`panels=logs,charts is not valid (panel "charts" is not known (logs, events, diagram, or none)); using the panels the screen has room for`}},
		{"?nodes=1&seed=x&utm_source=mail", def, []string{
			"seed=x is not valid (a whole number); using 1",
			"nodes=1 is not valid (3 to 9); using 5",
		}},
		{"?nodes=4&nodes=9", with(func(p *Params) { p.Nodes = 4 }), nil},
		{"?nodes=%206%20", with(func(p *Params) { p.Nodes = 6 }), nil},
	} {
		got, problems := ParseParams(tc.query)
		// No knobs in these URLs: the config is the default one with the
		// URL's seed and nodes (TestKnobParams covers the knobs).
		want := tc.want
		want.Config = raftsim.DefaultConfig()
		want.Config.Seed, want.Config.Nodes = want.Seed, want.Nodes
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParseParams(%q) = %+v, want %+v", tc.query, got, want)
		}
		if !reflect.DeepEqual(problems, tc.problems) {
			t.Errorf("ParseParams(%q) problems %q, want %q", tc.query, problems, tc.problems)
		}
	}
}

func TestParseParamsBadEscape(t *testing.T) {
	got, problems := ParseParams("?nodes=7&seed=%zz")
	if got.Nodes != 7 || len(problems) != 1 {
		t.Errorf("with a bad escape: %+v, %q", got, problems)
	}
}

func TestStartActions(t *testing.T) {
	for _, tc := range []struct {
		query string
		want  string
	}{
		{"", `[{"op":"speed","x":0.03}]`},
		{"?speed=2&paused=1", `[{"op":"speed","x":2},{"op":"pause"}]`},
		{"?manual=1", `[{"op":"speed","x":0.03},{"op":"manual","on":true}]`},
	} {
		p, _ := ParseParams(tc.query)
		got, _ := json.Marshal(p.StartActions())
		if string(got) != tc.want {
			t.Errorf("%q starts with %s, want %s", tc.query, got, tc.want)
		}
	}
	// They are actions the simulator takes.
	p, _ := ParseParams("?speed=1000&paused=true&manual=1")
	sim, err := clients.New(raftsim.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range p.StartActions() {
		if err := sim.Do(a); err != nil {
			t.Errorf("%v: %v", a, err)
		}
	}
	if s := sim.Snapshot(); !s.Paused || s.Speed != 1000 || !s.Manual {
		t.Errorf("after the start actions: paused %v, speed %v, manual %v", s.Paused, s.Speed, s.Manual)
	}
}
