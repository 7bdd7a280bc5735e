package scene

import "slices"

// An overlay is a panel drawn over the picture while it is open: the
// verdict, the partition banner, a message's details, the story's caption,
// a node's menu, the pickers, the settings. Layout, the open stack (which
// the drawing and the hit-testing walk, topmost last) and Placement all go
// through overlays, so a new panel is its file and a line there.
type overlay interface {
	// placeName is what Placement calls the panel; "" for one it leaves out.
	placeName() string
	// lay lays the panel out for the scene's frame; open is false while the
	// panel is closed.
	lay(s *Scene) (p Panel, open bool)
}

// overlays are the panels over the picture, bottom to top.
var overlays = []overlay{
	verdictPanel{},
	bannerPanel{},
	messagePanel{},
	arrowPanel{},
	storyPanel{},
	welcomePanel{},
	detailsPanel{},
	nodeMenuPanel{},
	membersPanel{},
	pickerPanel{},
	settingsPanel{},
	experimentPanel{},
}

// laidOf is overlay o as last laid out, open or not.
func (s *Scene) laidOf(o overlay) *Panel {
	return &s.laid[slices.Index(overlays, o)]
}

// placeNameOf is what Placement calls the open panel p; "" for a panel it
// does not name.
func (s *Scene) placeNameOf(p *Panel) string {
	for i, o := range overlays {
		if p == &s.laid[i] {
			return o.placeName()
		}
	}
	return ""
}

// layPanels lays out the panels the controls have open, bottom to top, and
// the help and the glossary over them.
func (s *Scene) layPanels() {
	s.open = s.open[:0]
	if s.Snap == nil {
		return
	}
	s.layConsolePanel()
	for _, o := range overlays {
		gen := s.layoutGen
		p, open := o.lay(s)
		if s.layoutGen != gen {
			// The panel made the layout again (the story's caption took
			// another height), which laid out every panel anew.
			return
		}
		if open {
			at := s.laidOf(o)
			*at = p
			s.open = append(s.open, at)
		}
	}
	if s.Controller.Help {
		s.help = s.Layout.HelpPanel(s.measure, s.gestures()...)
	}
	s.layGloss()
}

// OpenPanels returns the open panels other than the help, bottom to top.
func (s *Scene) OpenPanels() []*Panel { return s.open }

// Help returns the help overlay's panel while it is up.
func (s *Scene) Help() (*Panel, bool) { return &s.help, s.Controller.Help }
