package scene

import (
	"fmt"
	"testing"
)

// The system's colour scheme and contrast preference give "auto" its
// theme: the colour-blind palette wherever more contrast is asked for.
func TestAutoThemeFollowsTheSystem(t *testing.T) {
	for _, tc := range []struct {
		dark, more bool
		want       string
	}{{false, false, "light"}, {true, false, "dark"}, {false, true, "colorblind"}, {true, true, "colorblind-dark"}} {
		if got := AutoThemeName(tc.dark, tc.more); got != tc.want {
			t.Errorf("dark %v, more contrast %v: %q, want %q", tc.dark, tc.more, got, tc.want)
		}
	}
}

// The settings panel's theme row changes the look at once, by click and by
// ←→ on its row; a chosen theme stays whatever the system says, and
// "auto" follows the system.
func TestSettingsThemeRow(t *testing.T) {
	s := labScene()
	s.SetAutoTheme("colorblind-dark")
	if s.Theme.Name != "dark" {
		t.Fatalf("a scene made in dark took the system's %q", s.Theme.Name)
	}
	s.Key('o')
	row := buttonOf(t, laidOf[*settingsPanel](s), CmdTheme)
	if row.Label != "theme: dark" {
		t.Errorf("the theme row says %q, want %q", row.Label, "theme: dark")
	}
	gen := s.LayoutGen()
	s.Press(row.Rect.Center())
	if acts := s.Release(row.Rect.Center()); len(acts) != 0 {
		t.Errorf("choosing a theme did %+v; it needs no new run", acts)
	}
	if s.Theme.Name != "colorblind" || s.ThemeChoice() != "colorblind" || s.LayoutGen() == gen {
		t.Errorf("after a click on the theme row: theme %q, choice %q, laid out afresh %v; want colorblind, redrawn",
			s.Theme.Name, s.ThemeChoice(), s.LayoutGen() != gen)
	}
	if got := buttonOf(t, laidOf[*settingsPanel](s), CmdTheme).Label; got != "theme: colorblind" {
		t.Errorf("the theme row says %q after the click", got)
	}
	s.Key(KeyUp) // from the first knob round to the last row: the theme's
	if !s.settings().OnThemeRow() {
		t.Fatalf("↑ from the first knob went to row %d, want the theme row", s.settings().Row)
	}
	cfg := fmt.Sprint(s.settings().Cfg)
	keys(s, KeyRight, KeyRight)
	if s.ThemeChoice() != "auto" || s.Theme.Name != "colorblind-dark" || fmt.Sprint(s.settings().Cfg) != cfg {
		t.Errorf("→→ on the theme row: choice %q, theme %q, config %v; want auto, the system's colorblind-dark, the config as it was (%v)",
			s.ThemeChoice(), s.Theme.Name, s.settings().Cfg, cfg)
	}
	if got := buttonOf(t, laidOf[*settingsPanel](s), CmdTheme).Label; got != "theme: auto (colorblind-dark, from the system)" {
		t.Errorf("the theme row says %q on auto", got)
	}
	if s.SetAutoTheme("light"); s.Theme.Name != "light" {
		t.Errorf("on auto the system's new light gave %q", s.Theme.Name)
	}
	s.Key(KeyLeft)
	if s.SetAutoTheme("dark"); s.ThemeChoice() != "colorblind-dark" || s.Theme.Name != "colorblind-dark" {
		t.Errorf("a chosen colorblind-dark followed the system: choice %q, theme %q", s.ThemeChoice(), s.Theme.Name)
	}
	if s.ChooseTheme("sepia") || s.Theme.Name != "colorblind-dark" {
		t.Error("an unknown theme was taken")
	}
}
