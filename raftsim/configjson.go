package raftsim

import (
	"fmt"
	"slices"
	"strings"

	"github.com/tidwall/gjson"
)

// configFields maps each config field's JSON name to where it lives in c,
// by kind: the one table ParseConfig and ConfigFieldNames read.
type configFields struct {
	ints   map[string]*int64
	small  map[string]*int
	bools  map[string]*bool
	floats map[string]*float64
	// words are the fields that take one of a few names; Validate says
	// which.
	words map[string]*string
}

func fieldsOf(c *Config) configFields {
	return configFields{
		ints: map[string]*int64{
			"seed": &c.Seed, "tick_ms": &c.TickMs, "latency_min_ms": &c.LatencyMinMs, "latency_max_ms": &c.LatencyMaxMs,
			"disk_min_ms": &c.DiskMinMs, "disk_max_ms": &c.DiskMaxMs, "client_timeout_ms": &c.ClientTimeoutMs,
			"snapshot_bytes_per_ms": &c.SnapshotBytesPerMs,
		},
		small: map[string]*int{"nodes": &c.Nodes, "election_ticks": &c.ElectionTicks, "heartbeat_ticks": &c.HeartbeatTicks,
			"timeout_spread_ticks": &c.TimeoutSpreadTicks, "snapshot_count": &c.SnapshotCount,
			"snapshot_catchup_entries": &c.SnapshotCatchUpEntries},
		bools:  map[string]*bool{"pre_vote": &c.PreVote, "check_quorum": &c.CheckQuorum},
		floats: map[string]*float64{"loss_rate": &c.LossRate},
		words:  map[string]*string{"conf_change": &c.ConfChange, "read_only": &c.ReadOnly},
	}
}

// ConfigFieldNames lists the JSON names of the config's fields, sorted: the
// names a config object, a share link and the page's URL use. "timing", a
// preset of three of them (timing.go), is among them.
func ConfigFieldNames() []string {
	var c Config
	f := fieldsOf(&c)
	names := []string{timingField}
	for k := range f.ints {
		names = append(names, k)
	}
	for k := range f.small {
		names = append(names, k)
	}
	for k := range f.bools {
		names = append(names, k)
	}
	for k := range f.floats {
		names = append(names, k)
	}
	for k := range f.words {
		names = append(names, k)
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
	f := fieldsOf(&c)
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
		whole := val.Type == gjson.Number && float64(val.Int()) == val.Num
		if dst, ok := f.ints[name]; ok && whole {
			*dst = val.Int()
		} else if dst, ok := f.small[name]; ok && whole && val.Int() >= -1<<31 && val.Int() < 1<<31 {
			*dst = int(val.Int())
		} else if dst, ok := f.floats[name]; ok && val.Type == gjson.Number {
			*dst = val.Num
		} else if _, ok := f.floats[name]; ok {
			errs = append(errs, fmt.Sprintf("config.%s: need a number, got %s", name, val.Raw))
		} else if dst, ok := f.bools[name]; ok && (val.Type == gjson.True || val.Type == gjson.False) {
			*dst = val.Bool()
		} else if _, ok := f.bools[name]; ok {
			errs = append(errs, fmt.Sprintf("config.%s: need true or false, got %s", name, val.Raw))
		} else if dst, ok := f.words[name]; ok && val.Type == gjson.String {
			*dst = val.String()
		} else if _, ok := f.words[name]; ok {
			errs = append(errs, fmt.Sprintf("config.%s: need a string, got %s", name, val.Raw))
		} else if f.ints[name] != nil || f.small[name] != nil {
			errs = append(errs, fmt.Sprintf("config.%s: need a whole number, got %s", name, val.Raw))
		} else {
			errs = append(errs, fmt.Sprintf("config.%s: unknown config field", name))
		}
		return true
	})
	if len(errs) > 0 {
		return c, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return c, c.Validate()
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
