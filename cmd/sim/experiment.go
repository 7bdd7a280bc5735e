package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"raftplay/raftsim/experiment"
)

// experimentFlags are the flags of -experiment election.
type experimentFlags struct {
	name    *string
	trials  *int
	json    *bool
	ranges  *string
	workers *int
	whatIf  *bool
}

// addExperimentFlags adds the experiment's flags; workers is the -workers
// flag it shares with -nemesis.
func addExperimentFlags(fs *flag.FlagSet, workers *int) experimentFlags {
	return experimentFlags{
		workers: workers,
		name:    fs.String("experiment", "", `run an experiment instead of one simulation: "election" (the Raft paper's Figure 16)`),
		trials:  fs.Int("trials", 1000, "experiment: trials per setting"),
		json:    fs.Bool("json", false, "experiment: print the results as one JSON array, for plotting"),
		ranges:  fs.String("ranges", joinInts(experiment.PaperRanges), "experiment: minimum election timeouts in ms; each range is [min, 2*min)"),
		whatIf:  fs.Bool("whatif", false, "experiment: add the paper's narrow ranges 150-150 to 150-200 ms, which etcd raft cannot be configured for (a what-if)"),
	}
}

// runExperiment runs -experiment and returns the exit status: 0, or 2 for
// bad flags, or 1 when a trial could not run.
func runExperiment(f experimentFlags, knobs configFlags, stdout, stderr io.Writer) int {
	if *f.name != "election" {
		fmt.Fprintf(stderr, "sim: -experiment must be election, got %q\n", *f.name)
		return 2
	}
	e, err := f.experiment(knobs)
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	total := len(e.Settings) * e.Trials
	e.Progress = func(done, _ int) {
		if done%max(1, total/100) == 0 || done == total {
			fmt.Fprintf(stderr, "\rsim: election experiment: %d of %d trials", done, total)
			if done == total {
				fmt.Fprintln(stderr)
			}
		}
	}
	results, err := e.Run()
	if err != nil {
		fmt.Fprintf(stderr, "\nsim: %v\n", err)
		return 1
	}
	if *f.json {
		if err := experiment.WriteJSON(stdout, results); err != nil {
			fmt.Fprintf(stderr, "sim: %v\n", err)
			return 1
		}
		return 0
	}
	experiment.WriteTable(stdout, e, results)
	return 0
}

// experiment reads the flags into an Experiment: each range twice, as the
// paper ran it (PreVote and CheckQuorum off) and with etcd's defaults (on).
// The network and disk come from -latency and -disk when given, else from
// the paper's calibration; the other knobs are the experiment's own.
func (f experimentFlags) experiment(knobs configFlags) (experiment.Experiment, error) {
	e := experiment.Experiment{Trials: *f.trials, Seed: *knobs.seed, Workers: *f.workers, Calibration: experiment.DefaultCalibration()}
	if e.Trials < 1 || e.Trials > 100_000 {
		return e, fmt.Errorf("-trials must be 1 to 100000, got %d", e.Trials)
	}
	mins, err := parseInts(*f.ranges)
	if err != nil {
		return e, fmt.Errorf("-ranges: %v", err)
	}
	for _, m := range mins {
		if m < 2 || m > 10_000 {
			return e, fmt.Errorf("-ranges: a minimum timeout must be 2 to 10000 ms, got %d", m)
		}
		e.Settings = append(e.Settings, experiment.Etcd(m, false, false), experiment.Etcd(m, true, true))
	}
	if *f.whatIf {
		for _, hi := range experiment.PaperNarrowMaxMs {
			e.Settings = append(e.Settings, experiment.Setting{MinMs: 150, MaxMs: hi})
		}
	}
	cal := &e.Calibration
	if knobs.set("latency") {
		if cal.LatencyMinMs, cal.LatencyMaxMs, err = parseRange(*knobs.latency); err != nil {
			return e, fmt.Errorf("-latency: %v", err)
		}
	}
	if knobs.set("disk") {
		if cal.DiskMinMs, cal.DiskMaxMs, err = parseRange(*knobs.disk); err != nil {
			return e, fmt.Errorf("-disk: %v", err)
		}
	}
	return e, e.Settings[0].Config(e.Calibration, e.Seed).Validate()
}

// parseInts reads a comma-separated list of whole numbers.
func parseInts(s string) ([]int64, error) {
	var out []int64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("need whole numbers separated by commas, got %q", s)
		}
		out = append(out, v)
	}
	return out, nil
}

func joinInts(v []int64) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = strconv.FormatInt(x, 10)
	}
	return strings.Join(s, ",")
}
