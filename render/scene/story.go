package scene

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// StoryView is what the story panel shows of the story being played.
type StoryView struct {
	Title string
	// Step is the current step, from 0, of Steps.
	Step, Steps int
	Caption     string
	// Done is set once the step has ended: the run waits for Next.
	Done bool
	Last bool
	// NextTitle is the title of the story the picker lists after this one,
	// which Next starts after the last step; "" after the last story.
	NextTitle string
	// Failures are the expectations of the ended step that did not hold.
	Failures []string
	// Question is what the step asks before it runs, or nil (question.go).
	Question *QuestionView
	// Script is set when the story is one of raft's interaction scripts:
	// the step's command and output (script.go).
	Script *ScriptView
}

// StoryEntry is one story the picker offers.
type StoryEntry struct{ Name, Title string }

// GameOp is a request that is not a simulator action: the story player's
// and the share link's commands, which the game carries out itself.
type GameOp struct {
	Cmd Command
	Arg int
}

// isGameOp tells the commands the game carries out itself.
func isGameOp(c Command) bool {
	switch c {
	case CmdStoryPick, CmdScriptPick, CmdScriptPaste, CmdStoryNext, CmdStoryBack, CmdStoryJump, CmdStoryAnswer, CmdTakeOver, CmdStoryEditor, CmdShare, CmdExperiment, CmdWelcomeClose, CmdRecord:
		return true
	}
	return isTimeOp(c)
}

// StoryPanel lays out the caption panel along the bottom of the stage: the
// story's title and step, the caption, how the ended step went, and buttons
// to go back, on, to any step, or to leave the story.
func (l *Layout) StoryPanel(v *StoryView, measure Measure) Panel {
	u := l.Scale
	width := math.Min(l.Stage.W-2*Pad*u, 760*u)
	if !l.StorySide.Empty() {
		width = l.StorySide.W
	}
	// A narrow panel (a small embed's side column) shortens the story's
	// title, never the step it is at.
	step := fmt.Sprintf(" — step %d of %d", v.Step+1, v.Steps)
	p := Panel{Title: Fit(v.Title, width-2*Pad*u-measure(step, FontUI*u), FontUI*u, measure) + step}
	asking := v.Question.Asking(v.Done)
	switch {
	case v.Script != nil:
		p.Lines = l.scriptLines(v, width-2*Pad*u, measure)
	case !asking:
		// A caption tells what the step does: shown with the question, it
		// would give the answer away.
		p.Lines = Wrap(v.Caption, width-2*Pad*u, FontUI*u, measure)
	}
	if v.Question != nil {
		p.Lines = append(p.Lines, v.Question.lines(v.Done, width-2*Pad*u, u, measure)...)
	}
	switch {
	case asking, v.Script != nil:
		// The question's own line says what to do; a script's step
		// says how it compares with the script.
	case !v.Done:
		p.Lines = append(p.Lines, "… playing this step")
	case len(v.Failures) == 0 && v.Last:
		p.Lines = append(p.Lines, Wrap(v.ending(), width-2*Pad*u, FontUI*u, measure)...)
	case len(v.Failures) == 0:
		p.Lines = append(p.Lines, Wrap("Everything this step claims held. Next goes on.", width-2*Pad*u, FontUI*u, measure)...)
	default:
		for _, f := range v.Failures {
			p.Lines = append(p.Lines, Wrap("Did not hold: "+f, width-2*Pad*u, FontUI*u, measure)...)
		}
	}
	if asking {
		// The choices take the row: the steps' digits answer now.
		p.Buttons = append(v.Question.choiceButtons(), Button{Cmd: CmdStoryBack, Label: "Back", Key: "b", Disabled: v.Step == 0})
	} else {
		p.Buttons = append(p.Buttons,
			Button{Cmd: CmdStoryBack, Label: "Back", Key: "b", Disabled: v.Step == 0},
			v.nextButton(),
		)
		for i := 0; i < v.Steps; i++ {
			p.Buttons = append(p.Buttons, Button{Cmd: CmdStoryJump, Label: fmt.Sprint(i + 1), Arg: i, Disabled: i == v.Step})
		}
	}
	p.Buttons = append(p.Buttons, Button{Cmd: CmdTakeOver, Label: "Take over", Key: "x"})
	laid := l.placeStoryPanel(p, width, measure)
	if last := laid.Buttons[len(laid.Buttons)-1].Rect; last.Right() > laid.Rect.Right()-Pad*u {
		// Too narrow for a button per step (a phone): Back, Next and Take
		// over stay whole; the title still says which step this is.
		p.Buttons = slices.DeleteFunc(p.Buttons, func(b Button) bool { return b.Cmd == CmdStoryJump })
		laid = l.placeStoryPanel(p, width, measure)
	}
	return laid
}

