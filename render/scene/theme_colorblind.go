package scene

import "image/color"

// The Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008):
// eight colours that people with each common colour-vision deficiency still
// tell apart.
const (
	okabeBlack      = 0x000000
	okabeOrange     = 0xe69f00
	okabeSkyBlue    = 0x56b4e9
	okabeGreen      = 0x009e73 // bluish green
	okabeYellow     = 0xf0e442
	okabeBlue       = 0x0072b2
	okabeVermillion = 0xd55e00
	okabePurple     = 0xcc79a7 // reddish purple
)

// Colorblind is the light theme with roles, terms, message kinds and
// partition groups in Okabe-Ito hues. Colour is never the only cue: each
// node's role is written beside it, and each message kind has its shape.
var Colorblind = withOkabeIto(Light, "colorblind", rgb(okabeBlack), rgb(0x6b7078))

// ColorblindDark is Colorblind for dark surroundings.
var ColorblindDark = withOkabeIto(Dark, "colorblind-dark", rgb(0xe6e9ed), rgb(0x454d57))

// withOkabeIto returns base renamed, its meaningful colours from Okabe-Ito;
// ink is the palette's black where base's surroundings need another (white
// on dark), and down the colour of a node that is down.
func withOkabeIto(base Theme, name string, ink, down color.RGBA) Theme {
	t := base
	t.Name = name
	t.Follower, t.PreCandidate, t.Candidate, t.Leader, t.Down =
		rgb(okabeBlue), rgb(okabePurple), rgb(okabeVermillion), rgb(okabeGreen), down
	t.Terms = []color.RGBA{
		rgb(okabeBlue), rgb(okabeOrange), rgb(okabeSkyBlue), rgb(okabeVermillion),
		rgb(okabeGreen), rgb(okabePurple), rgb(okabeYellow), ink,
	}
	t.Groups = []color.RGBA{rgb(okabeBlue), rgb(okabeOrange), rgb(okabePurple), rgb(okabeGreen)}
	t.Messages = [msgKinds]color.RGBA{
		KindApp: rgb(okabeBlue), KindHeartbeat: rgb(okabePurple), KindVote: rgb(okabeVermillion),
		KindPreVote: rgb(okabeOrange), KindSnap: rgb(okabeSkyBlue), KindProp: rgb(okabeGreen),
		KindTimeoutNow: rgb(okabeYellow), KindOther: ink,
	}
	t.Good, t.Bad, t.Cut, t.Warn = rgb(okabeGreen), rgb(okabeVermillion), rgb(okabeVermillion), rgb(okabeOrange)
	return t
}
