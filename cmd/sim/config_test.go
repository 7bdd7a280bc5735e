package main

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

func TestKnobFlagsReachTheRun(t *testing.T) {
	code, out, errs := runSim(t, "-seed", "3", "-for", "2s", "-prevote=false", "-tick-ms", "5", "-election-ticks", "30",
		"-heartbeat-ticks", "3", "-latency", "2-20", "-disk", "0-4", "-loss", "0.1", "-timeout-spread", "4",
		"-snapshot-count", "50", "-snapshot-catchup-entries", "7")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	got := gjson.Get(out, "config").Raw
	for _, want := range []string{`"tick_ms":5`, `"election_ticks":30`, `"heartbeat_ticks":3`, `"latency_min_ms":2`, `"latency_max_ms":20`,
		`"disk_min_ms":0`, `"disk_max_ms":4`, `"loss_rate":0.1`, `"pre_vote":false`, `"timeout_spread_ticks":4`,
		`"snapshot_count":50`, `"snapshot_catchup_entries":7`} {
		if !strings.Contains(got, want) {
			t.Errorf("config %s lacks %s", got, want)
		}
	}
}

func TestBadKnobFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-heartbeat-ticks", "15"},
		{"-tick-ms", "0"},
		{"-latency", "-3"},
		{"-disk", "x"},
		{"-loss", "1.5"},
		{"-timeout-spread", "99"},
		{"-snapshot-count", "-1"},
		{"-config", "{nope"},
		{"-config", `{"tick":3}`},
	} {
		if code, out, errs := runSim(t, args...); code != 2 || out != "" || !strings.HasPrefix(errs, "sim: ") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2, a message and no run", args, code, errs)
		}
	}
}

func TestConfigFlagTakesASnapshotsConfig(t *testing.T) {
	_, first, _ := runSim(t, "-seed", "5", "-for", "1s", "-loss", "0.2", "-prevote=false", "-election-ticks", "22")
	cfg := gjson.Get(first, "config").Raw
	code, again, errs := runSim(t, "-for", "1s", "-config", cfg)
	if code != 0 || again != first {
		t.Fatalf("-config %s: exit %d (%s); the run differs from the one the flags gave", cfg, code, errs)
	}
}

// TestTimingPresetUnderItsFlags: -timing sets the clock, and each of its
// fields' flags given beside it keeps the value given, whatever the order.
func TestTimingPresetUnderItsFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-timing", "etcd", "-election-ticks", "12"},
		{"-election-ticks", "12", "-timing", "etcd"},
	} {
		code, out, errs := runSim(t, append(args, "-for", "1s")...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		got := gjson.Get(out, "config").Raw
		for _, want := range []string{`"tick_ms":100`, `"election_ticks":12`, `"heartbeat_ticks":1`} {
			if !strings.Contains(got, want) {
				t.Errorf("%v: config %s lacks %s", args, got, want)
			}
		}
	}
	if code, _, errs := runSim(t, "-timing", "slow"); code != 2 || !strings.Contains(errs, "-timing: timing must be raftplay or etcd") {
		t.Errorf("-timing slow: exit %d, %q; want exit 2 naming the presets", code, errs)
	}
}
