package experiment

// Runner runs an experiment's trials a slice at a time, for a page that must
// go on drawing frames while they run: each Step does as much as the
// caller's budget allows and returns. It takes the settings in turn, trial 0
// of each, then trial 1, so every curve grows from the start. Its results
// are the same as Run's.
type Runner struct {
	e      Experiment
	next   int // the next trial to start, counted over all settings
	cur    *trialRun
	trials [][]Trial
	err    error
}

// NewRunner returns a runner of e's trials; it is one goroutine's, stepped
// by its owner.
func NewRunner(e Experiment) *Runner {
	return &Runner{e: e, trials: make([][]Trial, len(e.Settings))}
}

// Step advances the trials while more() says there is time left, checking
// it between virtual milliseconds. It reports whether every trial is done.
func (r *Runner) Step(more func() bool) bool {
	for r.err == nil && !r.Done() && more() {
		if r.cur == nil {
			set, i := r.next%len(r.e.Settings), r.next/len(r.e.Settings)
			r.cur, r.err = newTrialRun(r.e.Settings[set], r.e.Calibration, TrialSeed(r.e.Seed, i))
			continue
		}
		if r.err = r.cur.advance(); r.cur.done {
			set := r.next % len(r.e.Settings)
			r.trials[set] = append(r.trials[set], r.cur.result)
			r.cur = nil
			r.next++
		}
	}
	return r.Done()
}

// Done reports whether every trial has run, or one failed (Err).
func (r *Runner) Done() bool { return r.err != nil || r.next == len(r.e.Settings)*r.e.Trials }

// Err is the error that stopped the runner, if one did.
func (r *Runner) Err() error { return r.err }

// Progress returns the trials done and their total.
func (r *Runner) Progress() (done, total int) { return r.next, len(r.e.Settings) * r.e.Trials }

// Results summarizes, per setting, the trials done so far: a setting not yet
// started has Trials 0.
func (r *Runner) Results() []Result {
	return r.e.Summarize(r.trials)
}
