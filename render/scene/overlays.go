package scene

import (
	"slices"

	"raftplay/raftsim"
)

// An overlay is a panel drawn over the picture while it is open: the
// verdict, the partition banner, a message's details, the story's caption,
// a node's menu, the pickers, the settings. Layout, the open stack (which
// the drawing and the hit-testing walk, topmost last) and Placement all go
// through overlays, and input is offered to them topmost first (an
// intentTaker, a keyTaker), so a new panel is its file and a line there.
// A panel's type is an empty struct, found in the list by value: what it
// shows comes from the scene.
type overlay interface {
	// placeName is what Placement calls the panel; "" for one it leaves out.
	placeName() string
	// lay lays the panel out for the scene's frame; open is false while the
	// panel is closed.
	lay(s *Scene) (p Panel, open bool)
}

// An intentTaker is an overlay that carries out some intents itself: its
// buttons', and the toolbar's that open or close it. ok is false for an
// intent that is not its own.
type intentTaker interface {
	intent(s *Scene, in Intent) (acts []raftsim.Action, note string, ok bool)
}

// A keyTaker is an overlay that takes some typed keys before they become
// intents: the settings' arrows, the members menu's items, a question's
// digits. ok is false for a key that is not its own.
type keyTaker interface {
	key(s *Scene, r rune) (acts []raftsim.Action, ok bool)
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

// overlayKey offers typed key r to the overlays, topmost first, and
// reports whether one took it.
func (s *Scene) overlayKey(r rune) ([]raftsim.Action, bool) {
	for _, o := range slices.Backward(overlays) {
		if k, ok := o.(keyTaker); ok {
			if acts, took := k.key(s, r); took {
				return acts, true
			}
		}
	}
	return nil, false
}

// overlayIntent offers in to the overlays, topmost first, so that Esc
// closes the panel drawn over the others; ok reports whether one took it.
func (s *Scene) overlayIntent(in Intent) (acts []raftsim.Action, note string, ok bool) {
	for _, o := range slices.Backward(overlays) {
		if t, isTaker := o.(intentTaker); isTaker {
			if acts, note, ok = t.intent(s, in); ok {
				return acts, note, true
			}
		}
	}
	return nil, "", false
}

// OpenPanels returns the open panels other than the help, bottom to top.
func (s *Scene) OpenPanels() []*Panel { return s.open }

// Help returns the help overlay's panel while it is up.
func (s *Scene) Help() (*Panel, bool) { return &s.help, s.Controller.Help }
