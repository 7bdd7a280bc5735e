package scene

import (
	"math"
	"strings"

	"raftplay/raftsim"
)

// Gloss is one word the picture uses and what it means, in a plain sentence.
type Gloss struct{ Word, Means string }

// Glossary holds the words a newcomer meets on screen without a word of
// explanation: a hover (or a tap) on where they appear shows them.
var Glossary = []Gloss{
	{"term", "An election's number: each election starts a new term, and a node that hears of a higher term steps down to follower."},
	{"commit", "An entry is committed once a majority of the voters have it on disk: it can never be lost, so every node then applies it."},
	{"invariants", "The safety promises Raft makes (one leader per term, committed entries never lost or changed), checked after every event."},
	{"linearizable", "Every read and write looks as if it happened at one instant between its request and its answer: no read sees a value already replaced."},
	{"probe/replicate", "How the leader sends to a follower: in probe one append at a time until their logs agree, in replicate a stream of appends."},
	{"pre-vote", "Before a real election a node asks whether it could win, so a node cut off from the others does not disturb them when it returns."},
	{"learner", "A node that receives the log like a follower but neither votes nor counts towards a majority, until it is promoted."},
}

// glossFor returns the glossary's entries for words, in the glossary's order.
func glossFor(words ...string) []Gloss {
	var out []Gloss
	for _, g := range Glossary {
		for _, w := range words {
			if g.Word == w {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// wordsAt returns the words shown at p that the glossary explains: a node's
// caption (its term, the leader's view of it, a pre-vote, a learner), the
// HUD's invariants and linearizability, the log panel's commits.
func (s *Scene) wordsAt(p Point) []Gloss {
	l := &s.Layout
	if l.Captions {
		for _, id := range l.NodeIDs {
			if !l.CaptionRect(id).Contains(p) {
				continue
			}
			n := s.Snap.Node(id)
			words := []string{"term"}
			if v := LeaderView(s.Snap, id); strings.HasPrefix(v, "probe") || strings.HasPrefix(v, "replicate") {
				words = append(words, "probe/replicate")
			}
			if n.Role == raftsim.RolePreCandidate {
				words = append(words, "pre-vote")
			}
			if IsLearner(n) {
				words = append(words, "learner")
			}
			return glossFor(words...)
		}
	}
	inv, _ := l.HUDIcons()
	if l.HUDLines >= 3 {
		line := Rect{X: l.HUD.X, Y: l.HUD.Y + 2*l.HUDLineH(), W: l.HUD.W, H: l.HUDLineH()}
		if line.Contains(p) {
			return glossFor("invariants")
		}
	} else if r := l.HUDIconR(); p.Sub(inv).Len() <= 2*r {
		return glossFor("invariants")
	}
	if s.ClientsHUD.Hit.Contains(p) {
		return glossFor("linearizable")
	}
	// The strips' ends, where each says its commit index.
	if l.Logs.Contains(p) && p.X >= l.LogGeom(s.frame.measure).InfoX {
		return glossFor("commit")
	}
	return nil
}

// glossPanel is the explanation of the words under the pointer: drawn over
// the open panels, it takes no clicks.
type glossPanel struct {
	// on is set while there is an explanation to show.
	on bool
}

func (*glossPanel) placeName() string { return "" }

func (*glossPanel) floats() {}

// layGloss lays the explanation out again for where the pointer is now.
func (s *Scene) layGloss() {
	if p, on := panelOf[*glossPanel](s).lay(s); on {
		*laidOf[*glossPanel](s) = p
	}
}

// lay lays out the explanation of the words under the pointer, just below
// it, or nothing while a button is held, a panel or button is under it, or
// a node's or a message's menu is open (a tap on a caption opens the node's
// menu, which the explanation would cover).
func (gp *glossPanel) lay(s *Scene) (Panel, bool) {
	gp.on = false
	if s.Snap == nil || s.down || s.Controller.Help || s.Controller.Selected != 0 || s.Controller.Message != 0 {
		return Panel{}, false
	}
	if h := s.HitTest(s.Pointer); h.Kind == HitButton || h.Kind == HitPanel {
		return Panel{}, false
	}
	words := s.wordsAt(s.Pointer)
	if len(words) == 0 {
		return Panel{}, false
	}
	u := s.Layout.Scale
	width := math.Min(360*u, s.Layout.W-6*Pad*u)
	p := Panel{Title: "In plain words"}
	for _, g := range words {
		p.Lines = append(p.Lines, Wrap(g.Word+": "+g.Means, width, FontUI*u, s.frame.measure)...)
	}
	gp.on = true
	return s.Layout.boxPanel(p, s.Pointer.Add(Point{Y: 18 * u}), 0.5, s.frame.measure), true
}

// Gloss returns the explanation of the words under the pointer, while there
// is one; it is drawn over the panels and takes no clicks.
func (s *Scene) Gloss() (*Panel, bool) { return laidOf[*glossPanel](s), panelOf[*glossPanel](s).on }
