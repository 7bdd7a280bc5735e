package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"raftplay/raftsim/nemesis"
)

// nemesisArgs are the flags of a fault campaign.
type nemesisArgs struct {
	on      *bool
	seeds   *string
	lying   *bool
	workers *int
	out     *string
	// batch runs the given seeds in this process and prints each outcome as
	// a JSON line: what the campaign's worker processes do.
	batch *string
}

func nemesisFlags(fs *flag.FlagSet) *nemesisArgs {
	return &nemesisArgs{
		on:      fs.Bool("nemesis", false, "run a seeded fault campaign over -seeds and judge every run; exit 1 on any failure"),
		seeds:   fs.String("seeds", "1-100", "seeds of the campaign: A-B or N"),
		lying:   fs.Bool("lying", false, "campaign: add lying disks to the faults (failures are expected)"),
		workers: fs.Int("workers", runtime.NumCPU(), "campaign: worker processes to spread the runs over; experiment: trials run at once (results do not depend on it)"),
		out:     fs.String("out", "nemesis-failures", "campaign: folder for the action files of failing runs"),
		batch:   fs.String("nemesis-batch", "", "run these seeds' campaigns here, one JSON outcome a line (used by -nemesis)"),
	}
}

// wanted reports whether the flags ask for a campaign or a worker's batch.
func (n *nemesisArgs) wanted() bool { return *n.on || *n.batch != "" }

func (n *nemesisArgs) run(stdout, stderr io.Writer) int {
	spec := *n.seeds
	if *n.batch != "" {
		spec = *n.batch
	}
	seeds, err := nemesis.ParseSeeds(spec)
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	opt := nemesis.Options{Lying: *n.lying}
	if *n.batch != "" {
		for s := seeds.First; s <= seeds.Last; s++ {
			o := nemesis.Run(s, opt)
			fmt.Fprintf(stdout, "%s\n", o.JSON())
		}
		return 0
	}
	if *n.workers < 1 {
		fmt.Fprintf(stderr, "sim: -workers must be at least 1, got %d\n", *n.workers)
		return 2
	}
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "sim: cannot find this program to start workers: %v\n", err)
		return 2
	}
	c := &campaign{self: self, opt: opt, seeds: seeds, workers: *n.workers, out: *n.out, stderr: stderr}
	return c.run()
}

// campaign spreads a range of seeds over worker processes (the simulator
// serialises raft calls within a process, so processes, not goroutines, use
// every core) and gathers what they report.
type campaign struct {
	self    string
	opt     nemesis.Options
	seeds   nemesis.Seeds
	workers int
	out     string
	stderr  io.Writer
}

// batchSize keeps batches small enough that the workers finish together, and
// large enough that starting a process costs little beside the runs.
func (c *campaign) batchSize() int64 {
	return min(max(c.seeds.Len()/int64(c.workers*8), 1), 50)
}

func (c *campaign) run() int {
	start := time.Now()
	batches := make(chan nemesis.Seeds)
	go func() {
		for s := c.seeds.First; s <= c.seeds.Last; s += c.batchSize() {
			batches <- nemesis.Seeds{First: s, Last: min(s+c.batchSize()-1, c.seeds.Last)}
		}
		close(batches)
	}()
	outcomes := make(chan nemesis.Outcome)
	errs := make(chan error, c.workers)
	var wg sync.WaitGroup
	for range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				if err := c.runBatch(b, outcomes); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(outcomes) }()

	var failed []nemesis.Outcome
	var ops, checked, changes int
	done := int64(0)
	bar := newProgress(c.stderr, c.seeds.Len(), start)
	for o := range outcomes {
		done++
		ops += o.Operations
		checked += o.Checked
		changes += o.MemberChanges
		if o.Failed() {
			failed = append(failed, o)
		}
		bar.show(done, len(failed))
	}
	bar.finish()
	select {
	case err := <-errs:
		fmt.Fprintf(c.stderr, "sim: nemesis: %v\n", err)
		return 2
	default:
	}
	slices.SortFunc(failed, func(a, b nemesis.Outcome) int { return int(a.Seed - b.Seed) })
	for i := range failed {
		c.report(&failed[i])
	}
	wall := time.Since(start)
	fmt.Fprintf(c.stderr, "nemesis: %d runs (seeds %s%s) in %s on %d workers, %.1f runs/s; %d operations, %d checked; %d membership changes; %d failed\n",
		done, c.seeds, map[bool]string{true: ", lying disks", false: ""}[c.opt.Lying],
		wall.Round(time.Second), c.workers, float64(done)/wall.Seconds(), ops, checked, changes, len(failed))
	if len(failed) > 0 {
		return 1
	}
	return 0
}

// runBatch runs one batch in a worker process and passes on its outcomes.
func (c *campaign) runBatch(b nemesis.Seeds, outcomes chan<- nemesis.Outcome) error {
	args := []string{"-nemesis-batch", b.String()}
	if c.opt.Lying {
		args = append(args, "-lying")
	}
	got, err := runWorker(c.self, args, func(line []byte) error {
		o, err := nemesis.ParseOutcome(line)
		if err != nil {
			return err
		}
		outcomes <- o
		return nil
	})
	if err != nil || got != b.Len() {
		return fmt.Errorf("worker for seeds %s reported %d of %d runs: %v", b, got, b.Len(), err)
	}
	return nil
}

// report prints a failing run and writes out its action file.
func (c *campaign) report(o *nemesis.Outcome) {
	fmt.Fprintf(c.stderr, "nemesis: seed %d (%d nodes, %s reads) failed:\n", o.Seed, o.Nodes, o.Read)
	for _, f := range o.Failures {
		fmt.Fprintf(c.stderr, "  %s\n", f)
	}
	fmt.Fprintf(c.stderr, "  reproduce: %s\n", o.ReproduceCommand())
	file := filepath.Join(c.out, fmt.Sprintf("seed-%d.json", o.Seed))
	if err := writeActions(file, o); err != nil {
		fmt.Fprintf(c.stderr, "  (could not write the action file: %v)\n", err)
		return
	}
	fmt.Fprintf(c.stderr, "  replay:    %s\n", o.ReplayCommand(file))
}

func writeActions(file string, o *nemesis.Outcome) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("[\n")
	for i, a := range o.Actions {
		js, err := a.MarshalJSON()
		if err != nil {
			return err
		}
		b.Write(js)
		if i < len(o.Actions)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	return os.WriteFile(file, []byte(b.String()), 0o644)
}
