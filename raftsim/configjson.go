package raftsim

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tidwall/gjson"
)

// ConfigField is one field of Config as every front end names it: a config
// object, a share link, the page's URL and the settings' knobs by Name (its
// JSON name), cmd/sim by Flag. ConfigFields is the one table of them.
type ConfigField struct {
	// Name is the field's JSON name.
	Name string
	// Flag is cmd/sim's flag for the field, and Help what its -h says of
	// it. Flag is "" for the ends of a range, which cmd/sim takes as one
	// flag (ConfigRanges), and for fields it gives no flag.
	Flag, Help string
	// Timing marks the fields a timing preset sets (Timings).
	Timing bool
	// At is where the field lives in c: an *int64, an *int, a *bool, a
	// *float64, or a Word for a field that takes one of a few names
	// (Validate says which).
	At func(c *Config) any
}

// Word is a config field whose value is one of a few names.
type Word struct {
	Get func() string
	Set func(string)
}

func wordAt[T ~string](p *T) Word {
	return Word{Get: func() string { return string(*p) }, Set: func(s string) { *p = T(s) }}
}

// ConfigFields are Config's fields, in the order Config declares them and
// its JSON writes them.
var ConfigFields = []ConfigField{
	{Name: "nodes", Flag: "nodes", Help: "cluster size, 3 to 9", At: func(c *Config) any { return &c.Nodes }},
	{Name: "seed", Flag: "seed", Help: "seed that drives every random choice", At: func(c *Config) any { return &c.Seed }},
	{Name: "tick_ms", Flag: "tick-ms", Help: "length of raft's tick in virtual ms", Timing: true, At: func(c *Config) any { return &c.TickMs }},
	{Name: "election_ticks", Flag: "election-ticks", Help: "raft ElectionTick: timeouts are drawn from [n, 2n) ticks", Timing: true,
		At: func(c *Config) any { return &c.ElectionTicks }},
	{Name: "heartbeat_ticks", Flag: "heartbeat-ticks", Help: "raft HeartbeatTick", Timing: true, At: func(c *Config) any { return &c.HeartbeatTicks }},
	{Name: "latency_min_ms", At: func(c *Config) any { return &c.LatencyMinMs }},
	{Name: "latency_max_ms", At: func(c *Config) any { return &c.LatencyMaxMs }},
	{Name: "disk_min_ms", At: func(c *Config) any { return &c.DiskMinMs }},
	{Name: "disk_max_ms", At: func(c *Config) any { return &c.DiskMaxMs }},
	{Name: "snapshot_bytes_per_ms", At: func(c *Config) any { return &c.SnapshotBytesPerMs }},
	{Name: "loss_rate", Flag: "loss", Help: "probability that any message is lost, from 0 to below 1", At: func(c *Config) any { return &c.LossRate }},
	{Name: "client_timeout_ms", At: func(c *Config) any { return &c.ClientTimeoutMs }},
	{Name: "pre_vote", Flag: "prevote", Help: "raft PreVote (etcd: on)", At: func(c *Config) any { return &c.PreVote }},
	{Name: "check_quorum", Flag: "checkquorum", Help: "raft CheckQuorum (etcd: on)", At: func(c *Config) any { return &c.CheckQuorum }},
	{Name: "timeout_spread_ticks", Flag: "timeout-spread", Help: "what-if, not etcd: draw election timeouts from [n, n+spread) ticks; 0 is etcd's [n, 2n)",
		At: func(c *Config) any { return &c.TimeoutSpreadTicks }},
	{Name: "snapshot_count", Flag: "snapshot-count", Help: "snapshot and compact every n applied entries, as etcd does every 100 in memory; 0 never",
		At: func(c *Config) any { return &c.SnapshotCount }},
	{Name: "snapshot_catchup_entries", Flag: "snapshot-catchup-entries", Help: "etcd's SnapshotCatchUpEntries (5000), scaled down: entries a compaction keeps before the snapshot",
		At: func(c *Config) any { return &c.SnapshotCatchUpEntries }},
	{Name: "conf_change", Flag: "conf-change", Help: "how add-member, promote and remove-member change the membership: etcd (a v1 ConfChange in one step, as etcd's server) or joint (raft's ConfChangeV2 through joint consensus)",
		At: func(c *Config) any { return wordAt(&c.ConfChange) }},
	{Name: "read_only", Flag: "read-only", Help: "raft's ReadOnlyOption in every node's raft.Config: safe (etcd's) or lease_based (raft's option, which etcd does not use; needs -checkquorum)",
		At: func(c *Config) any { return wordAt(&c.ReadOnly) }},
}

// ConfigRange is a pair of fields that bound a range, which cmd/sim sets
// with one flag, min-max.
type ConfigRange struct {
	// Flag is cmd/sim's flag for the range, and Help what its -h says of it.
	Flag, Help string
	// Min and Max are the JSON names of the fields at its ends: int64
	// fields of ConfigFields.
	Min, Max string
}

