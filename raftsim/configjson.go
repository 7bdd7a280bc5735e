package raftsim

import (
	"fmt"
	"strings"

	"github.com/tidwall/gjson"
)

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
	ints := map[string]*int64{
		"seed": &c.Seed, "tick_ms": &c.TickMs, "latency_min_ms": &c.LatencyMinMs, "latency_max_ms": &c.LatencyMaxMs,
		"disk_min_ms": &c.DiskMinMs, "disk_max_ms": &c.DiskMaxMs, "client_timeout_ms": &c.ClientTimeoutMs,
	}
	small := map[string]*int{"nodes": &c.Nodes, "election_ticks": &c.ElectionTicks, "heartbeat_ticks": &c.HeartbeatTicks, "timeout_spread_ticks": &c.TimeoutSpreadTicks}
	bools := map[string]*bool{"pre_vote": &c.PreVote, "check_quorum": &c.CheckQuorum}
	floats := map[string]*float64{"loss_rate": &c.LossRate}
	var errs []string
	v.ForEach(func(k, f gjson.Result) bool {
		name := k.String()
		whole := f.Type == gjson.Number && float64(f.Int()) == f.Num
		if dst, ok := ints[name]; ok && whole {
			*dst = f.Int()
		} else if dst, ok := small[name]; ok && whole && f.Int() >= -1<<31 && f.Int() < 1<<31 {
			*dst = int(f.Int())
		} else if dst, ok := floats[name]; ok && f.Type == gjson.Number {
			*dst = f.Num
		} else if _, ok := floats[name]; ok {
			errs = append(errs, fmt.Sprintf("config.%s: need a number, got %s", name, f.Raw))
		} else if dst, ok := bools[name]; ok && (f.Type == gjson.True || f.Type == gjson.False) {
			*dst = f.Bool()
		} else if _, ok := bools[name]; ok {
			errs = append(errs, fmt.Sprintf("config.%s: need true or false, got %s", name, f.Raw))
		} else if ints[name] != nil || small[name] != nil {
			errs = append(errs, fmt.Sprintf("config.%s: need a whole number, got %s", name, f.Raw))
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
