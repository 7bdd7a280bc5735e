package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// configFlags are the knobs of a run: one flag per raftsim.Config field, with
// the simulator's defaults, validated together by Config.Validate.
type configFlags struct {
	fs             *flag.FlagSet
	seed           *int64
	nodes          *int
	preVote        *bool
	checkQuorum    *bool
	timing         *string
	tickMs         *int64
	electionTicks  *int
	heartbeatTicks *int
	latency        *string
	disk           *string
	loss           *float64
	spread         *int
	snapCount      *int
	snapCatchUp    *int
	confChange     *string
	readOnly       *string
	json           *string
}

func addConfigFlags(fs *flag.FlagSet) configFlags {
	def := raftsim.DefaultConfig()
	return configFlags{
		fs:             fs,
		seed:           fs.Int64("seed", def.Seed, "seed that drives every random choice"),
		nodes:          fs.Int("nodes", def.Nodes, "cluster size, 3 to 9"),
		preVote:        fs.Bool("prevote", def.PreVote, "raft PreVote (etcd: on)"),
		checkQuorum:    fs.Bool("checkquorum", def.CheckQuorum, "raft CheckQuorum (etcd: on)"),
		timing:         fs.String("timing", "", "a preset of -tick-ms, -election-ticks and -heartbeat-ticks: raftplay (10 ms, 15, 5) or etcd (100 ms, 10, 1: --heartbeat-interval 100 ms, --election-timeout 1000 ms); those flags given override it"),
		tickMs:         fs.Int64("tick-ms", def.TickMs, "length of raft's tick in virtual ms"),
		electionTicks:  fs.Int("election-ticks", def.ElectionTicks, "raft ElectionTick: timeouts are drawn from [n, 2n) ticks"),
		heartbeatTicks: fs.Int("heartbeat-ticks", def.HeartbeatTicks, "raft HeartbeatTick"),
		latency:        fs.String("latency", msRange(def.LatencyMinMs, def.LatencyMaxMs), "one-way message latency range in ms, min-max (-experiment: 2-4 unless set)"),
		disk:           fs.String("disk", msRange(def.DiskMinMs, def.DiskMaxMs), "disk sync time range in ms, min-max (-experiment: 1-2 unless set)"),
		loss:           fs.Float64("loss", def.LossRate, "probability that any message is lost, from 0 to below 1"),
		spread:         fs.Int("timeout-spread", def.TimeoutSpreadTicks, "what-if, not etcd: draw election timeouts from [n, n+spread) ticks; 0 is etcd's [n, 2n)"),
		snapCount:      fs.Int("snapshot-count", def.SnapshotCount, "snapshot and compact every n applied entries, as etcd does every 100 in memory; 0 never"),
		snapCatchUp:    fs.Int("snapshot-catchup-entries", def.SnapshotCatchUpEntries, "etcd's SnapshotCatchUpEntries (5000), scaled down: entries a compaction keeps before the snapshot"),
		confChange:     fs.String("conf-change", def.ConfChange, "how add-member, promote and remove-member change the membership: etcd (a v1 ConfChange in one step, as etcd's server) or joint (raft's ConfChangeV2 through joint consensus)"),
		readOnly:       fs.String("read-only", def.ReadOnly, "raft's ReadOnlyOption in every node's raft.Config: safe (etcd's) or lease_based (raft's option, which etcd does not use; needs -checkquorum)"),
		json:           fs.String("config", "", `a JSON config object, e.g. a snapshot's or share link's "config", over the other flags`),
	}
}

// set reports whether the command line gave flag name.
func (f configFlags) set(name string) bool {
	given := false
	f.fs.Visit(func(fl *flag.Flag) { given = given || fl.Name == name })
	return given
}

// config is the validated config the flags describe.
func (f configFlags) config() (raftsim.Config, error) {
	c := raftsim.DefaultConfig()
	c.Seed, c.Nodes, c.PreVote, c.CheckQuorum = *f.seed, *f.nodes, *f.preVote, *f.checkQuorum
	if *f.timing != "" {
		if err := c.SetTiming(*f.timing); err != nil {
			return c, fmt.Errorf("-timing: %v", err)
		}
	}
	if *f.timing == "" || f.set("tick-ms") {
		c.TickMs = *f.tickMs
	}
	if *f.timing == "" || f.set("election-ticks") {
		c.ElectionTicks = *f.electionTicks
	}
	if *f.timing == "" || f.set("heartbeat-ticks") {
		c.HeartbeatTicks = *f.heartbeatTicks
	}
	c.LossRate, c.TimeoutSpreadTicks = *f.loss, *f.spread
	c.SnapshotCount, c.SnapshotCatchUpEntries = *f.snapCount, *f.snapCatchUp
	c.ConfChange, c.ReadOnly = *f.confChange, *f.readOnly
	var err error
	if c.LatencyMinMs, c.LatencyMaxMs, err = parseRange(*f.latency); err != nil {
		return c, fmt.Errorf("-latency: %v", err)
	}
	if c.DiskMinMs, c.DiskMaxMs, err = parseRange(*f.disk); err != nil {
		return c, fmt.Errorf("-disk: %v", err)
	}
	if *f.json == "" {
		return c, c.Validate()
	}
	if !gjson.Valid(*f.json) {
		return c, fmt.Errorf("-config: not JSON: %.80q", *f.json)
	}
	if c, err = raftsim.ParseConfig(gjson.Parse(*f.json), c); err != nil {
		return c, fmt.Errorf("-config: %v", err)
	}
	return c, nil
}

func msRange(lo, hi int64) string { return fmt.Sprintf("%d-%d", lo, hi) }

// parseRange reads "a-b" or "a" (a range of one value).
func parseRange(s string) (lo, hi int64, err error) {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		b = a
	}
	lo, err1 := strconv.ParseInt(a, 10, 64)
	hi, err2 := strconv.ParseInt(b, 10, 64)
	if err1 != nil || err2 != nil || lo > hi {
		return 0, 0, fmt.Errorf(`need "min-max" in whole milliseconds with min <= max, got %q`, s)
	}
	return lo, hi, nil
}
