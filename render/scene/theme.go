package scene

import (
	"image/color"

	"raftplay/raftsim"
)

// Theme is a palette: every colour the playground draws with.
type Theme struct {
	Name string

	Background, Panel, PanelBorder color.RGBA
	Text, Muted, OnFill            color.RGBA
	Link, Cut, Accent              color.RGBA
	Good, Bad                      color.RGBA
	Button, ButtonHover, ButtonOn  color.RGBA
	// Shade darkens the picture behind the help overlay.
	Shade color.RGBA
	// Warn marks a fault that is injected but has done no harm yet: a
	// lying disk.
	Warn color.RGBA

	Follower, PreCandidate, Candidate, Leader, Down color.RGBA

	// Terms colours log entries and messages' terms; term t uses
	// Terms[t%len(Terms)], so neighbouring terms always differ.
	Terms []color.RGBA
	// Groups tints the partition groups, in Snapshot.Partition order.
	Groups []color.RGBA
	// Messages colours each kind of message, indexed by MsgKind.
	Messages [msgKinds]color.RGBA
}

func rgb(hex uint32) color.RGBA {
	return color.RGBA{uint8(hex >> 16), uint8(hex >> 8), uint8(hex), 0xff}
}

// Dark is the theme for dark surroundings.
var Dark = Theme{
	Name:       "dark",
	Background: rgb(0x101418), Panel: rgb(0x171d24), PanelBorder: rgb(0x2b333d),
	Text: rgb(0xe6e9ed), Muted: rgb(0x8a95a2), OnFill: rgb(0xffffff),
	Link: rgb(0x262e37), Cut: rgb(0xef5350), Accent: rgb(0x7aa7ff),
	Good: rgb(0x4cc38a), Bad: rgb(0xff6b6b), Warn: rgb(0xf2b33d),
	Button: rgb(0x212932), ButtonHover: rgb(0x2d3742), ButtonOn: rgb(0x2f4d7a),
	Shade:    color.RGBA{0, 0, 0, 0xa0},
	Follower: rgb(0x5a8fd8), PreCandidate: rgb(0xc9a227), Candidate: rgb(0xe5793a), Leader: rgb(0x3fb27f), Down: rgb(0x454d57),
	Terms: []color.RGBA{
		rgb(0x9b8cff), rgb(0x6aa0ff), rgb(0xf08c4a), rgb(0x52c49a),
		rgb(0xd46ccf), rgb(0xe8c547), rgb(0x4fc1d8), rgb(0xf06a7a),
	},
	Groups: []color.RGBA{rgb(0x6aa0ff), rgb(0xf0a04a), rgb(0xc77dff), rgb(0x52c49a)},
	Messages: [msgKinds]color.RGBA{
		KindApp: rgb(0x5b9bff), KindHeartbeat: rgb(0xe86aa6), KindVote: rgb(0xf5924a),
		KindPreVote: rgb(0xe0c23a), KindSnap: rgb(0x2ec4bd), KindProp: rgb(0x56c86e),
		KindTimeoutNow: rgb(0xff5a5a), KindOther: rgb(0x9aa3ad),
	},
}

// Light is the theme for light surroundings.
var Light = Theme{
	Name:       "light",
	Background: rgb(0xf6f7f9), Panel: rgb(0xffffff), PanelBorder: rgb(0xd5dae1),
	Text: rgb(0x1b1f24), Muted: rgb(0x66707c), OnFill: rgb(0xffffff),
	Link: rgb(0xdde2e8), Cut: rgb(0xd32f2f), Accent: rgb(0x2563eb),
	Good: rgb(0x1e8a52), Bad: rgb(0xc62828), Warn: rgb(0xb7740f),
	Button: rgb(0xe9edf2), ButtonHover: rgb(0xdce3eb), ButtonOn: rgb(0xbfd3f5),
	Shade:    color.RGBA{0x10, 0x14, 0x18, 0x80},
	Follower: rgb(0x3b73c4), PreCandidate: rgb(0xa88300), Candidate: rgb(0xd2601c), Leader: rgb(0x1f9457), Down: rgb(0xb3bac3),
	Terms: []color.RGBA{
		rgb(0x7b61ff), rgb(0x2f6fdb), rgb(0xdd6b20), rgb(0x1f9d72),
		rgb(0xb83fb3), rgb(0xb89400), rgb(0x1697b0), rgb(0xd43d55),
	},
	Groups: []color.RGBA{rgb(0x2f6fdb), rgb(0xdd7a12), rgb(0x9b4fd6), rgb(0x1f9d72)},
	Messages: [msgKinds]color.RGBA{
		KindApp: rgb(0x1f63d6), KindHeartbeat: rgb(0xc2306f), KindVote: rgb(0xd8661a),
		KindPreVote: rgb(0xa88500), KindSnap: rgb(0x0f8f8a), KindProp: rgb(0x23883d),
		KindTimeoutNow: rgb(0xc62828), KindOther: rgb(0x6b7480),
	},
}

// ThemeNamed returns the theme called name: "light", "dark", "colorblind"
// or "colorblind-dark".
func ThemeNamed(name string) (*Theme, bool) {
	for _, t := range []*Theme{&Light, &Dark, &Colorblind, &ColorblindDark} {
		if t.Name == name {
			return t, true
		}
	}
	return nil, false
}

// Role returns the colour of a node role; a node that is down or unknown is
// drawn in the Down colour.
func (t *Theme) Role(role raftsim.Role) color.RGBA {
	switch role {
	case raftsim.RoleFollower:
		return t.Follower
	case raftsim.RolePreCandidate:
		return t.PreCandidate
	case raftsim.RoleCandidate:
		return t.Candidate
	case raftsim.RoleLeader:
		return t.Leader
	}
	return t.Down
}

// Term returns the colour of a term.
func (t *Theme) Term(term uint64) color.RGBA { return t.Terms[term%uint64(len(t.Terms))] }

// Group returns the tint of the i-th partition group.
func (t *Theme) Group(i int) color.RGBA { return t.Groups[i%len(t.Groups)] }

// Fade returns c with its opacity multiplied by a (0 to 1), premultiplied as
// Ebiten expects.
func Fade(c color.RGBA, a float64) color.RGBA {
	a = clamp01(a)
	return color.RGBA{uint8(float64(c.R) * a), uint8(float64(c.G) * a), uint8(float64(c.B) * a), uint8(float64(c.A) * a)}
}

func clamp01(x float64) float64 {
	switch {
	case x < 0:
		return 0
	case x > 1:
		return 1
	}
	return x
}
