package render

import "raftplay/control"

// toggleExperiment opens the experiment view, starting its trials with the
// run's seed, or closes it and drops them.
func (g *Game) toggleExperiment() {
	g.lab.Toggle(g.scene.Snap.Seed)
	if !g.lab.Open() {
		g.scene.SetExperiment(nil, "")
		return
	}
	g.stepExperiment()
}

// stepExperiment runs the experiment's trials for this frame's budget and
// hands what they gave so far to the view.
func (g *Game) stepExperiment() {
	if g.lab.Open() {
		g.scene.SetExperiment(g.lab.Step())
	}
}

// Experiment returns the experiment view's state, for the JS API.
func (g *Game) Experiment() control.ExperimentState {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.lab.State()
}
