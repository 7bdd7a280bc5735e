package render

import (
	"time"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// linChecker is an App that judges its clients' history for
// linearizability a bounded step at a time; raftsim/clients' is one.
type linChecker interface {
	CheckLinearizability(budget int) raftsim.Verdict
}

// appRunner is a simulator with an App attached; *raftsim.Sim is one.
type appRunner interface {
	App() raftsim.App
}

// checkLinearizability takes a step of the linearizability check when one is
// due (see scene.CheckEvery), so the HUD's verdict keeps up with the run
// without any frame waiting long for it, and records what the step cost.
func (g *Game) checkLinearizability() {
	r, ok := g.sim.(appRunner)
	if !ok {
		return
	}
	c, ok := r.App().(linChecker)
	if !ok || !g.scene.CheckCost.Due() {
		return
	}
	start := time.Now()
	c.CheckLinearizability(scene.CheckBudget)
	g.scene.CheckCost.Add(time.Since(start))
}

// CheckCost reports what the linearizability check's steps cost the frames
// that ran them.
func (g *Game) CheckCost() scene.CheckStats {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.scene.CheckCost.Stats()
}
