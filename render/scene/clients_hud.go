package scene

import (
	"fmt"
	"math"

	"raftplay/raftsim"
)

// VerdictState is how the linearizability check stands.
type VerdictState uint8

// The verdict's states.
const (
	// VerdictNone: no operation has been checked yet.
	VerdictNone VerdictState = iota
	VerdictOK
	VerdictBad
)

// ClientsHUD is the HUD's last line: the linearizability verdict, which a
// click opens, and the clients' load.
type ClientsHUD struct {
	Verdict string
	State   VerdictState
	Load    string
	// Icon is the centre of the verdict's icon and IconR its radius;
	// VerdictAt and LoadAt are the top-left corners of the two texts; Hit is
	// what takes a click on the verdict.
	Icon              Point
	IconR             float64
	VerdictAt, LoadAt Point
	Hit               Rect
}

// NewClientsHUD describes the clients of a snapshot.
func NewClientsHUD(c *raftsim.ClientsView) ClientsHUD {
	h := ClientsHUD{Load: loadText(c)}
	v := &c.Linearizable
	switch v.Status {
	case raftsim.StatusNotLinearizable:
		h.State, h.Verdict = VerdictBad, "NOT linearizable (click for why)"
	case raftsim.StatusLinearizable:
		h.State, h.Verdict = VerdictOK, fmt.Sprintf("linearizable (%s ops checked)", FormatCount(int64(v.Checked)))
	default:
		h.Verdict = "linearizability: nothing checked yet"
	}
	return h
}

// loadText says how many calls succeed a virtual second, and whether the
// stress writers run.
func loadText(c *raftsim.ClientsView) string {
	s := FormatCount(int64(c.OpsPerSec)) + " ops/s committed"
	if c.Stress {
		s = "stress on · " + s
	}
	return s
}

// placeClientsHUD puts the clients' line at the bottom of the HUD: the icon
// and the verdict where the invariants line has its own, then the load.
func (l *Layout) placeClientsHUD(h *ClientsHUD, measure Measure) {
	u := l.Scale
	size := FontUI * u
	lineH := l.HUDLineH()
	y := l.HUD.Y + float64(l.HUDLines-1)*lineH
	h.IconR = l.HUDIconR()
	_, h.Icon = l.HUDIcons()
	if l.HUDLines == 1 {
		// One line: the icon alone, at the right end, says the verdict.
		h.VerdictAt, h.LoadAt = h.Icon, h.Icon
		h.Hit = l.fingerWide(Rect{h.Icon.X - h.IconR, y, 2 * h.IconR, lineH})
		return
	}
	h.VerdictAt = Point{l.HUD.X + 2*h.IconR + 6*u, y}
	vw := measure(h.Verdict, size)
	h.LoadAt = Point{h.VerdictAt.X + vw + 18*u, y}
	h.Hit = l.fingerWide(Rect{l.HUD.X, y, h.VerdictAt.X + vw - l.HUD.X, lineH})
}

