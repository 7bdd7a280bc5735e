package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// configFlags are the knobs of a run: a flag for each field of
// raftsim.ConfigFields that names one, with the simulator's defaults, and
// the flags that set several fields at once (a timing preset, the ends of a
// range, a JSON object), validated together by Config.Validate.
type configFlags struct {
	fs *flag.FlagSet
	// fields holds what the fields' flags read; words, the flags of the
	// fields that take a name.
	fields  *raftsim.Config
	words   map[string]*string
	seed    *int64
	timing  *string
	latency *string
	disk    *string
	json    *string
}

func addConfigFlags(fs *flag.FlagSet) configFlags {
	def := raftsim.DefaultConfig()
	f := configFlags{fs: fs, fields: &def, words: map[string]*string{}}
	for _, field := range raftsim.ConfigFields {
		if field.Flag == "" {
			continue
		}
		switch at := field.At(f.fields).(type) {
		case *int64:
			fs.Int64Var(at, field.Flag, *at, field.Help)
		case *int:
			fs.IntVar(at, field.Flag, *at, field.Help)
		case *bool:
			fs.BoolVar(at, field.Flag, *at, field.Help)
		case *float64:
			fs.Float64Var(at, field.Flag, *at, field.Help)
		case raftsim.Word:
			f.words[field.Name] = fs.String(field.Flag, at.Get(), field.Help)
		}
	}
	f.seed = &f.fields.Seed
	f.timing = fs.String("timing", "", "a preset of -tick-ms, -election-ticks and -heartbeat-ticks: raftplay (10 ms, 15, 5) or etcd (100 ms, 10, 1: --heartbeat-interval 100 ms, --election-timeout 1000 ms); those flags given override it")
	f.latency = fs.String("latency", msRange(def.LatencyMinMs, def.LatencyMaxMs), "one-way message latency range in ms, min-max (-experiment: 2-4 unless set)")
	f.disk = fs.String("disk", msRange(def.DiskMinMs, def.DiskMaxMs), "disk sync time range in ms, min-max (-experiment: 1-2 unless set)")
	f.json = fs.String("config", "", `a JSON config object, e.g. a snapshot's or share link's "config", over the other flags`)
	return f
}

// set reports whether the command line gave flag name.
func (f configFlags) set(name string) bool {
	given := false
	f.fs.Visit(func(fl *flag.Flag) { given = given || fl.Name == name })
	return given
}

// config is the validated config the flags describe.
func (f configFlags) config() (raftsim.Config, error) {
	c := *f.fields
	for _, field := range raftsim.ConfigFields {
		if w, ok := field.At(&c).(raftsim.Word); ok {
			w.Set(*f.words[field.Name])
		}
	}
	if *f.timing != "" {
		// The preset sets the timing, but for the flags given beside it.
		given := c
		if err := c.SetTiming(*f.timing); err != nil {
			return c, fmt.Errorf("-timing: %v", err)
		}
		if f.set("tick-ms") {
			c.TickMs = given.TickMs
		}
		if f.set("election-ticks") {
			c.ElectionTicks = given.ElectionTicks
		}
		if f.set("heartbeat-ticks") {
			c.HeartbeatTicks = given.HeartbeatTicks
		}
	}
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
