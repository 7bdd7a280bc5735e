package scene

import (
	"fmt"
	"math"
	"strings"
)

// ScriptView is what the story panel shows of a step of one of raft's
// interaction scripts: its command and what the command printed.
type ScriptView struct {
	// Command is the step's command line and its input lines.
	Command string
	// Output is what the command printed, in the scripts' format.
	Output string
	// Check is "" when raft's own lines of the output are those the script
	// expects, or the first that differs, in words.
	Check string
}

// scriptPanelRows is how many lines of text the panel holds below the
// ring, whatever the step prints, so the ring keeps its place from step to
// step; beside the ring it takes the whole column.
const scriptPanelRows = 8

// scriptPanelShare is the most of the stage's height the panel takes below
// the ring: on a short stage it holds fewer rows, and the ring stays.
const scriptPanelShare = 0.5

// scriptLines are the story panel's lines for a script's step: the
// caption, the command, as much of its output as the panel has rows for
// (each line cut to the width), and how it compares with the script. The
// console holds the whole output.
func (l *Layout) scriptLines(v *StoryView, width float64, measure Measure) []string {
	u := l.Scale
	size := FontUI * u
	lines := Wrap(v.Caption, width, size, measure)
	for i, c := range strings.Split(v.Script.Command, "\n") {
		prefix := "$ "
		if i > 0 {
			prefix = "  "
		}
		lines = append(lines, Fit(prefix+c, width, size, measure))
	}
	check := Wrap("raft's own lines are the ones the script expects.", width, size, measure)
	if v.Script.Check != "" {
		check = Wrap("Not as the script: "+v.Script.Check, width, size, measure)
	}
	out := strings.Split(strings.TrimRight(v.Script.Output, "\n"), "\n")
	rows := l.scriptRows() - len(lines) - len(check)
	if len(out) > rows {
		more := len(out) - (rows - 1)
		out = append(out[:max(rows-1, 0)], fmt.Sprintf("… %d more lines in the console (e)", more))
	}
	for _, o := range out {
		lines = append(lines, Fit("  "+o, width, size, measure))
	}
	for len(lines)+len(check) < l.scriptRows() {
		lines = append(lines, "") // the panel keeps its height
	}
	return append(lines, check...)
}

// scriptRows is how many lines of text the story panel holds for a
// script's step: scriptPanelRows below the ring, fewer on a short stage,
// or as many as the column beside the ring has room for.
func (l *Layout) scriptRows() int {
	u := l.Scale
	lineH := FontUI * u * LineH
	rows := func(h float64) int { return max(int(math.Floor((h-lineH-3*Pad*u-l.btnH())/lineH)), 4) }
	if !l.StorySide.Empty() && !l.storyFoot {
		// A column's height is the room it has; under a phone's ring
		// (storyOverFoot) it is the panel's own, which these rows size.
		return rows(l.StorySide.H)
	}
	return min(scriptPanelRows, rows(scriptPanelShare*l.Stage.H))
}

// ScriptPicker lays out raft's scripts as a menu in the stage's top-left
// corner, in columns when they are many, and last an item to paste one.
func (l *Layout) ScriptPicker(names []string, measure Measure) Panel {
	u := l.Scale
	p := Panel{Title: "raft's interaction scripts (raft v3.7.0's testdata): pick one", Menu: true}
	paste := "Paste a script …"
	w := ButtonWidth(paste, "", "", u, measure)
	for i, name := range names {
		w = math.Max(w, ButtonWidth(name, "", "", u, measure))
		p.Buttons = append(p.Buttons, Button{Cmd: CmdScriptPick, Label: name, Arg: i})
	}
	p.Buttons = append(p.Buttons, Button{Cmd: CmdScriptPaste, Label: paste})
	p.Rect = Rect{l.Stage.X + Pad*u, l.HUD.Bottom(), w + 2*Pad*u, l.menuHeight(len(p.Buttons)) + 2*Pad*u}
	return l.stackMenu(p, w, measure)
}

// printedStep is a script's step as the console printed it.
type printedStep struct {
	title string
	step  int
	view  ScriptView
}

// printScript writes a script's step into the console's transcript when
// the story panel comes to it: its command and its whole output, which the
// panel may have cut short.
func (s *Scene) printScript(v *StoryView) {
	sp := panelOf[*storyPanel](s)
	if v == nil || v.Script == nil {
		sp.printed = printedStep{}
		return
	}
	now := printedStep{title: v.Title, step: v.Step, view: *v.Script}
	if now == sp.printed {
		return
	}
	sp.printed = now
	t := &s.Console.Transcript
	t.Follow()
	for i, c := range strings.Split(v.Script.Command, "\n") {
		if i == 0 {
			c = fmt.Sprintf("$ %s (step %d of %d) %s", v.Title, v.Step+1, v.Steps, c)
		}
		t.add(ConsoleLine{Text: c, Kind: LineCommand})
	}
	for o := range strings.SplitSeq(strings.TrimRight(v.Script.Output, "\n"), "\n") {
		t.add(ConsoleLine{Text: o, Kind: LineAnswer})
	}
	if v.Script.Check != "" {
		t.add(ConsoleLine{Text: "not as the script: " + v.Script.Check, Kind: LineError})
	}
}
