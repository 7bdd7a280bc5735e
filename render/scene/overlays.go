package scene

import (
	"slices"

	"raftplay/raftsim"
)

// An overlay is a panel drawn over the picture while it is open: the
// verdict, the partition banner, a message's details, the story's caption,
// a node's menu, the pickers, the settings, and over them all the
// explanation of words under the pointer and the help. Layout, the open
// stack (which the drawing and the hit-testing walk, topmost last) and
// Placement all go through the scene's overlays, and input is offered to
// them topmost first (an intentTaker, a keyTaker), so a new panel is its
// file and a line in newOverlays. A panel's value holds its own state
// (whether it is open, what it shows beyond the run's snapshot); the scene
// finds it by its type (panelOf).
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

// A floater is an overlay drawn over the stack of open panels rather than
// in it, which the drawing, the hit-testing and the placement each find by
// itself (Gloss, Help): the explanation of the words under the pointer,
// which takes no clicks, and the help, which takes them all.
type floater interface {
	floats()
}

// A keyTaker is an overlay that takes some typed keys before they become
// intents: the settings' arrows, the members menu's items, a question's
// digits. ok is false for a key that is not its own.
type keyTaker interface {
	key(s *Scene, r rune) (acts []raftsim.Action, ok bool)
}

// overlayStack is the panels over the picture: each panel's value, as last
// laid out, and the stack of those open.
type overlayStack struct {
	// list is every panel, bottom to top; laid[i] is list[i] as last laid
	// out, open or not.
	list []overlay
	laid []Panel
	// open are the panels open, bottom to top: the drawing and the
	// hit-testing walk them.
	open []*Panel
}

// newOverlays returns the panels over the picture, bottom to top, all closed.
func newOverlays() overlayStack {
	list := []overlay{
		&verdictPanel{},
		&bannerPanel{},
		&messagePanel{},
		&arrowPanel{},
		&storyPanel{},
		&welcomePanel{},
		&detailsPanel{},
		&nodeMenuPanel{},
		&membersPanel{},
		&pickerPanel{},
		&settingsPanel{},
		&experimentPanel{},
		&glossPanel{},
		&helpPanel{},
	}
	return overlayStack{list: list, laid: make([]Panel, len(list))}
}

// panelOf is the scene's panel of type T. Every panel type is in the list
// newOverlays makes, so a type missing from it is a mistake in this package.
func panelOf[T overlay](s *Scene) T {
	for _, o := range s.overlays.list {
		if t, ok := o.(T); ok {
			return t
		}
	}
	panic("scene: no panel of this type in newOverlays")
}

// laidOf is the scene's panel of type T as last laid out, open or not.
func laidOf[T overlay](s *Scene) *Panel {
	return &s.overlays.laid[slices.Index(s.overlays.list, overlay(panelOf[T](s)))]
}

// placeNameOf is what Placement calls the open panel p; "" for a panel it
// does not name.
func (s *Scene) placeNameOf(p *Panel) string {
	for i, o := range s.overlays.list {
		if p == &s.overlays.laid[i] {
			return o.placeName()
		}
	}
	return ""
}

// layPanels lays out the panels the controls have open, bottom to top.
func (s *Scene) layPanels() {
	st := &s.overlays
	st.open = st.open[:0]
	if s.Snap == nil {
		return
	}
	s.layConsolePanel()
	for i, o := range st.list {
		gen := s.frame.layoutGen
		p, open := o.lay(s)
		if s.frame.layoutGen != gen {
			// The panel made the layout again (the story's caption took
			// another height), which laid out every panel anew.
			return
		}
		if !open {
			continue
		}
		st.laid[i] = p
		if _, floats := o.(floater); !floats {
			st.open = append(st.open, &st.laid[i])
		}
	}
}

// overlayKey offers typed key r to the overlays, topmost first, and
// reports whether one took it.
func (s *Scene) overlayKey(r rune) ([]raftsim.Action, bool) {
	for _, o := range slices.Backward(s.overlays.list) {
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
	for _, o := range slices.Backward(s.overlays.list) {
		if t, isTaker := o.(intentTaker); isTaker {
			if acts, note, ok = t.intent(s, in); ok {
				return acts, note, true
			}
		}
	}
	return nil, "", false
}

// OpenPanels returns the open panels other than the floaters (the help and
// the explanation of words), bottom to top.
func (s *Scene) OpenPanels() []*Panel { return s.overlays.open }
