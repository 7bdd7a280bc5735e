package scene

import (
	"fmt"
	"slices"
)

// The look a person chooses: a theme by name, or "auto", which follows the
// system (AutoThemeName). The URL's theme= picks it first; the settings
// panel's theme row changes it at once, with no new run.

// ThemeAuto is the choice that follows the system's preferences.
const ThemeAuto = "auto"

// ThemeChoices are the settings panel's theme row's values, in order.
var ThemeChoices = []string{ThemeAuto, "light", "dark", "colorblind", "colorblind-dark"}

// AutoThemeName is the theme "auto" takes: the system's light or dark, in
// the colour-blind palette where the system asks for more contrast
// (prefers-contrast: more), whose hues stay apart for more eyes.
func AutoThemeName(dark, moreContrast bool) string {
	switch {
	case dark && moreContrast:
		return "colorblind-dark"
	case moreContrast:
		return "colorblind"
	case dark:
		return "dark"
	}
	return "light"
}

// themeChoice is what theme was chosen, and what "auto" means now.
type themeChoice struct {
	chosen, auto string
}

// chosenTheme is the scene's theme choice, which the settings' theme row steps.
func (s *Scene) chosenTheme() *themeChoice { return &panelOf[*settingsPanel](s).theme }

// ChooseTheme draws the picture in the theme called choice, or with
// ThemeAuto in the system's; an unknown name changes nothing and reports
// false.
func (s *Scene) ChooseTheme(choice string) bool {
	if !slices.Contains(ThemeChoices, choice) {
		return false
	}
	s.chosenTheme().chosen = choice
	s.applyTheme()
	return true
}

// SetAutoTheme sets the theme the system asks for (AutoThemeName), which
// the picture takes while the choice is ThemeAuto.
func (s *Scene) SetAutoTheme(name string) {
	if _, ok := ThemeNamed(name); ok {
		s.chosenTheme().auto = name
		s.applyTheme()
	}
}

// ThemeChoice is the theme chosen, or ThemeAuto.
func (s *Scene) ThemeChoice() string { return s.chosenTheme().chosen }

// applyTheme draws the picture in the theme the choice comes to; a new
// theme lays out afresh, so every cached part is drawn again in it.
func (s *Scene) applyTheme() {
	name := s.chosenTheme().chosen
	if name == ThemeAuto {
		name = s.chosenTheme().auto
	}
	t, ok := ThemeNamed(name)
	if !ok || t == s.Theme {
		return
	}
	s.Theme = t
	s.relayout()
}

// stepTheme moves the choice dir (+1 or -1) through ThemeChoices, wrapping.
func (s *Scene) stepTheme(dir int) {
	i := slices.Index(ThemeChoices, s.chosenTheme().chosen)
	s.ChooseTheme(ThemeChoices[(i+dir+len(ThemeChoices))%len(ThemeChoices)])
}

// themeLabel is the theme row's text: the choice, and for ThemeAuto the
// theme the system gives.
func (s *Scene) themeLabel() string {
	if s.chosenTheme().chosen == ThemeAuto {
		return fmt.Sprintf("theme: auto (%s, from the system)", s.Theme.Name)
	}
	return "theme: " + s.chosenTheme().chosen
}
