package scene

import "math"

// helpFooter explains the picture's marks, under the keys.
var helpFooter = []string{
	"Messages: filled = request, hollow = response, crossed = rejected.",
	"A node's outer arc is the time left before its election timeout (j says it in words).",
	"Speed 0.03× runs 0.03 virtual ms per real ms: a 10 ms message takes 1/3 s.",
}

// helpPanel is the help, over everything while it is up: it takes every
// click (HitTest), and Tab goes through its buttons alone (Focusable).
type helpPanel struct{}

func (*helpPanel) placeName() string { return "" }

func (*helpPanel) floats() {}

func (*helpPanel) lay(s *Scene) (Panel, bool) {
	if !s.Controller.Help {
		return Panel{}, false
	}
	return s.Layout.HelpPanel(s.frame.measure, s.gestures()...), true
}

// Help returns the help overlay's panel while it is up.
func (s *Scene) Help() (*Panel, bool) { return laidOf[*helpPanel](s), s.Controller.Help }

// HelpPanel lays out the help overlay in the middle of the screen, with
// extra lines (the gestures, on a touch screen) before the keys. Lines too
// long for the screen wrap under their text, and where the screen is too
// low for every key (a phone) the last keys give way to a line saying so:
// a finger has the gestures, and nothing is cut off mid-sentence.
func (l *Layout) HelpPanel(measure Measure, gestures ...HelpLine) Panel {
	u := l.Scale
	size := FontUI * u
	p := Panel{Title: "raftplay: a playground of etcd's Raft. Keys and taps:"}
	keys := append(HelpLines[:len(HelpLines):len(HelpLines)], gestures...)
	if len(gestures) > 0 {
		p.Title = "raftplay, etcd's Raft: taps, then keys"
		keys = append(gestures[:len(gestures):len(gestures)], HelpLines...)
	}
	for _, h := range keys {
		p.KeyW = math.Max(p.KeyW, measure(h.Keys, size)+14*u)
	}
	// Every line is drawn right of the key column, keyed or not.
	inner := l.W - 4*Pad*u
	p.Title = Fit(p.Title, inner, size, measure)
	text := inner - p.KeyW
	var footer []string
	for _, line := range helpFooter {
		footer = append(footer, Wrap(line, text, size, measure)...)
	}
	room := int((l.below().H-2*Pad*u-l.btnH()-Pad*u)/(size*LineH)) - 1 - len(footer)
	for i, h := range keys {
		lines := Wrap(h.What, text, size, measure)
		if len(p.Lines)+len(lines) > room-1 && i < len(keys)-1 || len(p.Lines)+len(lines) > room {
			p.Keys = append(p.Keys, "")
			p.Lines = append(p.Lines, Fit("More keys on a larger screen.", text, size, measure))
			break
		}
		for j, line := range lines {
			key := h.Keys
			if j > 0 {
				key = ""
			}
			p.Keys = append(p.Keys, key)
			p.Lines = append(p.Lines, line)
		}
	}
	p.Lines = append(p.Lines, footer...)
	p.Keys = append(p.Keys, make([]string, len(footer))...)
	p.Buttons = []Button{{Cmd: CmdHelp, Label: "Close", Key: "Esc"}}
	p = l.boxPanel(p, l.below().Center(), 0.5, measure)
	p.Rect.Y = l.below().Center().Y - p.Rect.H/2
	return l.reflow(p)
}
