package scene

import (
	"fmt"
	"math"
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
	// Failures are the expectations of the ended step that did not hold.
	Failures []string
	// Question is what the step asks before it runs, or nil (question.go).
	Question *QuestionView
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
	case CmdStoryPick, CmdStoryNext, CmdStoryBack, CmdStoryJump, CmdStoryAnswer, CmdTakeOver, CmdShare, CmdExperiment, CmdRecord:
		return true
	}
	return isTimeOp(c)
}

// StoryPanel lays out the caption panel along the bottom of the stage: the
// story's title and step, the caption, how the ended step went, and buttons
// to go back, on, to any step, or to leave the story.
func (l *Layout) StoryPanel(v *StoryView, measure Measure) Panel {
	u := l.U
	p := Panel{Title: fmt.Sprintf("%s — step %d of %d", v.Title, v.Step+1, v.Steps)}
	width := math.Min(l.Stage.W-2*Pad*u, 760*u)
	asking := v.Question.Asking(v.Done)
	if !asking {
		// A caption tells what the step does: shown with the question, it
		// would give the answer away.
		p.Lines = Wrap(v.Caption, width-2*Pad*u, FontUI*u, measure)
	}
	if v.Question != nil {
		p.Lines = append(p.Lines, v.Question.lines(v.Done, width-2*Pad*u, u, measure)...)
	}
	switch {
	case asking:
		// The question's own line says what to do.
	case !v.Done:
		p.Lines = append(p.Lines, "… playing this step")
	case len(v.Failures) == 0:
		p.Lines = append(p.Lines, "Everything this step claims held. Next goes on.")
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
			Button{Cmd: CmdStoryNext, Label: "Next", Key: "n", Disabled: !v.Done || v.Last},
		)
		for i := 0; i < v.Steps; i++ {
			p.Buttons = append(p.Buttons, Button{Cmd: CmdStoryJump, Label: fmt.Sprint(i + 1), Arg: i, Disabled: i == v.Step})
		}
	}
	p.Buttons = append(p.Buttons, Button{Cmd: CmdTakeOver, Label: "Take over", Key: "x"})
	p = l.boxPanel(p, Point{l.Stage.Center().X, 0}, 0.5, measure)
	p.Rect.W = math.Max(p.Rect.W, width)
	p.Rect.X = l.Stage.Center().X - p.Rect.W/2
	p.Rect.Y = l.Stage.Bottom() - p.Rect.H - Pad*u/2
	return l.reflow(p)
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
// top-left corner.
func (l *Layout) StoryPicker(stories []StoryEntry, measure Measure) Panel {
	u := l.U
	p := Panel{Title: "Stories: pick one to play step by step", Menu: true}
	w := measure(p.Title, FontUI*u)
	for i, st := range stories {
		label := fmt.Sprintf("%s  (%s)", st.Title, st.Name)
		w = math.Max(w, ButtonWidth(label, "", "", u, measure))
		p.Buttons = append(p.Buttons, Button{Cmd: CmdStoryPick, Label: label, Arg: i})
	}
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
