package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// drawLearnerBody draws a running learner's body: a pale disc inside a
// dashed ring in the colour of its role, so that it reads at a glance as
// taking part without a vote.
func (g *Game) drawLearnerBody(c scene.Point, col color.RGBA) {
	p, u, r := &g.paint, g.scene.Layout.Scale, g.scene.Layout.NodeR
	p.disc(c, r, scene.Fade(col, 0.3))
	p.dashedRing(c, r-u, 2.5*u, col)
}

// memberBadge is where a node shows whether it joins or leaves the voters
// while the cluster is in joint consensus: at its lower right, clear of the
// partition editor's badge at its upper right.
func memberBadge(l *scene.Layout, c scene.Point) scene.Point {
	return c.Add(scene.Point{X: l.NodeR * 0.8, Y: l.NodeR * 0.8})
}

// markColour is the colour of a joint-consensus mark: joining green,
// leaving red.
func (g *Game) markColour(m scene.VoterMark) color.RGBA {
	if m == scene.VoterLeaves {
		return g.scene.Theme.Bad
	}
	return g.scene.Theme.Good
}

// markText is the sign on a joint-consensus mark.
var markText = [...]string{scene.VoterJoins: "+", scene.VoterLeaves: "−"}

// drawMembershipShapes draws what membership changes show under the text:
// each joining or leaving voter's mark in joint consensus, the nodes
// leaving the ring as they drift out and fade, and a pulse round the place
// of each node joining it.
func (g *Game) drawMembershipShapes(j scene.Joint, isJoint bool) {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	if isJoint {
		for i, id := range l.NodeIDs {
			if m := j.Mark(id); m != scene.VoterStays {
				p.disc(memberBadge(l, l.NodePos[i]), 9*u, g.markColour(m))
			}
		}
	}
	for _, m := range s.RingMoves.List {
		if m.Leaving {
			at, alpha := m.Drift(l.Center, s.Clock, l.NodeR)
			p.disc(at, l.NodeR, scene.Fade(th.Down, 0.45*alpha))
			p.dashedRing(at, l.NodeR, 1.5*u, scene.Fade(th.Muted, alpha))
			continue
		}
		age := m.Age(s.Clock)
		p.ring(m.At, l.TimerR()+(4+14*age)*u, 2*u, scene.Fade(th.Accent, 1-age))
	}
}

// drawMembershipText writes the joint-consensus marks and the names of the
// nodes leaving the ring.
func (g *Game) drawMembershipText(j scene.Joint, isJoint bool) {
	s, p := g.scene, &g.paint
	l, th, u := &s.Layout, s.Theme, s.Layout.Scale
	small := scene.FontSmall * u
	if isJoint {
		for i, id := range l.NodeIDs {
			if m := j.Mark(id); m != scene.VoterStays {
				p.print(markText[m], memberBadge(l, l.NodePos[i]), small, th.OnFill, text.AlignCenter, text.AlignCenter)
			}
		}
	}
	for _, m := range s.RingMoves.List {
		if m.Leaving {
			at, alpha := m.Drift(l.Center, s.Clock, l.NodeR)
			p.print(s.Snap.NodeName(m.ID), at, l.NodeNameSize(), scene.Fade(th.Text, alpha), text.AlignCenter, text.AlignCenter)
		}
	}
}

// isLearner reports whether n is drawn as a learner: a running node that
// does not vote, or one added whose change is not in force yet.
func isLearner(n *raftsim.NodeView) bool {
	return n.Up && !n.Halted && (scene.IsLearner(n) || n.Member == raftsim.MemberJoining)
}

// drawJointCaption draws the joint-consensus caption over the ring and its
// captions: where the screen has no free middle it covers the ring's foot,
// and must then be read rather than the captions under it.
func (g *Game) drawJointCaption(b scene.JointBox) {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	small := scene.FontSmall * u
	p.box(b.Rect, 6*u, th.Panel, th.Accent, 1.5*u)
	for i, line := range b.Lines {
		col := th.Muted
		if i == 0 {
			col = th.Accent
		}
		p.printLeft(line, b.At.Add(scene.Point{Y: float64(i) * small * scene.LineH}), small, col)
	}
}
