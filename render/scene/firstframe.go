package scene

import (
	"fmt"

	"raftplay/raftsim"
)

// Choices are the page's choices that shape the picture: its theme,
// toolbar, side panels and motion, by the names the URL parameters give;
// the theme the system asks for (AutoThemeName), which "auto" takes; and
// whether the screen is a touch screen from the start, whose targets are a
// finger wide (targets.go).
type Choices struct {
	Theme, AutoTheme, Controls, Panels string
	ReducedMotion, Touch               bool
}

// NewChosen returns the scene for choices, measuring text with measure, and
// says what in choices it could not use.
func NewChosen(choices Choices, measure Measure) (*Scene, []string) {
	var notes []string
	controls, ok := ControlsNamed(choices.Controls)
	if !ok && choices.Controls != "" {
		notes = append(notes, fmt.Sprintf("controls %q are not known (full or minimal); using full", choices.Controls))
	}
	s := New(&Dark, controls, measure)
	s.SetAutoTheme(choices.AutoTheme)
	if !s.ChooseTheme(choices.Theme) && choices.Theme != "" {
		notes = append(notes, fmt.Sprintf("theme %q is not known (light, dark, colorblind, colorblind-dark or auto); using dark", choices.Theme))
	}
	s.ReducedMotion = choices.ReducedMotion
	s.Touched = choices.Touch
	if choices.Panels != "" {
		if p, err := ParsePanels(choices.Panels); err != nil {
			notes = append(notes, err.Error()+"; showing the panels the screen has room for")
		} else {
			s.ShowPanels(p)
		}
	}
	return s, notes
}

// Size is a screen's size in device pixels.
type Size struct{ W, H float64 }

// FirstLayouts are the layouts of the first frame of snap's run with
// choices on screens of each of sizes at u device pixels per CSS pixel: the
// scene the game makes, laid out without a window. The page's poster
// (cmd/poster) is drawn from them, so it shows the ring where the live
// canvas then draws it.
func FirstLayouts(snap *raftsim.Snapshot, choices Choices, measure Measure, u float64, sizes []Size) []Layout {
	s, _ := NewChosen(choices, measure)
	s.Observe(snap, nil)
	layouts := make([]Layout, len(sizes))
	for i, z := range sizes {
		s.Resize(z.W, z.H, u)
		layouts[i] = s.Layout
	}
	return layouts
}
