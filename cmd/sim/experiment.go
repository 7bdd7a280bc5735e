package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

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
	// batch runs some trials in this process and prints each as a JSON
	// line: what the experiment's worker processes do.
	batch *string
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
		batch:   fs.String("experiment-batch", "", "run trials FIRST-LAST (counted over every setting) here, one JSON trial a line (used by -experiment)"),
	}
}

// runExperiment runs -experiment and returns the exit status: 0, or 2 for
// bad flags, or 1 when a trial could not run. args are the command line,
// which each worker process gets again with the trials it is to run.
func runExperiment(f experimentFlags, knobs configFlags, args []string, stdout, stderr io.Writer) int {
	if *f.name != "election" {
		fmt.Fprintf(stderr, "sim: -experiment must be election, got %q\n", *f.name)
		return 2
	}
	e, err := f.experiment(knobs)
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	if *f.batch != "" {
		return runTrialBatch(e, *f.batch, stdout, stderr)
	}
	if *f.workers < 1 {
		fmt.Fprintf(stderr, "sim: -workers must be at least 1, got %d\n", *f.workers)
		return 2
	}
	self := ""
	if *f.workers > 1 {
		if self, err = os.Executable(); err != nil {
			fmt.Fprintf(stderr, "sim: cannot find this program to start workers (-workers 1 needs none): %v\n", err)
			return 2
		}
	}
	results, err := spreadTrials(e, self, args, *f.workers, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
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

// trialBatch is a run of trials, first to last, counted over every
// setting's trials in turn (trial i of setting s is s*Trials+i).
type trialBatch struct{ first, last int }

func (b trialBatch) String() string { return fmt.Sprintf("%d-%d", b.first, b.last) }

// trialLine is how a worker reports one trial.
type trialLine struct {
	Set    int              `json:"set"`
	Trial  int              `json:"trial"`
	Result experiment.Trial `json:"result"`
}

// spreadTrials runs e's trials in batches over workers processes, each this
// program again with args and -experiment-batch (with one worker, in this
// process: no process to start, and the way where there are none, in wasm),
// with a progress bar on stderr, and sums them up per setting.
func spreadTrials(e experiment.Experiment, self string, args []string, workers int, stderr io.Writer) ([]experiment.Result, error) {
	// A few batches a worker: trials take a millisecond or two, starting a
	// process some tens, so batches are as large as keeps the workers
	// finishing together.
	total := len(e.Settings) * e.Trials
	size := max(total/(workers*4), 1)
	batches := make(chan trialBatch)
	go func() {
		defer close(batches)
		for g := 0; g < total; g += size {
			batches <- trialBatch{g, min(g+size, total) - 1}
		}
	}()
	lines := make(chan trialLine)
	runBatch := func(b trialBatch) (int64, error) {
		if workers == 1 {
			return int64(b.last - b.first + 1), runTrials(e, b, func(l trialLine) { lines <- l })
		}
		return runWorker(self, append(slices.Clone(args), "-experiment-batch", b.String()), func(line []byte) error {
			var l trialLine
			if err := json.Unmarshal(line, &l); err != nil {
				return fmt.Errorf("a worker's trial line %.80q: %v", line, err)
			}
			lines <- l
			return nil
		})
	}
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				got, err := runBatch(b)
				if err == nil && got != int64(b.last-b.first+1) {
					err = fmt.Errorf("the worker for trials %s reported %d of them", b, got)
				}
				if err != nil {
					errs <- err
					for range batches { // let the others stop
					}
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(lines) }()

	trials := make([][]experiment.Trial, len(e.Settings))
	for s := range trials {
		trials[s] = make([]experiment.Trial, e.Trials)
	}
	bar := newProgress(stderr, int64(total), time.Now())
	done := int64(0)
	for l := range lines {
		trials[l.Set][l.Trial] = l.Result
		done++
		bar.show(done, 0)
	}
	bar.finish()
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	return e.Summarize(trials), nil
}

// runTrials runs batch b's trials in this process, handing each to each.
func runTrials(e experiment.Experiment, b trialBatch, each func(trialLine)) error {
	for g := b.first; g <= b.last; g++ {
		set, i := g/e.Trials, g%e.Trials
		t, err := e.Trial(set, i)
		if err != nil {
			return err
		}
		each(trialLine{set, i, t})
	}
	return nil
}

// runTrialBatch is a worker's part: the trials spec names, each printed as
// a trialLine.
func runTrialBatch(e experiment.Experiment, spec string, stdout, stderr io.Writer) int {
	var b trialBatch
	if _, err := fmt.Sscanf(spec, "%d-%d", &b.first, &b.last); err != nil ||
		b.first < 0 || b.first > b.last || b.last >= len(e.Settings)*e.Trials {
		fmt.Fprintf(stderr, "sim: -experiment-batch must be FIRST-LAST within the experiment's trials, got %q\n", spec)
		return 2
	}
	err := runTrials(e, b, func(l trialLine) {
		js, _ := json.Marshal(l) // plain values: cannot fail
		fmt.Fprintf(stdout, "%s\n", js)
	})
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 1
	}
	return 0
}

// experiment reads the flags into an Experiment: each range twice, as the
// paper ran it (PreVote and CheckQuorum off) and with etcd's defaults (on).
// The network and disk come from -latency and -disk when given, else from
// the paper's calibration; the other knobs are the experiment's own.
func (f experimentFlags) experiment(knobs configFlags) (experiment.Experiment, error) {
	e := experiment.Experiment{Trials: *f.trials, Seed: *knobs.seed, Calibration: experiment.DefaultCalibration()}
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
	switch *knobs.timing {
	case "etcd":
		e.Settings = append(e.Settings, experiment.EtcdDefaults(false, false), experiment.EtcdDefaults(true, true))
	case "", "raftplay":
	default:
		return e, fmt.Errorf("-timing: the experiment runs the paper's timing and, with -timing etcd, etcd's too; got %q", *knobs.timing)
	}
	if *f.whatIf {
		for _, hi := range experiment.PaperNarrowMaxMs {
			e.Settings = append(e.Settings, experiment.Setting{MinMs: 150, MaxMs: hi})
		}
	}
	c := e.Settings[0].Config(e.Calibration, e.Seed)
	if err := knobs.setRanges(&c, true); err != nil {
		return e, err
	}
	e.Calibration = experiment.CalibrationOf(c)
	return e, c.Validate()
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
