package experiment

import "raftplay/raftsim"

// Setting is one curve of the experiment: an election-timeout range and the
// two raft options that change how an election runs.
type Setting struct {
	// The election timeout is drawn from MinMs to MaxMs with one-millisecond
	// ticks. etcd raft always draws from [MinMs, 2·MinMs), which the paper
	// writes "MinMs–2·MinMs"; any other MaxMs is a what-if (see WhatIf),
	// drawn from MinMs..MaxMs inclusive, so 150–150 has no randomness and
	// 150–151 two values.
	MinMs, MaxMs int64
	PreVote      bool
	CheckQuorum  bool
	// EtcdTiming runs the setting on etcd's clock instead of the paper's:
	// a tick every 100 ms (--heartbeat-interval), a heartbeat every tick,
	// and MinMs a whole number of ticks (--election-timeout).
	EtcdTiming bool
}

// EtcdDefaults is etcd's own timing and options: --heartbeat-interval 100
// ms, --election-timeout 1000 ms (ElectionTick 10), PreVote and CheckQuorum
// on (etcdserver/bootstrap.go, raftConfig).
func EtcdDefaults(preVote, checkQuorum bool) Setting {
	s := Etcd(1000, preVote, checkQuorum)
	s.EtcdTiming = true
	return s
}

// Etcd is the setting etcd raft can be configured for with a minimum
// timeout of min ms: the range [min, 2·min).
func Etcd(min int64, preVote, checkQuorum bool) Setting {
	return Setting{MinMs: min, MaxMs: 2 * min, PreVote: preVote, CheckQuorum: checkQuorum}
}

// WhatIf reports whether the range is one etcd raft cannot be configured
// for: the simulator then narrows raft's draws (Config.TimeoutSpreadTicks).
func (s Setting) WhatIf() bool { return s.MaxMs != 2*s.MinMs }

// RangeMs is the timeout range as the paper writes it, e.g. [12, 24].
func (s Setting) RangeMs() [2]int64 { return [2]int64{s.MinMs, s.MaxMs} }

// PaperRanges are the minimum timeouts of the paper's lower graph, whose
// ranges etcd raft can be configured for.
var PaperRanges = []int64{12, 25, 50, 100, 150}

// PaperNarrowMaxMs are the maximum timeouts of the paper's upper graph, all
// with a 150 ms minimum: 150–150 (no randomness) to 150–200. Only 150–300 of
// that graph is etcd's; the rest are what-ifs.
var PaperNarrowMaxMs = []int64{150, 151, 155, 175, 200}

// Calibration is what the paper's cluster had besides the timeouts: the
// network's one-way latency and the disk's sync time, which together make
// the broadcast time (request, the voter's disk sync, response).
type Calibration struct {
	LatencyMinMs int64 `json:"latency_min_ms"`
	LatencyMaxMs int64 `json:"latency_max_ms"`
	DiskMinMs    int64 `json:"disk_min_ms"`
	DiskMaxMs    int64 `json:"disk_max_ms"`
}

// DefaultCalibration is 2–4 ms one way and a 1–2 ms disk sync: a vote's
// round trip of about 6.5 ms. The paper states a broadcast time of about
// 15 ms, but with that the 12–24 ms setting breaks Raft's timing
// requirement (broadcast time well below the election timeout): voters time
// out before the new leader's first message lands, and the downtime more
// than doubles (cmd/sim -experiment election -latency 6-8 -disk 1 shows
// it). The paper itself says 12–24 ms still meets the requirement, so its
// effective round trip was shorter; this one reproduces both of its
// reported figures that depend on it (12–24 ms mean, 150–155 ms median).
func DefaultCalibration() Calibration {
	return Calibration{LatencyMinMs: 2, LatencyMaxMs: 4, DiskMinMs: 1, DiskMaxMs: 2}
}

// Set gives c the calibration's network and disk.
func (cal Calibration) Set(c *raftsim.Config) {
	c.LatencyMinMs, c.LatencyMaxMs = cal.LatencyMinMs, cal.LatencyMaxMs
	c.DiskMinMs, c.DiskMaxMs = cal.DiskMinMs, cal.DiskMaxMs
}

// CalibrationOf is the network and disk of c, which Set gives.
func CalibrationOf(c raftsim.Config) Calibration {
	return Calibration{LatencyMinMs: c.LatencyMinMs, LatencyMaxMs: c.LatencyMaxMs, DiskMinMs: c.DiskMinMs, DiskMaxMs: c.DiskMaxMs}
}

// Config is the simulator config of one trial: five servers, one-millisecond
// ticks, the heartbeat at half the minimum timeout (the paper's choice), or
// etcd's timing (EtcdTiming).
func (s Setting) Config(cal Calibration, seed int64) raftsim.Config {
	c := raftsim.DefaultConfig()
	c.Nodes = 5
	c.Seed = seed
	c.TickMs = 1
	c.ElectionTicks = int(s.MinMs)
	if s.WhatIf() {
		c.TimeoutSpreadTicks = int(s.MaxMs - s.MinMs + 1)
	}
	c.HeartbeatTicks = int(max(1, s.MinMs/2))
	if s.EtcdTiming {
		_ = c.SetTiming("etcd") // a preset raftsim has
		c.ElectionTicks = int(s.MinMs / c.TickMs)
	}
	cal.Set(&c)
	c.PreVote, c.CheckQuorum = s.PreVote, s.CheckQuorum
	return c
}