// placeStoryPanel sizes the story panel p, at least width wide, and puts it
// at the bottom of the stage.
func (l *Layout) placeStoryPanel(p Panel, width float64, measure Measure) Panel {
	p.Buttons = slices.Clone(p.Buttons)
	p = l.boxPanel(p, Point{l.Stage.Center().X, 0}, 0.5, measure)
	// As wide as its text, within the stage: the side panels beside it
	// stay uncovered (a button row too long gives way, see StoryPanel).
	p.Rect.W = math.Min(math.Max(p.Rect.W, width), l.Stage.W-Pad*l.Scale)
	p.Rect.X = l.Stage.Center().X - p.Rect.W/2
	p.Rect.Y = l.Stage.Bottom() - p.Rect.H - Pad*l.Scale/2
	if side := l.StorySide; !side.Empty() {
		p.Rect.X, p.Rect.Y, p.Rect.W = side.X, side.Y, side.W
	}
	if l.storyFoot {
		p.Rect.H = math.Max(p.Rect.H, l.StorySide.H)
	}
	return l.reflow(p)
}

// ending is what the last step says once it has ended.
func (v *StoryView) ending() string {
	if v.NextTitle == "" {
		return "The story is over: Take over to keep playing, or pick another with Stories."
	}
	return fmt.Sprintf("The story is over: Take over to keep playing, or Next story: %s.", v.NextTitle)
}

// nextButton goes on to the next step, or after the last to the next story.
func (v *StoryView) nextButton() Button {
	if v.Last && v.NextTitle != "" {
		return Button{Cmd: CmdStoryNext, Label: "Next story", Key: "n", Disabled: !v.Done}
	}
	return Button{Cmd: CmdStoryNext, Label: "Next", Key: "n", Disabled: !v.Done || v.Last}
}

// Waiting says what the clock does while the story waits: nothing between
// steps until Next, and nothing after the last until Take over; "" while a
// step plays (or no story is played).
func (v *StoryView) Waiting() string {
	switch {
	case v == nil || !v.Done:
		return ""
	case v.Last && v.Script != nil:
		return "script finished — Take over to go on by hand"
	case v.Last:
		return "story finished — Take over to keep playing"
	}
	return "waiting for Next"
}

// storyLines is how many lines of text the room kept for the story panel
// holds: its title, a caption of three lines and how the step went.
const storyLines = 5

// StoryPanelHeight is the room kept at the bottom of the stage for the story
// panel; a longer caption still shows, over the ring's lower edge.
func StoryPanelHeight(u float64) float64 {
	return (FontUI*LineH*storyLines + 3*Pad + buttonH) * u
}

// StoryPicker lays out the list of stories as a menu in the stage's
// top-left corner, and when there are scripts an item that opens their
// picker.
func (l *Layout) StoryPicker(stories []StoryEntry, scripts int, measure Measure) Panel {
	u := l.Scale
	p := Panel{Title: "Stories: pick one to play step by step", Menu: true}
	w := measure(p.Title, FontUI*u)
	for i, st := range stories {
		label := fmt.Sprintf("%s  (%s)", st.Title, st.Name)
		w = math.Max(w, ButtonWidth(label, "", "", u, measure))
		p.Buttons = append(p.Buttons, Button{Cmd: CmdStoryPick, Label: label, Arg: i})
	}
	if scripts > 0 {
		label := fmt.Sprintf("raft's own interaction scripts (%d) …", scripts)
		w = math.Max(w, ButtonWidth(label, "", "", u, measure))
		p.Buttons = append(p.Buttons, Button{Cmd: CmdScripts, Label: label})
	}
	// Last, where a teacher looks after the built-in stories.
	write := Button{Cmd: CmdStoryEditor, Label: "Write your own story…", Key: "#"}
	w = math.Max(w, ButtonWidth(write.Label, "", write.Key, u, measure))
	p.Buttons = append(p.Buttons, write)
	p.Rect = Rect{l.Stage.X + Pad*u, l.HUD.Bottom(), w + 2*Pad*u, l.menuHeight(len(p.Buttons)) + 2*Pad*u}
	return l.stackMenu(p, w, measure)
}

// Wrap breaks text into lines no wider than width at the font size.
func Wrap(text string, width, size float64, measure Measure) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		next := word
		if line != "" {
			next = line + " " + word
		}
		if line != "" && measure(next, size) > width {
			lines = append(lines, line)
			next = word
		}
		line = next
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
