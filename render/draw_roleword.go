package render

import (
	"image/color"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// roleWords are the short words a disc carries under its name where the
// captions are left out, so that a node's role reads without its colour.
var roleWords = map[raftsim.Role]string{
	raftsim.RoleLeader: "lead", raftsim.RoleCandidate: "cand",
	raftsim.RolePreCandidate: "pre", raftsim.RoleFollower: "foll",
}

// drawRoleWord writes n's role in short on its disc at c, under its name: a
// node that is down is crossed out instead, and one without a word for its
// role gets none.
func (g *Game) drawRoleWord(n *raftsim.NodeView, c scene.Point, col color.RGBA) {
	word, ok := roleWords[n.Role]
	if !ok || !n.Up {
		return
	}
	l := &g.scene.Layout
	g.paint.print(word, c.Add(scene.Point{Y: l.NodeR * 0.45}), scene.FontTiny*l.Scale, col, text.AlignCenter, text.AlignCenter)
}
