package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// drawNodeShapes draws a node's election timer and its body in the colour of
// its role; a node that is down is dim, dashed and crossed out, one that raft
// halted is red, a lying disk shows a warning sign and a paused one is
// veiled under a pause sign.
func (g *Game) drawNodeShapes(n *raftsim.NodeView) {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	c, ok := l.Node(n.ID)
	if !ok {
		return
	}
	col := th.Role(n.Role)
	top := -math.Pi / 2

	// The timer: a track, and over it the time left before the node
	// campaigns (a leader's is its heartbeat timer, drawn thinner).
	p.ring(c, l.TimerR(), 3*u, th.Link)
	if left, ok := s.TimerShown(n); ok && left > 0.005 {
		w := 3 * u
		if n.Role == raftsim.RoleLeader {
			w = 1.6 * u
		}
		p.arc(c, l.TimerR(), top, top+2*math.Pi*left, w, col)
	}

	if isLearner(n) {
		g.drawLearnerBody(c, col)
	} else if n.Up {
		p.disc(c, l.NodeR, col)
		if n.Role == raftsim.RoleLeader {
			p.ring(c, l.NodeR-3*u, 1.5*u, scene.Fade(th.OnFill, 0.7))
		}
	} else if n.Halted {
		g.drawHalted(c)
	} else {
		p.disc(c, l.NodeR, scene.Fade(th.Down, 0.45))
		p.dashedRing(c, l.NodeR, 1.5*u, th.Muted)
		p.cross(c, l.NodeR*0.5, 2*u, scene.Fade(th.Muted, 0.6))
	}
	g.drawDiskShapes(n, c)
	g.drawPauseShapes(n, c)
	if s.Controller.Selected == n.ID {
		p.ring(c, l.TimerR()+5*u, 2*u, th.Accent)
	}
	if s.Controller.Edit != nil {
		p.disc(groupBadge(l, c), 8*u, th.Group(s.Controller.Edit.Group(n.ID)))
	}
}

// groupBadge is where a node shows its group while a partition is edited.
func groupBadge(l *scene.Layout, c scene.Point) scene.Point {
	return c.Add(scene.Point{X: l.NodeR * 0.8, Y: -l.NodeR * 0.8})
}

// drawNodeText writes a node's name on it, and its role, term and vote
// outside the ring; where the captions are left out, its role in short
// under its name.
func (g *Game) drawNodeText(n *raftsim.NodeView) {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	c, ok := l.Node(n.ID)
	if !ok {
		return
	}
	name, roleCol := th.OnFill, th.Role(n.Role)
	switch {
	case n.Halted:
		name, roleCol = th.Text, th.Bad
	case !n.Up:
		name, roleCol = th.Text, th.Muted
	case isLearner(n):
		name = th.Text // on a pale body
	}
	namePos := c
	if !l.Captions {
		// The role in short goes under the name, in place of the caption.
		namePos = c.Add(scene.Point{Y: -l.NodeR * 0.2})
		g.drawRoleWord(n, c, name)
	}
	p.print(s.Snap.NodeName(n.ID), namePos, l.NodeNameSize(), name, text.AlignCenter, text.AlignCenter)
	if s.Controller.Edit != nil {
		p.print(groupName(s.Controller.Edit.Group(n.ID)), groupBadge(l, c), scene.FontSmall*u, th.OnFill, text.AlignCenter, text.AlignCenter)
	}

	g.drawDiskText(n, c)
	lines, h := l.CaptionLines(s.Snap, n.ID, g.fonts.fit)
	for i, line := range lines {
		col := th.Muted
		if i == 0 {
			col = roleCol
		}
		p.print(line.Text, line.At, line.Size, col, text.Align(h), text.AlignStart)
	}
}

// groupName labels a partition group's badge with a roman numeral: letters
// would read as node names, which stories give as A to E.
func groupName(g int) string { return [...]string{"I", "II"}[g] }
