package scene

import "math"

// firstStory is the story the welcome points a newcomer to.
const firstStory = "election"

// ShowWelcome shows, on a first visit, a line that points a newcomer to the
// stories, with a button that starts the first one and one that closes the
// line; either closes it for good (the game remembers that).
func (s *Scene) ShowWelcome() {
	panelOf[*welcomePanel](s).open = true
	s.layPanels()
}

// CloseWelcome closes the welcome.
func (s *Scene) CloseWelcome() {
	panelOf[*welcomePanel](s).open = false
	s.layPanels()
}

// WelcomeOpen reports whether the welcome is shown.
func (s *Scene) WelcomeOpen() bool { return panelOf[*welcomePanel](s).open }

// welcomePanel is the welcome in the stage's top right corner, clear of
// the HUD's first lines, while no story plays.
type welcomePanel struct {
	// open is set from ShowWelcome until the welcome is closed.
	open bool
}

func (*welcomePanel) placeName() string { return "welcome" }

func (w *welcomePanel) lay(s *Scene) (Panel, bool) {
	if !w.open || s.Story != nil {
		return Panel{}, false
	}
	pick := -1
	title := "Leader election"
	for i, e := range panelOf[*pickerPanel](s).stories {
		if e.Name == firstStory {
			pick, title = i, e.Title
		}
	}
	if pick < 0 {
		return Panel{}, false
	}
	l, u := &s.Layout, s.Layout.Scale
	p := Panel{Title: "New to Raft? Start with " + title + "."}
	p.Lines = Wrap("A story shows it a step at a time; Stories (g) has more.", math.Min(320*u, l.Stage.W-4*Pad*u), FontUI*u, s.frame.measure)
	p.Buttons = []Button{
		{Cmd: CmdStoryPick, Label: title, Arg: pick},
		{Cmd: CmdWelcomeClose, Label: "Not now"},
	}
	at := Point{X: l.Stage.Right() - Pad*u, Y: l.HUD.Y}
	if l.HUDLines == 1 {
		at.Y = l.HUD.Bottom() + Pad*u/2
	}
	return l.boxPanel(p, at, 1, s.frame.measure), true
}
