package main

import (
	"reflect"
	"strings"
	"testing"

	"raftplay/raftsim"
)

func TestKnobParams(t *testing.T) {
	p, problems := ParseParams("?seed=9&nodes=3&pre_vote=false&check_quorum=false&tick_ms=5&election_ticks=20" +
		"&heartbeat_ticks=2&latency_min_ms=2&latency_max_ms=30&disk_min_ms=0&disk_max_ms=9&loss_rate=0.05&timeout_spread_ticks=3" +
		"&snapshot_count=40&snapshot_catchup_entries=5&snapshot_bytes_per_ms=250&conf_change=joint")
	want := raftsim.Config{Nodes: 3, Seed: 9, TickMs: 5, ElectionTicks: 20, HeartbeatTicks: 2, LatencyMinMs: 2, LatencyMaxMs: 30,
		DiskMinMs: 0, DiskMaxMs: 9, LossRate: 0.05, ClientTimeoutMs: raftsim.DefaultConfig().ClientTimeoutMs, TimeoutSpreadTicks: 3,
		SnapshotCount: 40, SnapshotCatchUpEntries: 5, SnapshotBytesPerMs: 250, ConfChange: raftsim.ConfChangeJoint,
		ReadOnly: raftsim.ReadOnlySafe}
	if len(problems) > 0 || !reflect.DeepEqual(p.Config, want) {
		t.Errorf("config %+v, problems %q; want %+v", p.Config, problems, want)
	}
}

// TestTimingPreset: timing=etcd is etcd's clock (100 ms ticks, ElectionTick
// 10, HeartbeatTick 1); a knob given beside it overrides it.
func TestTimingPreset(t *testing.T) {
	p, problems := ParseParams("?timing=etcd&election_ticks=20")
	if c := p.Config; len(problems) > 0 || c.TickMs != 100 || c.HeartbeatTicks != 1 || c.ElectionTicks != 20 {
		t.Errorf("timing=etcd&election_ticks=20: config %+v, problems %q", c, problems)
	}
}

func TestBadKnobParamsChangeNothing(t *testing.T) {
	for _, tc := range []struct{ query, want string }{
		{"?heartbeat_ticks=15", "election_ticks (15) must be greater than heartbeat_ticks (15)"},
		{"?tick_ms=fast", `config.tick_ms: need a whole number, got "fast"`},
		{"?pre_vote=maybe", `config.pre_vote: need true or false, got "maybe"`},
		{"?loss_rate=2", "loss_rate must be at least 0 and below 1"},
		{"?latency_min_ms=-1&pre_vote=false", "latency must satisfy"},
		{"?timing=slow", `config.timing: timing must be raftplay or etcd, got "slow"`},
		{"?conf_change=v3", `conf_change must be "etcd"`},
		{"?read_only=lease_based&check_quorum=false", `read_only "lease_based" needs check_quorum`},
	} {
		p, problems := ParseParams("?seed=4" + "&" + tc.query[1:])
		def := raftsim.DefaultConfig()
		def.Seed = 4
		if !reflect.DeepEqual(p.Config, def) {
			t.Errorf("%s: config %+v, want the default with seed 4", tc.query, p.Config)
		}
		if len(problems) != 1 || !strings.Contains(problems[0], tc.want) || !strings.Contains(problems[0], "using raftplay's defaults") {
			t.Errorf("%s: problems %q, want one naming %q", tc.query, problems, tc.want)
		}
	}
}
