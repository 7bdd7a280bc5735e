package scene

import (
	"fmt"

	"raftplay/raftsim"
	"raftplay/raftsim/experiment"
)

// The lab: the settings panel (the run's knobs) and the election
// experiment's view. Both are opened from the toolbar or by key, and work
// by mouse and keyboard alike.

// settingsPanel is the settings while they are open: the knobs being
// edited, and the theme chosen, which their theme row steps through.
type settingsPanel struct {
	st    Settings
	theme themeChoice
}

// settings are the settings panel's knobs.
func (s *Scene) settings() *Settings { return &panelOf[*settingsPanel](s).st }

func (*settingsPanel) placeName() string { return "" }

// intent handles the settings panel's commands and reports whether it
// did; applying the settings is a reset action, which the simulator
// validates again.
func (sp *settingsPanel) intent(s *Scene, in Intent) ([]raftsim.Action, string, bool) {
	st := &sp.st
	switch in.Cmd {
	case CmdSettings:
		st.Toggle(s.Snap.Config)
	case CmdSettingsKnob:
		st.Step(in.Arg, +1)
	case CmdSettingsDefaults:
		st.Defaults()
	case CmdTheme:
		s.stepTheme(+1)
	case CmdSettingsApply:
		if !st.Open {
			return nil, "", false
		}
		if err := st.Cfg.Validate(); err != nil {
			return nil, "", true // the panel says why
		}
		st.Open = false
		return []raftsim.Action{st.Apply()}, fmt.Sprintf("a new run with these settings, same seed %d", st.Cfg.Seed), true
	case CmdClose:
		if !st.Open || s.Controller.Help {
			return nil, "", false
		}
		st.Open = false
	default:
		return nil, "", false
	}
	return nil, "", true
}

// key handles a key while the settings panel is open: ↑↓ choose a knob,
// ←→ change it, Enter applies, Esc closes. It reports whether the key was
// the panel's.
func (sp *settingsPanel) key(s *Scene, r rune) ([]raftsim.Action, bool) {
	st := &sp.st
	if !st.Open || s.Controller.Help {
		return nil, false
	}
	switch r {
	case KeyUp:
		st.Move(-1)
	case KeyDown:
		st.Move(+1)
	case KeyLeft, KeyRight:
		dir := +1
		if r == KeyLeft {
			dir = -1
		}
		if st.OnThemeRow() {
			s.stepTheme(dir)
		} else {
			st.Step(-1, dir)
		}
	case KeyEnter:
		return s.handle(Intent{Cmd: CmdSettingsApply}), true
	default:
		return nil, false
	}
	s.layPanels()
	return nil, true
}

// ExperimentOpen reports whether the experiment view covers the picture.
func (s *Scene) ExperimentOpen() bool { return panelOf[*experimentPanel](s).open }

// Plot is the experiment view's figure, as last laid out.
func (s *Scene) Plot() *Plot { return &panelOf[*experimentPanel](s).plot }

// SetExperiment opens the experiment view with what its trials gave so far,
// or closes it (results nil).
func (s *Scene) SetExperiment(results []experiment.Result, status string) {
	e, open := panelOf[*experimentPanel](s), results != nil
	if open {
		e.plot = LayPlot(s.Layout.ExperimentPanel().Rect, s.Layout.Scale, results, status, s.frame.measure)
	}
	if open != e.open {
		e.open = open
		s.layPanels()
	}
}

// ExperimentPanel is the experiment view's frame: the whole screen under
// the toolbar, with its close button; it takes every click inside it.
func (l *Layout) ExperimentPanel() Panel {
	u := l.Scale
	r := Rect{0, l.Toolbar.Bottom(), l.W, l.H - l.Toolbar.Bottom()}
	close := Button{Cmd: CmdExperiment, Label: "Close", Key: "Esc"}
	bw := 90 * u
	close.Rect = Rect{r.Right() - bw - Pad*u, r.Y + Pad*u, bw, l.btnH()}
	return Panel{Rect: r, Buttons: []Button{close}}
}

func (sp *settingsPanel) lay(s *Scene) (Panel, bool) {
	if !sp.st.Open {
		return Panel{}, false
	}
	sp.st.Look = s.themeLabel()
	return s.Layout.SettingsPanel(&sp.st, s.frame.measure), true
}

// experimentPanel is the experiment view's frame while it is open, and the
// figure drawn in it.
type experimentPanel struct {
	open bool
	plot Plot
}

func (*experimentPanel) placeName() string { return "" }

func (e *experimentPanel) lay(s *Scene) (Panel, bool) {
	if !e.open {
		return Panel{}, false
	}
	return s.Layout.ExperimentPanel(), true
}

// key closes the experiment view on Esc or its own key.
func (e *experimentPanel) key(s *Scene, r rune) ([]raftsim.Action, bool) {
	if !e.open || r != KeyEscape && KeyIntent(r).Cmd != CmdExperiment {
		return nil, false
	}
	// Closed here at once: an Esc that comes both as a character and as a
	// key in one frame must not open the view again.
	e.open = false
	return s.handle(Intent{Cmd: CmdExperiment}), true
}
