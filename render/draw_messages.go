package render

import (
	"strconv"

	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"raftplay/render/scene"
)

// drawMessageShapes draws each message in flight where the scene placed it:
// its kind by colour and shape, a response hollow, a rejection crossed; then
// the dropped ones dying away.
func (g *Game) drawMessageShapes() {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	r := s.Layout.MessageR()
	hl := s.HighlightedMessage()
	for _, m := range s.Placed {
		col := th.Messages[m.Kind]
		p.shape(m.Kind.Shape(), m.Pos, r, m.Msg.Response, col, th.Background, 1.8*u)
		if m.Msg.Reject {
			p.cross(m.Pos, r*0.55, 1.5*u, th.Bad)
		}
		if m.Msg.ID == s.Controller.Message || m.Msg.ID == hl {
			p.ring(m.Pos, r+5*u, 2*u, th.Accent)
		}
	}
	for _, b := range s.Drops.Bursts {
		age := s.BurstAge(b)
		fade := 1 - age
		p.ring(b.At, r*(1+2.5*age), 2*u*fade+0.5, scene.Fade(th.Messages[b.Kind], fade))
		p.cross(b.At, r*(0.7+0.8*age), 2.2*u, scene.Fade(th.Cut, fade))
	}
}

// drawMessageText labels each append with the number of entries it carries,
// and each snapshot with its size.
func (g *Game) drawMessageText() {
	s, p := g.scene, &g.paint
	th, u := s.Theme, s.Layout.Scale
	r := s.Layout.MessageR()
	for _, m := range s.Placed {
		if k := len(m.Msg.Entries); k > 0 && m.Kind == scene.KindApp {
			p.print(entryCount(k), m.Pos.Add(scene.Point{X: r + 2*u, Y: -r}), scene.FontTiny*u, th.Text, text.AlignStart, text.AlignCenter)
		}
		if m.Msg.Bytes > 0 && m.Kind == scene.KindSnap {
			p.print(scene.FormatBytes(m.Msg.Bytes), m.Pos.Add(scene.Point{X: r + 2*u, Y: -r}), scene.FontTiny*u, th.Text, text.AlignStart, text.AlignCenter)
		}
	}
}

// entryCounts holds "+1".."+9", the usual counts, so they are not formatted every frame.
var entryCounts = [...]string{"", "+1", "+2", "+3", "+4", "+5", "+6", "+7", "+8", "+9"}

func entryCount(k int) string {
	if k < len(entryCounts) {
		return entryCounts[k]
	}
	return "+" + strconv.Itoa(k)
}
