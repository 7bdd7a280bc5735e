package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
	"raftplay/raftsim/experiment"
)

// configFlags are the knobs of a run: a flag for each field of
// raftsim.ConfigFields that names one and for each of raftsim.ConfigRanges,
// with the simulator's defaults, a timing preset of the fields
// ConfigFields marks, and a JSON object over them all, validated together
// by Config.Validate.
type configFlags struct {
	fs *flag.FlagSet
	// fields holds what the fields' flags read; words, the flags of the
	// fields that take a name; ranges, the flags of raftsim.ConfigRanges,
	// in its order.
	fields *raftsim.Config
	words  map[string]*string
	ranges []*string
	seed   *int64
	timing *string
	json   *string
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
	// The experiment's own network and disk, which a range flag given
	// replaces.
	paper := def
	experiment.DefaultCalibration().Set(&paper)
	for _, r := range raftsim.ConfigRanges {
		help := fmt.Sprintf("%s (-experiment: %s unless set)", r.Help, msRange(r.At(&paper)))
		f.ranges = append(f.ranges, fs.String(r.Flag, msRange(r.At(&def)), help))
	}
	f.seed = &f.fields.Seed
	f.timing = fs.String("timing", "", timingHelp())
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
		for _, field := range raftsim.ConfigFields {
			if field.Timing && f.set(field.Flag) {
				field.Copy(&c, &given)
			}
		}
	}
	if err := f.setRanges(&c, false); err != nil {
		return c, err
	}
	if *f.json == "" {
		return c, c.Validate()
	}
	if !gjson.Valid(*f.json) {
		return c, fmt.Errorf("-config: not JSON: %.80q", *f.json)
	}
	c, err := raftsim.ParseConfig(gjson.Parse(*f.json), c)
	if err != nil {
		return c, fmt.Errorf("-config: %v", err)
	}
	return c, nil
}

// setRanges sets c's ranges from their flags: all of them, or with given
// only those the command line gave.
func (f configFlags) setRanges(c *raftsim.Config, given bool) error {
	for i, r := range raftsim.ConfigRanges {
		if given && !f.set(r.Flag) {
			continue
		}
		lo, hi := r.At(c)
		var err error
		if *lo, *hi, err = parseRange(*f.ranges[i]); err != nil {
			return fmt.Errorf("-%s: %v", r.Flag, err)
		}
	}
	return nil
}

// fieldSet reports whether the command line gave the flag of the config
// field of that JSON name.
func (f configFlags) fieldSet(name string) bool {
	return f.set(raftsim.ConfigFieldNamed(name).Flag)
}

// timingHelp is -timing's help: the flags of the fields a preset sets, and
// each preset's values, in etcd's flags too where etcd can be set to it.
func timingHelp() string {
	var flags, presets []string
	for _, field := range raftsim.ConfigFields {
		if field.Timing {
			flags = append(flags, "-"+field.Flag)
		}
	}
	for _, t := range raftsim.Timings {
		values := fmt.Sprintf("%d ms, %d, %d", t.TickMs, t.ElectionTicks, t.HeartbeatTicks)
		if etcd := t.EtcdFlags(); etcd != "" {
			values += ": " + etcd
		}
		presets = append(presets, fmt.Sprintf("%s (%s)", t.Name, values))
	}
	return fmt.Sprintf("a preset of %s and %s: %s; those flags given override it",
		strings.Join(flags[:len(flags)-1], ", "), flags[len(flags)-1], strings.Join(presets, " or "))
}

func msRange(lo, hi *int64) string { return fmt.Sprintf("%d-%d", *lo, *hi) }

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
