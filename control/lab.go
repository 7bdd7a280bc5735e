package control

import (
	"fmt"
	"time"

	"raftplay/raftsim/experiment"
)

// labTrials is how many trials per setting the page runs: enough for the
// curves to take their shape in a minute of a browser's spare time.
const labTrials = 100

// labBudget is how long one frame may spend on the experiment's trials, so
// the page keeps drawing while they run.
const labBudget = 6 * time.Millisecond

// labSettings are the curves the page draws: the paper's lower graph, as
// the paper ran it, two of its upper graph's narrow ranges (a what-if, not
// etcd) whose figures the paper reports, and etcd as it ships (its timing,
// PreVote and CheckQuorum).
func labSettings() []experiment.Setting {
	var sets []experiment.Setting
	for _, m := range experiment.PaperRanges {
		sets = append(sets, experiment.Etcd(m, false, false))
	}
	return append(sets, experiment.Setting{MinMs: 150, MaxMs: 155}, experiment.Setting{MinMs: 150, MaxMs: 200},
		experiment.EtcdDefaults(true, true))
}

// Lab runs the Raft paper's election-time experiment while its view is
// open, a frame's share of trials at a time. Its zero value is closed.
type Lab struct {
	runner *experiment.Runner
	// note says how the experiment was set up, for the view's status line.
	note string
}

// Open reports whether the experiment's view is open, its trials running.
func (l *Lab) Open() bool { return l.runner != nil }

// Toggle opens the experiment, starting its trials with seed, or closes it
// and drops them.
func (l *Lab) Toggle(seed int64) {
	if l.runner != nil {
		l.runner, l.note = nil, ""
		return
	}
	e := experiment.Experiment{
		Settings: labSettings(), Trials: labTrials, Seed: seed, Calibration: experiment.DefaultCalibration(),
	}
	c := e.Calibration
	l.note = fmt.Sprintf("seed %d; 5 servers; latency %d–%d ms, disk %d–%d ms; what-if: not etcd's range",
		e.Seed, c.LatencyMinMs, c.LatencyMaxMs, c.DiskMinMs, c.DiskMaxMs)
	l.runner = experiment.NewRunner(e)
}

// Step runs the experiment's trials for a frame's budget and returns what
// they gave so far, with the view's status line: how far they are and how
// they were set up, or why they stopped.
func (l *Lab) Step() (results []experiment.Result, status string) {
	deadline := time.Now().Add(labBudget)
	l.runner.Step(func() bool { return time.Now().Before(deadline) })
	done, total := l.runner.Progress()
	status = fmt.Sprintf("%d of %d trials (%s)", done, total, l.note)
	if err := l.runner.Err(); err != nil {
		status = "the experiment stopped: " + err.Error()
	}
	return l.runner.Results(), status
}

// ExperimentState is how far the experiment view's trials are, for the JS
// API: the results have the shape cmd/sim -experiment election -json prints.
type ExperimentState struct {
	Open    bool                `json:"open"`
	Done    int                 `json:"done"`
	Total   int                 `json:"total"`
	Results []experiment.Result `json:"results"`
}

// State returns the experiment view's state.
func (l *Lab) State() ExperimentState {
	if l.runner == nil {
		return ExperimentState{Results: []experiment.Result{}}
	}
	st := ExperimentState{Open: true, Results: l.runner.Results()}
	st.Done, st.Total = l.runner.Progress()
	return st
}
