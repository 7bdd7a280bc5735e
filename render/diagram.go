package render

import (
	"fmt"

	"raftplay/raftsim/spacetime"
	"raftplay/render/scene"
)

// showDiagram hands the scene the arrows and marks of the window the
// diagram shows, while it is shown.
func (g *Game) showDiagram() {
	m := g.opts.Diagram
	if m == nil || !g.scene.DiagramOpen() {
		return
	}
	t0, t1 := g.scene.DiagramWindow()
	g.arrows = m.Arrows(t0, t1, g.arrows[:0])
	g.marks = m.Marks(t0, t1, g.marks[:0])
	g.scene.SetDiagram(g.arrows, g.marks, m.Version())
}

// reportWindowMs is the window a report covers when none is asked for and
// the diagram is closed: the last second before the moment shown.
const reportWindowMs = 1000

// Diagram reports the diagram and the arrows and marks over [t0, t1], or
// with window false over the window it shows (the last second before the
// moment shown while it is closed).
func (g *Game) Diagram(t0, t1 int64, window bool) (*scene.DiagramReport, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	m := g.opts.Diagram
	if m == nil {
		return nil, fmt.Errorf("the diagram is not available here")
	}
	r := &scene.DiagramReport{Shown: g.scene.DiagramShown(), Stats: m.Stats()}
	switch {
	case window && (t0 < 0 || t1 < t0):
		return nil, fmt.Errorf("a diagram window runs from t0 >= 0 to t1 >= t0 virtual ms, got %d to %d", t0, t1)
	case window:
		r.FromMs, r.ToMs = t0, t1
	case r.Shown.Open:
		r.FromMs, r.ToMs = r.Shown.FromMs, r.Shown.ToMs
	default:
		r.ToMs = g.scene.Snap.NowMs
		r.FromMs = max(0, r.ToMs-reportWindowMs)
	}
	r.Arrows = m.Arrows(r.FromMs, r.ToMs, []spacetime.Arrow{})
	r.Marks = m.Marks(r.FromMs, r.ToMs, []spacetime.Mark{})
	return r, nil
}
