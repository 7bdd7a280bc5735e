package render

import (
	"time"

	"raftplay/render/scene"
)

// checkLinearizability takes a step of the linearizability check when one is
// due (see scene.CheckEvery), so the HUD's verdict keeps up with the run
// without any frame waiting long for it, and records what the step cost.
func (g *Game) checkLinearizability() {
	if !g.scene.CheckCost.Due() {
		return
	}
	start := time.Now()
	g.sim.CheckLinearizability(scene.CheckBudget)
	g.scene.CheckCost.Add(time.Since(start))
}

// CheckCost reports what the linearizability check's steps cost the frames
// that ran them.
func (g *Game) CheckCost() scene.CheckStats {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.scene.CheckCost.Stats()
}
