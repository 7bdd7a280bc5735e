package raftsim

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// TestConfigKnobsValidated: every knob refuses a value out of range with a
// message that names it, and a refused config is not used.
func TestConfigKnobsValidated(t *testing.T) {
	for _, tc := range []struct{ js, want string }{
		{`{"heartbeat_ticks":15}`, "election_ticks (15) must be greater than heartbeat_ticks (15)"},
		{`{"election_ticks":0}`, "election_ticks"},
		{`{"heartbeat_ticks":0}`, "heartbeat_ticks must be at least 1"},
		{`{"tick_ms":0}`, "tick_ms must be at least 1"},
		{`{"latency_min_ms":-3}`, "latency must satisfy"},
		{`{"latency_min_ms":9,"latency_max_ms":4}`, "latency must satisfy"},
		{`{"disk_min_ms":-1}`, "disk sync must satisfy"},
		{`{"loss_rate":1}`, "loss_rate must be at least 0 and below 1"},
		{`{"loss_rate":-0.1}`, "loss_rate must be"},
		{`{"loss_rate":"lots"}`, "config.loss_rate: need a number"},
		{`{"pre_vote":"yes"}`, "config.pre_vote: need true or false"},
		{`{"timeout_spread_ticks":16}`, "timeout_spread_ticks must be 0"},
		{`{"snapshot_count":-1}`, "snapshot_count must be 0 (never) or more"},
		{`{"snapshot_catchup_entries":-5}`, "snapshot_catchup_entries must be 0 or more"},
		{`{"tick":10}`, "config.tick: unknown config field"},
		{`{"timing":"slow"}`, `config.timing: timing must be raftplay or etcd, got "slow"`},
		{`{"conf_change":"v2"}`, `conf_change must be "etcd"`},
		{`{"conf_change":2}`, "config.conf_change: need a string"},
		{`{"read_only":"lease_based","check_quorum":false}`, `read_only "lease_based" needs check_quorum`},
	} {
		_, err := ParseConfig(gjson.Parse(tc.js), DefaultConfig())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to say %q", tc.js, err, tc.want)
		}
	}
}

// TestResetWithConfig: the settings panel's way in. A reset with a config
// starts a new run with those knobs and the same seed; a bad config is
// refused with the field named and the run goes on untouched.
func TestResetWithConfig(t *testing.T) {
	sim, _ := New(DefaultConfig())
	sim.Advance(500)
	if err := sim.DoJSON(`{"op":"reset","config":{"pre_vote":false,"election_ticks":30}}`); err != nil {
		t.Fatal(err)
	}
	c := sim.Config()
	if c.PreVote || c.ElectionTicks != 30 || c.Seed != 1 || sim.Now() != 0 {
		t.Fatalf("after the reset: config %+v at %d ms; want PreVote off, 30 election ticks, seed 1, time 0", c, sim.Now())
	}
	sim.Advance(500)
	before := sim.SnapshotJSON()
	err := sim.DoJSON(`{"op":"reset","config":{"heartbeat_ticks":40}}`)
	if err == nil || !strings.Contains(err.Error(), "must be greater than heartbeat_ticks") {
		t.Fatalf("a bad config: error %v", err)
	}
	if !bytes.Equal(before, sim.SnapshotJSON()) {
		t.Fatal("a refused reset changed the run")
	}
	if err := sim.DoJSON(`{"op":"reset","config":{"seed":9}}`); err != nil || sim.Config().Seed != 9 || !sim.Config().PreVote {
		t.Fatalf("a config's seed: %v, %+v (want seed 9 and the defaults back)", err, sim.Config())
	}
}

// TestConfigFieldsAreTheJSONFields checks the one table of config fields
// against the config's JSON: the same names in the same order, so a share
// link written from the struct reads back field by field.
func TestConfigFieldsAreTheJSONFields(t *testing.T) {
	c := DefaultConfig()
	c.LossRate, c.TimeoutSpreadTicks = 0.1, 2 // written only when set
	var keys []string
	gjson.Parse(mustJSON(t, c)).ForEach(func(k, _ gjson.Result) bool {
		keys = append(keys, k.String())
		return true
	})
	var names []string
	for _, f := range ConfigFields {
		names = append(names, f.Name)
	}
	if !slices.Equal(keys, names) {
		t.Errorf("the config's JSON has the fields %v; the table ConfigFields %v", keys, names)
	}
}

// TestTimingPresetsSetTheMarkedFields checks that the fields ConfigFields
// marks as a timing preset's are the ones each preset changes, so that
// cmd/sim's flags given beside -timing override exactly what it set.
func TestTimingPresetsSetTheMarkedFields(t *testing.T) {
	for _, preset := range Timings {
		var zero, c Config
		if err := c.SetTiming(preset.Name); err != nil {
			t.Fatal(err)
		}
		before, after := mustJSON(t, zero), mustJSON(t, c)
		for _, f := range ConfigFields {
			if changed := gjson.Get(before, f.Name).Raw != gjson.Get(after, f.Name).Raw; changed != f.Timing {
				t.Errorf("timing %s: field %s changed %v, marked as a timing field %v", preset.Name, f.Name, changed, f.Timing)
			}
		}
	}
}

// TestConfigRangesAreFieldPairs checks that each range's ends are int64
// fields of the table, so that a range flag sets the fields it names.
func TestConfigRangesAreFieldPairs(t *testing.T) {
	for _, r := range ConfigRanges {
		for _, name := range []string{r.Min, r.Max} {
			f := ConfigFieldNamed(name)
			if f == nil {
				t.Fatalf("range -%s: no config field %s", r.Flag, name)
			}
			if _, ok := f.At(&Config{}).(*int64); !ok || f.Flag != "" {
				t.Errorf("range -%s: field %s must be an int64 without a flag of its own", r.Flag, name)
			}
		}
		c := DefaultConfig()
		lo, hi := r.At(&c)
		*lo, *hi = 7, 9
		js := mustJSON(t, c)
		if gjson.Get(js, r.Min).Int() != 7 || gjson.Get(js, r.Max).Int() != 9 {
			t.Errorf("range -%s set to 7-9 gives %s", r.Flag, js)
		}
	}
}

// TestConfigFieldCopy copies every field of one config into another, and
// the two then write the same JSON.
func TestConfigFieldCopy(t *testing.T) {
	src, dst := DefaultConfig(), Config{}
	src.LossRate, src.ConfChange, src.ReadOnly, src.PreVote = 0.2, ConfChangeJoint, ReadOnlyLeaseBased, false
	for _, f := range ConfigFields {
		f.Copy(&dst, &src)
	}
	if a, b := mustJSON(t, src), mustJSON(t, dst); a != b {
		t.Errorf("copied config %s, want %s", b, a)
	}
}