// ConfigRanges are the ranges cmd/sim takes as one flag each.
var ConfigRanges = []ConfigRange{
	{Flag: "latency", Help: "one-way message latency range in ms, min-max", Min: "latency_min_ms", Max: "latency_max_ms"},
	{Flag: "disk", Help: "disk sync time range in ms, min-max", Min: "disk_min_ms", Max: "disk_max_ms"},
}

// At is where the range's ends live in c.
func (r ConfigRange) At(c *Config) (lo, hi *int64) {
	return ConfigFieldNamed(r.Min).At(c).(*int64), ConfigFieldNamed(r.Max).At(c).(*int64)
}

// Copy sets the field in dst to its value in src.
func (f ConfigField) Copy(dst, src *Config) {
	switch at := f.At(dst).(type) {
	case *int64:
		*at = *f.At(src).(*int64)
	case *int:
		*at = *f.At(src).(*int)
	case *bool:
		*at = *f.At(src).(*bool)
	case *float64:
		*at = *f.At(src).(*float64)
	case Word:
		at.Set(f.At(src).(Word).Get())
	}
}

// ConfigFieldNamed is the field of that JSON name, or nil.
func ConfigFieldNamed(name string) *ConfigField {
	for i := range ConfigFields {
		if ConfigFields[i].Name == name {
			return &ConfigFields[i]
		}
	}
	return nil
}

// ConfigFieldNames lists the JSON names of the config's fields, sorted: the
// names a config object, a share link and the page's URL use. "timing", a
// preset of three of them (timing.go), is among them.
func ConfigFieldNames() []string {
	names := []string{timingField}
	for _, f := range ConfigFields {
		names = append(names, f.Name)
	}
	slices.Sort(names)
	return names
}

// ParseConfig reads the fields of a JSON config object over base (fields not
// given keep base's values) and validates the result. Errors name the field.
func ParseConfig(v gjson.Result, base Config) (Config, error) {
	c := base
	if !v.Exists() {
		return c, c.Validate()
	}
	if !v.IsObject() {
		return c, fmt.Errorf("config must be a JSON object")
	}
	var errs []string
	// A timing preset comes first, whatever its place: the fields given
	// beside it override what it sets.
	if t := v.Get(timingField); t.Exists() {
		name := t.Raw // no preset's name, unless it is a string
		if t.Type == gjson.String {
			name = t.String()
		}
		if err := c.SetTiming(name); err != nil {
			errs = append(errs, fmt.Sprintf("config.%s: %v", timingField, err))
		}
	}
	v.ForEach(func(k, val gjson.Result) bool {
		name := k.String()
		if name == timingField {
			return true
		}
		if name == "names" {
			if err := parseNames(val, &c.Names); err != nil {
				errs = append(errs, "config.names: "+err.Error())
			}
			return true
		}
		f := ConfigFieldNamed(name)
		if f == nil {
			errs = append(errs, fmt.Sprintf("config.%s: unknown config field", name))
			return true
		}
		if err := setField(f.At(&c), val); err != nil {
			errs = append(errs, fmt.Sprintf("config.%s: %v", name, err))
		}
		return true
	})
	if len(errs) > 0 {
		return c, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return c, c.Validate()
}

// setField reads v into the field at dst (ConfigField.At).
func setField(dst any, v gjson.Result) error {
	whole := v.Type == gjson.Number && float64(v.Int()) == v.Num
	switch dst := dst.(type) {
	case *int64:
		if !whole {
			return fmt.Errorf("need a whole number, got %s", v.Raw)
		}
		*dst = v.Int()
	case *int:
		if !whole || v.Int() < -1<<31 || v.Int() >= 1<<31 {
			return fmt.Errorf("need a whole number, got %s", v.Raw)
		}
		*dst = int(v.Int())
	case *float64:
		if v.Type != gjson.Number {
			return fmt.Errorf("need a number, got %s", v.Raw)
		}
		*dst = v.Num
	case *bool:
		if v.Type != gjson.True && v.Type != gjson.False {
			return fmt.Errorf("need true or false, got %s", v.Raw)
		}
		*dst = v.Bool()
	case Word:
		if v.Type != gjson.String {
			return fmt.Errorf("need a string, got %s", v.Raw)
		}
		dst.Set(v.String())
	}
	return nil
}

// parseNames reads the members' names: an array of strings, one a node.
func parseNames(v gjson.Result, dst *[]string) error {
	if !v.IsArray() {
		return fmt.Errorf("need an array of names, got %s", v.Raw)
	}
	names := []string{}
	for _, n := range v.Array() {
		if n.Type != gjson.String {
			return fmt.Errorf("need a name as a string, got %s", n.Raw)
		}
		names = append(names, n.String())
	}
	*dst = names
	return nil
}
