package scene

import "math"

// layStoryStage lays the screen out for a story with panels: the story's
// panel along the stage's foot, in a column beside the ring, or, on a
// small screen whose side panels are folded, over the side column that
// the story unfolds for its log strips, since its captions name the
// entries they show. Where that column has no room for the panel and the
// strips both, the screen stays as the user left it, and folds its side
// panels only where the panel would otherwise cover a node.
func (s *Scene) layStoryStage(panels PanelChoice) {
	panels.StoryRoom = StoryPanelHeight(s.frame.u)
	if panelOf[*storyPanel](s).unfolds && !panels.Open {
		unfolded := panels
		unfolded.Open = true
		s.Layout = NewLayoutWith(s.frame.w, s.frame.h, s.frame.u, s.nodes(), s.frame.controls, unfolded, s.frame.measure)
		s.reserveStory()
		if !s.Layout.Folded || s.Layout.StoryOverSide() {
			return
		}
	}
	s.Layout = NewLayoutWith(s.frame.w, s.frame.h, s.frame.u, s.nodes(), s.frame.controls, panels, s.frame.measure)
	s.reserveStory()
	if s.Layout.Folded && panels.Open && s.storyCoversRing() {
		panels.Open = false
		s.Layout = NewLayoutWith(s.frame.w, s.frame.h, s.frame.u, s.nodes(), s.frame.controls, panels, s.frame.measure)
		s.reserveStory()
	}
}

// storyCoversRing reports whether the story's panel covers a node.
func (s *Scene) storyCoversRing() bool {
	r := s.Layout.StoryPanel(s.Story, s.frame.measure).Rect.Inset(-s.Layout.TimerR())
	for _, c := range s.Layout.NodePos {
		if r.Contains(c) {
			return true
		}
	}
	return false
}

// reserveStory keeps the story panel's room in the layout: more than the
// usual when its caption wraps onto more lines in a narrow stage or in the
// side column.
func (s *Scene) reserveStory() {
	h := math.Max(StoryPanelHeight(s.frame.u), s.Layout.StoryPanel(s.Story, s.frame.measure).Rect.H+Pad*s.frame.u/2)
	laid := s.Layout
	s.Layout.ReserveStory(h, s.frame.measure)
	if side := s.Layout.StoryPanel(s.Story, s.frame.measure).Rect.H; side > s.Layout.StorySide.H && s.Layout.StoryOverSide() {
		s.Layout = laid
		s.Layout.ReserveStory(side, s.frame.measure)
	}
	panelOf[*storyPanel](s).roomFor = s.storyHeight()
}

// storyHeight is the height the story's panel needs for its lines and
// buttons, before it is stretched over the timeline strip (storyFoot): a
// step whose panel needs another makes the layout again.
func (s *Scene) storyHeight() float64 {
	l := s.Layout
	l.storyFoot = false
	return l.StoryPanel(s.Story, s.frame.measure).Rect.H
}

// StoryOverSide reports whether the story's panel is over the side column
// (storyOverSide) rather than in the stage.
func (l *Layout) StoryOverSide() bool {
	return !l.StorySide.Empty() && l.StorySide.X >= l.Stage.Right()
}

// storyPanel is the caption of the story being played, with its buttons.
type storyPanel struct {
	// unfolds is set while the story unfolds the log strips of a small
	// screen (layStoryStage); the Logs button folds them again.
	unfolds bool
	// roomFor is the height of the panel the layout made room for
	// (reserveStory).
	roomFor float64
	// printed is the script step whose output the console holds last.
	printed printedStep
}

func (*storyPanel) placeName() string { return "story" }

func (sp *storyPanel) lay(s *Scene) (Panel, bool) {
	if s.Story == nil {
		return Panel{}, false
	}
	if s.storyHeight() != sp.roomFor && !s.frame.relaying {
		// A step whose panel is of another height: the ring and the
		// side column make room for it again (which lays out every
		// panel anew).
		s.relayout()
	}
	return s.Layout.StoryPanel(s.Story, s.frame.measure), true
}

// pickerPanel is the story picker, or raft's scripts' while they are
// picked.
type pickerPanel struct {
	// open is set while a picker shows; scripts makes it raft's scripts'
	// (script.go).
	open, scripts bool
	// stories are what the story picker offers, scriptNames raft's
	// interaction scripts.
	stories     []StoryEntry
	scriptNames []string
}

// SetStories sets what the pickers offer: the stories, and raft's
// interaction scripts.
func (s *Scene) SetStories(stories []StoryEntry, scripts []string) {
	pk := panelOf[*pickerPanel](s)
	pk.stories, pk.scriptNames = stories, scripts
}

// Scripts are raft's interaction scripts the script picker offers, in its
// order.
func (s *Scene) Scripts() []string { return panelOf[*pickerPanel](s).scriptNames }

// Picking reports whether the story picker is open.
func (s *Scene) Picking() bool { return panelOf[*pickerPanel](s).open }

func (*pickerPanel) placeName() string { return "stories" }

func (pk *pickerPanel) lay(s *Scene) (Panel, bool) {
	switch {
	case pk.open && pk.scripts:
		return s.Layout.ScriptPicker(pk.scriptNames, s.frame.measure), true
	case pk.open:
		return s.Layout.StoryPicker(pk.stories, len(pk.scriptNames), s.frame.measure), true
	}
	return Panel{}, false
}
