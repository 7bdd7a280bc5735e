package scene

import (
	"fmt"
	"strings"
)

// Panels says which side panels the layout gives room to: the log strips,
// the event log and the space-time diagram.
type Panels struct{ Logs, Events, Diagram bool }

// Any reports whether any side panel is shown.
func (p Panels) Any() bool { return p.Logs || p.Events || p.Diagram }

// PanelChoice is what decides the side panels: an embedding page's choice
// (the panels= URL parameter), or else the screen's size; and, on a screen
// too small to show them beside the ring, whether the user opened them.
type PanelChoice struct {
	// Chosen is set when the page chose Panels; then they are always shown.
	Chosen bool
	Panels Panels
	// Open is set while the user has the folded panels open (CmdPanels).
	Open bool
	// Touch is set once the screen has been touched: the toolbar's buttons
	// then go without key hints, which a finger has no use for.
	Touch bool
	// StoryRoom is the room, in device pixels, a story's panel keeps at the
	// foot of the stage while a story plays: on a tall screen (a phone) the
	// stage grows by as much, at the panels' cost, so the ring comes first.
	StoryRoom float64
}

// ParsePanels reads the panels= URL parameter: "none", or a comma-separated
// list of "logs", "events" and "diagram".
func ParsePanels(s string) (Panels, error) {
	var p Panels
	if s == "none" {
		return p, nil
	}
	for _, name := range strings.Split(s, ",") {
		switch strings.TrimSpace(name) {
		case "logs":
			p.Logs = true
		case "events":
			p.Events = true
		case "diagram":
			p.Diagram = true
		default:
			return Panels{}, fmt.Errorf("panel %q is not known (logs, events, diagram, or none)", name)
		}
	}
	return p, nil
}

// roomForPanels reports whether a w×h screen (CSS pixels) has room for the
// side panels beside or under the ring; a smaller one folds them behind a
// toolbar button, so the ring keeps the frame.
func roomForPanels(w, h float64) bool {
	return wideScreen(w, h) || h >= 600
}

// roomBesideRing reports whether a w×h screen (CSS pixels) without room
// for the side panels by default can still show them beside the ring when
// the user opens them; a smaller one (a tiny embed) shows only the ring.
func roomBesideRing(w, h float64) bool { return w >= 1.1*h && w >= 560 }

// diagramRoom reports whether a w×h screen (CSS pixels) can show the
// diagram: where the side panels can be shown at all.
func diagramRoom(w, h float64) bool {
	return !tinyScreen(w, h) && (roomForPanels(w, h) || roomBesideRing(w, h))
}

// wideScreen reports whether the side panels go beside the ring rather than
// under it: a landscape screen wide enough for the log strips' columns.
func wideScreen(w, h float64) bool { return w >= 1.1*h && w >= 720 }

// tinyScreen reports whether the nodes go without their captions, so that
// the ring fits at all.
func tinyScreen(w, h float64) bool { return h < 300 || w < 300 }

// shortScreen reports whether the HUD is one line and the legend is left
// out, so that the ring keeps its room.
func shortScreen(h float64) bool { return h < 480 }
