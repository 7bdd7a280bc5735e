package main

import (
	"bytes"
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/scenario"
)

// Fuzz targets for what a page receives from outside: its URL's parameters
// and a host page's messages. Their seed corpora run as ordinary tests; make
// fuzz explores further.

// paramsQuery writes params as the query string that asks for them.
func paramsQuery(p Params) string {
	v := url.Values{}
	v.Set("seed", strconv.FormatInt(p.Seed, 10))
	v.Set("nodes", strconv.Itoa(p.Nodes))
	v.Set("speed", strconv.FormatFloat(p.Speed, 'g', -1, 64))
	v.Set("paused", strconv.FormatBool(p.Paused))
	v.Set("theme", p.Theme)
	v.Set("controls", p.Controls)
	v.Set("step", strconv.Itoa(p.Step))
	if p.Scenario != "" {
		v.Set("scenario", p.Scenario)
	}
	if p.Run != "" {
		v.Set("run", p.Run)
	}
	if p.Panels != "" {
		v.Set("panels", p.Panels)
	}
	if p.ShareQR {
		v.Set("share", "qr")
	}
	// The knobs, each by its config name where it is not the default.
	got, def := gjson.ParseBytes(mustMarshalConfig(p.Config)), gjson.ParseBytes(mustMarshalConfig(raftsim.DefaultConfig()))
	for _, name := range raftsim.ConfigFieldNames() {
		if name != "seed" && name != "nodes" && got.Get(name).Raw != def.Get(name).Raw {
			v.Set(name, got.Get(name).Raw)
		}
	}
	return "?" + v.Encode()
}

// mustMarshalConfig is a config's JSON form; plain values cannot fail.
func mustMarshalConfig(c raftsim.Config) []byte {
	b, _ := json.Marshal(c)
	return b
}

// FuzzParseParams: any query gives parameters in range (a bad value falls
// back to its default), which the page can start with, and which the query
// written from them asks for again, with no problem.
func FuzzParseParams(f *testing.F) {
	for _, q := range []string{
		"", "?", "?seed=42&nodes=7&speed=0.5&paused=true&theme=light&controls=minimal",
		"?scenario=partition&step=3", "?run=abc", "?nodes=12&speed=NaN&step=-1", "?%zz", "?speed=1e-320&paused",
		"?share=qr&panels=logs", "?pre_vote=false&loss_rate=0.05&tick_ms=5", "?heartbeat_ticks=40",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, query string) {
		p, _ := ParseParams(query)
		switch {
		case p.Nodes < 3 || p.Nodes > 9, !(p.Speed > 0 && p.Speed <= 1000), p.Step < 1,
			!slices.Contains([]string{"light", "dark", "auto"}, p.Theme),
			!slices.Contains([]string{"full", "minimal"}, p.Controls),
			p.Scenario != "" && !slices.Contains(scenario.Builtins, p.Scenario):
			t.Fatalf("%q gives parameters out of range: %+v", query, p)
		}
		if cfg := p.Config; cfg.Seed != p.Seed || cfg.Nodes != p.Nodes || cfg.Validate() != nil {
			t.Fatalf("%q: config %+v does not match seed %d and %d nodes, or is invalid: %v", query, cfg, p.Seed, p.Nodes, cfg.Validate())
		}
		for _, a := range p.StartActions() {
			if _, err := raftsim.ParseAction(string(mustMarshal(t, a))); err != nil {
				t.Fatalf("%q: start action %+v is refused: %v", query, a, err)
			}
		}
		back, problems := ParseParams(paramsQuery(p))
		if len(problems) > 0 || !reflect.DeepEqual(back, p) {
			t.Fatalf("%q gives %+v, whose query %s gives %+v %q", query, p, paramsQuery(p), back, problems)
		}
	})
}

// FuzzHostMessage follows a host page's message, {raftplay: action}, from
// its action's JSON to the reply: the reply is JSON tagged "result" that says
// whether the action was done, why not, or the state after it; a refused
// action leaves the snapshot as it was.
func FuzzHostMessage(f *testing.F) {
	for _, js := range []string{
		`{"op":"crash","node":2}`, `{"op":"put","value":"much"}`, `{"op":"transfer","to":3}`, `{"op":"speed","x":2}`,
		`{"op":"crash","node":9}`, `{"op":"fly"}`, `"crash"`, `{"op":"partition","groups":[[1],[2,3]]}`, `null`,
	} {
		f.Add(js)
	}
	f.Fuzz(func(t *testing.T, payload string) {
		cfg := raftsim.DefaultConfig()
		cfg.Nodes = 3
		sim, err := clients.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		sim.Advance(600)
		before := sim.Snapshot().JSON()
		a, err := raftsim.ParseAction(payload)
		if err == nil {
			err = sim.Do(a)
		}
		var state []byte
		if err == nil {
			state = sim.Snapshot().JSON()
		} else if after := sim.Snapshot().JSON(); !bytes.Equal(before, after) {
			t.Fatalf("%q was refused (%v) but changed the snapshot", payload, err)
		}
		reply := replyJSON(err, state)
		r := gjson.Parse(reply)
		switch {
		case !gjson.Valid(reply) || r.Get("raftplay").String() != "result":
			t.Fatalf("%q: reply %s is not a tagged result", payload, reply)
		case r.Get("ok").Bool() != (err == nil):
			t.Fatalf("%q: reply %s, error %v", payload, reply, err)
		case err != nil && r.Get("error").String() != err.Error():
			t.Fatalf("%q: reply %s does not say %q", payload, reply, err)
		case err == nil && r.Get("state.now_ms").Int() != sim.Now():
			t.Fatalf("%q: reply %s does not carry the state", payload, reply)
		}
	})
}

func mustMarshal(t *testing.T, a raftsim.Action) []byte {
	b, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
