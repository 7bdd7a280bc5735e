package experiment

import (
	"fmt"

	"raftplay/raftsim"
)

// Setting is one curve of the experiment: an election-timeout range and the
// two raft options that change how an election runs.
type Setting struct {
	// MinMs is the minimum election timeout; etcd raft draws from
	// [MinMs, 2·MinMs) with one-millisecond ticks.
	MinMs       int64 `json:"min_ms"`
	PreVote     bool  `json:"prevote"`
	CheckQuorum bool  `json:"checkquorum"`
}

// RangeMs is the timeout range as the paper writes it, e.g. [12, 24].
func (s Setting) RangeMs() [2]int64 { return [2]int64{s.MinMs, 2 * s.MinMs} }

// String names the setting as the table prints it.
func (s Setting) String() string {
	return fmt.Sprintf("%d-%d ms", s.MinMs, 2*s.MinMs)
}

// PaperRanges are the minimum timeouts of the paper's lower graph, whose
// ranges etcd raft can be configured for.
var PaperRanges = []int64{12, 25, 50, 100, 150}

// Calibration is what the paper's cluster had besides the timeouts: the
// network's one-way latency and the disk's sync time. The defaults give a
// broadcast time (request, disk sync, response) of about 15 ms, the paper's.
type Calibration struct {
	LatencyMinMs int64 `json:"latency_min_ms"`
	LatencyMaxMs int64 `json:"latency_max_ms"`
	DiskMinMs    int64 `json:"disk_min_ms"`
	DiskMaxMs    int64 `json:"disk_max_ms"`
}

// DefaultCalibration is 6–8 ms one way and a 1 ms disk sync: a vote's round
// trip of about 15 ms.
func DefaultCalibration() Calibration {
	return Calibration{LatencyMinMs: 6, LatencyMaxMs: 8, DiskMinMs: 1, DiskMaxMs: 1}
}

// Config is the simulator config of one trial: five servers, one-millisecond
// ticks, the heartbeat at half the minimum timeout (the paper's choice).
func (s Setting) Config(cal Calibration, seed int64) raftsim.Config {
	c := raftsim.DefaultConfig()
	c.Nodes = 5
	c.Seed = seed
	c.TickMs = 1
	c.ElectionTicks = int(s.MinMs)
	c.HeartbeatTicks = int(max(1, s.MinMs/2))
	c.LatencyMinMs, c.LatencyMaxMs = cal.LatencyMinMs, cal.LatencyMaxMs
	c.DiskMinMs, c.DiskMaxMs = cal.DiskMinMs, cal.DiskMaxMs
	c.PreVote, c.CheckQuorum = s.PreVote, s.CheckQuorum
	return c
}
