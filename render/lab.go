package render

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

// toggleExperiment opens the experiment view, starting its trials with the
// run's seed, or closes it and drops them.
func (g *Game) toggleExperiment() {
	if g.lab != nil {
		g.lab = nil
		g.scene.SetExperiment(nil, "")
		return
	}
	e := experiment.Experiment{
		Settings: labSettings(), Trials: labTrials, Seed: g.scene.Snap.Seed, Calibration: experiment.DefaultCalibration(),
	}
	c := e.Calibration
	g.labNote = fmt.Sprintf("seed %d; 5 servers; latency %d–%d ms, disk %d–%d ms; what-if: not etcd's range",
		e.Seed, c.LatencyMinMs, c.LatencyMaxMs, c.DiskMinMs, c.DiskMaxMs)
	g.lab = experiment.NewRunner(e)
	g.stepExperiment()
}

// stepExperiment runs the experiment's trials for this frame's budget and
// hands what they gave so far to the view.
func (g *Game) stepExperiment() {
	if g.lab == nil {
		return
	}
	deadline := time.Now().Add(labBudget)
	g.lab.Step(func() bool { return time.Now().Before(deadline) })
	done, total := g.lab.Progress()
	status := fmt.Sprintf("%d of %d trials (%s)", done, total, g.labNote)
	if err := g.lab.Err(); err != nil {
		status = "the experiment stopped: " + err.Error()
	}
	g.scene.SetExperiment(g.lab.Results(), status)
}

// ExperimentState is how far the experiment view's trials are, for the JS
// API: the results have the shape cmd/sim -experiment election -json prints.
type ExperimentState struct {
	Open    bool                `json:"open"`
	Done    int                 `json:"done"`
	Total   int                 `json:"total"`
	Results []experiment.Result `json:"results"`
}

// Experiment returns the experiment view's state.
func (g *Game) Experiment() ExperimentState {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.lab == nil {
		return ExperimentState{Results: []experiment.Result{}}
	}
	st := ExperimentState{Open: true, Results: g.lab.Results()}
	st.Done, st.Total = g.lab.Progress()
	return st
}
