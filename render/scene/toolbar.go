package scene

import (
	"math"

	"raftplay/raftsim"
)

// Controls says how many buttons the toolbar shows; the keys work either way.
type Controls int

// The toolbar variants.
const (
	ControlsFull Controls = iota
	ControlsMinimal
)

// ControlsNamed returns the toolbar variant called name ("full" or "minimal").
func ControlsNamed(name string) (Controls, bool) {
	switch name {
	case "full":
		return ControlsFull, true
	case "minimal":
		return ControlsMinimal, true
	}
	return ControlsFull, false
}

// Button is one labelled control on the toolbar or a panel.
type Button struct {
	Cmd   Command
	Label string
	// Alt replaces Label while what it names is the next thing the button
	// does: Play while paused.
	Alt string
	// Key is the keyboard shortcut, shown beside the label.
	Key  string
	Rect Rect
	// Disabled buttons are drawn greyed and do not take clicks.
	Disabled bool
	// Arg is what the button's command applies to: a story, a step.
	Arg int
	// Op is the simulator's action of a CmdNodeAction button.
	Op raftsim.ActionOp
}

type toolSpec struct {
	cmd             Command
	label, alt, key string
}

var fullToolbar = []toolSpec{
	{CmdPlayPause, "Pause", "Play", "space"},
	{CmdStep, "Step", "", "."},
	{CmdSlower, "Slower", "", "-"},
	{CmdFaster, "Faster", "", "="},
	{CmdWrite, "Write", "", "w"},
	{CmdConsole, "Console", "", "e"},
	{CmdStress, "Stress", "", "s"},
	{CmdPartition, "Partition", "", "p"},
	{CmdHeal, "Heal", "", "h"},
	{CmdKillAll, "Kill all", "", "k"},
	{CmdRestartAll, "Restart all", "", "a"},
	{CmdReset, "Reset", "", "r"},
	{CmdStories, "Stories", "", "g"},
	{CmdMembers, "Members", "", "q"},
	{CmdSettings, "Settings", "", "o"},
	{CmdExperiment, "Experiment", "", "z"},
	{CmdShare, "Copy link", "", "y"},
	{CmdManual, "Manual", "", "/"},
	{CmdHelp, "Help", "", "?"},
}

var minimalToolbar = []toolSpec{
	{CmdPlayPause, "Pause", "Play", "space"},
	{CmdStep, "Step", "", "."},
	{CmdWrite, "Write", "", "w"},
	{CmdHeal, "Heal", "", "h"},
	{CmdHelp, "Help", "", "?"},
}

// shortToolbar is a short screen's (a 640×400 embed's) given full
// controls: the minimal one and Stories, where the story picker offers to
// write one too.
var shortToolbar = append(minimalToolbar[:len(minimalToolbar)-1:len(minimalToolbar)-1],
	toolSpec{CmdStories, "Stories", "", "g"}, minimalToolbar[len(minimalToolbar)-1])

// shortToolbarW is the least width, in CSS pixels, a short screen's
// toolbar takes Stories at: narrower, it would take a second row from the
// ring.
const shortToolbarW = 560

// panelsButton opens and closes the side panels on a screen too small to
// show them beside the ring.
var panelsButton = toolSpec{CmdPanels, "Logs", "", ""}

// maxHintedRows is how many rows of buttons the toolbar may take with key
// hints; past it the hints give way (the help lists the keys) before the
// ring loses another row of room.
const maxHintedRows = 2

// layToolbar places the buttons left to right, wrapping onto more rows when
// the screen is narrow; with key hints when hints is set and there is room.
func (l *Layout) layToolbar(specs []toolSpec, hints bool, measure Measure) {
	defer l.addRecordButton(measure)
	hints = hints && !l.Compact
	l.flowToolbar(specs, hints, measure)
	if !hints || l.toolbarRows() <= maxHintedRows {
		return
	}
	hinted := l.Buttons
	if l.flowToolbar(specs, false, measure); l.toolbarRows() >= rowsOf(hinted) {
		l.flowToolbar(specs, true, measure)
	}
}

// toolbarRows is how many rows the toolbar's buttons take.
func (l *Layout) toolbarRows() int { return rowsOf(l.Buttons) }

// rowsOf counts the rows of a toolbar's buttons, laid out in reading order.
func rowsOf(buttons []Button) int {
	if len(buttons) == 0 {
		return 0
	}
	rows := 1
	for i := 1; i < len(buttons); i++ {
		if buttons[i].Rect.Y > buttons[i-1].Rect.Y {
			rows++
		}
	}
	return rows
}

// flowToolbar places the buttons, with or without their key hints.
func (l *Layout) flowToolbar(specs []toolSpec, hints bool, measure Measure) {
	u := l.Scale
	x, y := Pad*u, Pad*u
	l.Buttons = make([]Button, 0, len(specs)+1)
	if l.Folded {
		specs = append(specs[:len(specs):len(specs)], panelsButton)
	}
	for _, s := range specs {
		if l.Compact && compactOmits[s.cmd] {
			continue
		}
		if !hints {
			s.key = ""
		}
		bw := l.buttonW(s.label, s.alt, s.key, measure)
		if x > Pad*u && x+bw > l.W-Pad*u {
			x, y = Pad*u, y+l.btnH()+buttonGap*u
		}
		l.Buttons = append(l.Buttons, Button{Cmd: s.cmd, Label: s.label, Alt: s.alt, Key: s.key, Rect: Rect{x, y, bw, l.btnH()}})
		x += bw + buttonGap*u
	}
	l.Toolbar = Rect{0, 0, l.W, y + l.btnH() + Pad/2*u}
}

// ButtonWidth is the width of a button wide enough for either label and the key hint.
func ButtonWidth(label, alt, key string, u float64, measure Measure) float64 {
	tw := math.Max(measure(label, FontUI*u), measure(alt, FontUI*u))
	if key != "" {
		tw += 6*u + measure(key, FontSmall*u)
	}
	return math.Ceil(tw + 2*buttonPadX*u)
}
