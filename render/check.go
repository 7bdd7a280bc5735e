package render

import "raftplay/control"

// checkLinearizability takes a step of the linearizability check when one
// is due (control.Checker) and hands what the steps cost to the verdict
// panel.
func (g *Game) checkLinearizability() {
	if g.check.Frame(g.sim) {
		g.scene.CheckCost = g.check.String()
	}
}

// CheckCost reports what the linearizability check's steps cost the frames
// that ran them.
func (g *Game) CheckCost() control.CheckStats {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.check.Stats()
}
