package render

import (
	"math"

	"raftplay/render/scene"
)

// groupOf returns the partition group of node id as drawn: the one being
// edited while partition mode is on, else the applied one; -1 when healed.
func (g *Game) groupOf(id uint64) int {
	s := g.scene
	if s.Controller.Edit != nil {
		return s.Controller.Edit.Group(id)
	}
	if len(s.Snap.Partition) == 0 {
		return -1
	}
	return scene.GroupOf(s.Snap.Partition, id)
}

// drawLinks draws the network: a faint line for every pair of nodes, a red
// dashed line with a bar at the cut for pairs the partition separates (on
// a small ring a fainter one, without the bar), and a tint around each
// node in its group's colour.
func (g *Game) drawLinks() {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	for i, c := range l.NodePos {
		if gi := g.groupOf(l.NodeIDs[i]); gi >= 0 {
			p.disc(c, l.TimerR()+10*u, scene.Fade(th.Group(gi), 0.22))
		}
	}
	// Cut links first, each its own dashed path; then every other link in
	// one path, stroked at once.
	for i, a := range l.NodePos {
		for j := i + 1; j < len(l.NodePos); j++ {
			if b := l.NodePos[j]; g.groupOf(l.NodeIDs[i]) != g.groupOf(l.NodeIDs[j]) {
				if !l.CutBars() {
					// The groups' tints say the split; faint dashes say
					// which links it cuts.
					p.dashed(a, b, 1.2*u, 4*u, 6*u, scene.Fade(th.Cut, 0.4))
					continue
				}
				p.dashed(a, b, 1.5*u, 6*u, 5*u, scene.Fade(th.Cut, 0.55))
				mid := scene.Lerp(a, b, 0.5)
				bar := b.Sub(a).Unit().Perp().Scale(7 * u)
				p.segment(mid.Sub(bar), mid.Add(bar), 2.5*u, th.Cut)
			}
		}
	}
	for i, a := range l.NodePos {
		for j := i + 1; j < len(l.NodePos); j++ {
			if g.groupOf(l.NodeIDs[i]) == g.groupOf(l.NodeIDs[j]) {
				p.moveTo(a)
				p.lineTo(l.NodePos[j])
			}
		}
	}
	p.strokePath(math.Max(1, 1.2*u), th.Link)
}

// drawDrag draws the dashed line from a node being dragged in partition mode to the
// pointer.
func (g *Game) drawDrag() {
	s := g.scene
	id, ok := s.Dragging()
	if !ok {
		return
	}
	from, _ := s.Layout.Node(id)
	g.paint.dashed(from, s.Pointer, 2*s.Layout.Scale, 5*s.Layout.Scale, 4*s.Layout.Scale, s.Theme.Accent)
}
