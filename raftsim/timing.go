package raftsim

import (
	"fmt"
	"strings"
)

// Timing is a preset of raft's clock: the tick's length and raft's
// ElectionTick and HeartbeatTick, in ticks.
type Timing struct {
	Name           string
	TickMs         int64
	ElectionTicks  int
	HeartbeatTicks int
}

// Timings are the presets a config's "timing" names, the URL's timing=
// parameter and cmd/sim's -timing take.
var Timings = []Timing{
	// raftplay's default, slower to watch: the Raft paper's and The Secret
	// Lives of Data's 150–300 ms election timeout and 50 ms heartbeat.
	{Name: "raftplay", TickMs: 10, ElectionTicks: 15, HeartbeatTicks: 5},
	// etcd's: it ticks once per --heartbeat-interval (100 ms) and sets
	// HeartbeatTick 1 and ElectionTick --election-timeout/--heartbeat-interval
	// (1000/100) (etcdserver/bootstrap.go, raftConfig; embed/config.go).
	{Name: "etcd", TickMs: 100, ElectionTicks: 10, HeartbeatTicks: 1},
}

// timingField is the name a config object gives a timing preset. It is no
// field of Config: the three it sets are, and a share link carries them.
const timingField = "timing"

// SetTiming sets the config's clock to the preset called name.
func (c *Config) SetTiming(name string) error {
	for _, t := range Timings {
		if t.Name == name {
			c.TickMs, c.ElectionTicks, c.HeartbeatTicks = t.TickMs, t.ElectionTicks, t.HeartbeatTicks
			return nil
		}
	}
	names := make([]string, len(Timings))
	for i, t := range Timings {
		names[i] = t.Name
	}
	return fmt.Errorf("timing must be %s, got %q", strings.Join(names, " or "), name)
}

// Timing names the preset the config's clock is, or "" when it is none.
func (c Config) Timing() string {
	for _, t := range Timings {
		if c.TickMs == t.TickMs && c.ElectionTicks == t.ElectionTicks && c.HeartbeatTicks == t.HeartbeatTicks {
			return t.Name
		}
	}
	return ""
}

// EtcdFlags are etcd's flags that give this timing ("--heartbeat-interval
// 100 ms, --election-timeout 1000 ms"), or "" when etcd cannot be set to
// it: etcd ticks once per --heartbeat-interval with HeartbeatTick 1 and
// ElectionTick --election-timeout/--heartbeat-interval
// (etcdserver/bootstrap.go, raftConfig).
func (t Timing) EtcdFlags() string {
	if t.HeartbeatTicks != 1 {
		return ""
	}
	return fmt.Sprintf("--heartbeat-interval %d ms, --election-timeout %d ms", t.TickMs, t.TickMs*int64(t.ElectionTicks))
}
