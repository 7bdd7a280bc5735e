package experiment

import (
	"runtime"
	"sync"
)

// Experiment is a batch of trials over settings.
type Experiment struct {
	Settings    []Setting
	Trials      int
	Seed        int64
	Calibration Calibration
	// Workers is how many trials run at once; 0 means one per core. The
	// results do not depend on it.
	Workers int
	// Progress, if set, is called after each trial with the trials done and
	// the total, from the goroutine that called Run.
	Progress func(done, total int)
}

// TrialSeed derives trial i's seed from the experiment's seed (SplitMix64),
// so every trial is a run of its own that cmd/sim can replay alone. Trial i
// has the same seed in every setting: the settings differ in their timeouts,
// not in their luck.
func TrialSeed(seed int64, i int) int64 {
	z := uint64(seed)*0x9e3779b97f4a7c15 + uint64(i+1)*0xbf58476d1ce4e5b9
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	z ^= z >> 31
	return int64(z >> 1) // positive
}

// Run runs every trial and returns one Result per setting, in order. The
// first error a trial returns stops the experiment.
func (e Experiment) Run() ([]Result, error) {
	type job struct{ set, trial int }
	type done struct {
		job
		t   Trial
		err error
	}
	workers := e.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	jobs := make(chan job)
	results := make(chan done)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				t, err := RunTrial(e.Settings[j.set], e.Calibration, TrialSeed(e.Seed, j.trial))
				results <- done{j, t, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for s := range e.Settings {
			for i := range e.Trials {
				jobs <- job{s, i}
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	trials := make([][]Trial, len(e.Settings))
	for s := range trials {
		trials[s] = make([]Trial, e.Trials)
	}
	var first error
	total, count := len(e.Settings)*e.Trials, 0
	for d := range results {
		count++
		if d.err != nil && first == nil {
			first = d.err
		}
		trials[d.set][d.trial] = d.t
		if e.Progress != nil {
			e.Progress(count, total)
		}
	}
	if first != nil {
		return nil, first
	}
	out := make([]Result, len(e.Settings))
	for s, set := range e.Settings {
		out[s] = Summarize(set, trials[s])
	}
	return out, nil
}
