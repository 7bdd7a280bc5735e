package render

import "raftplay/control"

// checkLinearizability takes a step of the linearizability check when one
// is due (control.Checker) and hands what the steps cost to the verdict
// panel.
func (g *Game) checkLinearizability() {
	var operations int
	if snap := g.scene.Snap; snap != nil {
		operations = snap.Clients.Operations
	}
	if g.check.Frame(g.sim, operations) {
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