// VerdictPanel lays out the verdict's details under the HUD: what was
// checked, or for a history that is not linearizable the operations no order
// explains; the load and what the check costs; then, stacked as in a menu,
// the stress switch, buttons that add checking clients, and the console.
// Lease reads are raft's option, which a run sets for every node (its
// read_only knob): elsewhere their button is disabled.
func (l *Layout) VerdictPanel(c *raftsim.ClientsView, leaseReads bool, cost string, measure Measure) Panel {
	u := l.Scale
	size := FontUI * u
	p := Panel{Title: "Linearizability: " + string(c.Linearizable.Status), Lines: VerdictLines(c, cost), Menu: true}
	stress := "Stress writers on"
	if c.Stress {
		stress = "Stress writers off"
	}
	p.Buttons = []Button{{Cmd: CmdStress, Label: stress, Key: "s"}}
	if !c.Stress {
		// etcd's v3 API, which every etcd user has today; the console
		// speaks it by default, and the writers and clients may too.
		p.Buttons = append(p.Buttons, Button{Cmd: CmdStressV3, Label: "Stress writers on, v3 API"})
	}
	p.Buttons = append(p.Buttons, []Button{
		{Cmd: CmdClients, Label: "+3 checking clients, linearizable reads", Key: "v"},
		{Cmd: CmdClientsV3, Label: "+3 checking clients on the v3 API"},
		{Cmd: CmdClientsLease, Label: "+3 checking clients, lease reads (raft's option)", Disabled: !leaseReads},
		{Cmd: CmdClientsSerializable, Label: "+3 checking clients, serializable reads"},
		// The way in on a phone, whose toolbar has no room for Console.
		{Cmd: CmdConsole, Label: "etcdctl console", Key: "e"},
		{Cmd: CmdVerdict, Label: "Close", Key: "Esc"},
	}...)
	w := measure(p.Title, size)
	for _, line := range p.Lines {
		w = math.Max(w, measure(line, size))
	}
	for i := range p.Buttons {
		if l.Compact {
			p.Buttons[i].Key = ""
		}
		b := &p.Buttons[i]
		w = math.Max(w, ButtonWidth(b.Label, "", b.Key, u, measure))
	}
	w = math.Min(w, l.W-4*Pad*u)
	// On a narrow screen the lines wrap, unless that would push the
	// buttons off it; then drawing cuts them short instead.
	wrapped := make([]string, 0, len(p.Lines))
	for _, line := range p.Lines {
		if measure(line, size) <= w {
			wrapped = append(wrapped, line)
		} else {
			wrapped = append(wrapped, Wrap(line, w, size, measure)...)
		}
	}
	h := l.menuHeight(len(p.Buttons)) + size*LineH*float64(len(wrapped)) + (Pad*2.5)*u
	if h <= l.below().H {
		p.Lines = wrapped
	}
	// Lines that would push the buttons off the screen even unwrapped (a
	// long list of offending operations) are left out, and counted.
	room := int((l.below().H - l.menuHeight(len(p.Buttons)) - (Pad*2.5)*u) / (size * LineH))
	if n := len(p.Lines); n > room && room >= 1 {
		p.Lines = append(p.Lines[:room-1:room-1], fmt.Sprintf("… and %d more lines", n-room+1))
	}
	linesH := size * LineH * float64(len(p.Lines))
	h = l.menuHeight(len(p.Buttons)) + linesH + Pad*u/2
	p.Rect = Rect{l.HUD.X - Pad*u/2, l.HUD.Bottom(), w + 2*Pad*u, h + 2*Pad*u}.clampInto(l.below())
	p.TitlePos = Point{p.Rect.X + Pad*u, p.Rect.Y + Pad*u}
	p.Body = Point{p.TitlePos.X, p.TitlePos.Y + size*LineH}
	y := p.Body.Y + linesH + Pad*u/2
	for i := range p.Buttons {
		p.Buttons[i].Rect = Rect{p.Body.X, y, w, l.itemH()}
		y += l.itemH() + menuGap*u
	}
	return p
}

// VerdictLines explains the verdict of c's clients: the offending operations
// of a history that is not linearizable, or what has been checked; then the
// load and what the check costs the frames that run it.
func VerdictLines(c *raftsim.ClientsView, cost string) []string {
	v := &c.Linearizable
	var lines []string
	switch v.Status {
	case raftsim.StatusNotLinearizable:
		lines = append(lines, v.Offending...)
	case raftsim.StatusLinearizable:
		lines = append(lines,
			fmt.Sprintf("%s of %s client operations checked: every key's", FormatCount(int64(v.Checked)), FormatCount(int64(c.Operations))),
			"history so far has an order that explains what clients saw.")
	default:
		lines = append(lines,
			"No client operation has been checked yet. Checking clients",
			"write, read and compare-and-swap a few keys; porcupine then",
			"checks that one order of their operations explains every answer.")
	}
	lines = append(lines, fmt.Sprintf("%d clients calling, %s", c.Workload, loadText(c)))
	if cost != "" {
		lines = append(lines, cost)
	}
	return lines
}
