package scene

import (
	"testing"

	"raftplay/raftsim"
)

// keys types each rune of keys and returns the actions the last one asked for.
func keys(s *Scene, keys ...rune) []raftsim.Action {
	var acts []raftsim.Action
	for _, r := range keys {
		acts = s.Key(r)
	}
	return acts
}

// focusedCmd is the command of the focused button, or CmdNone.
func focusedCmd(s *Scene) Command {
	b, ok := s.Focused()
	if !ok {
		return CmdNone
	}
	return b.Cmd
}

// Tab walks every toolbar button in reading order, then the strip's, and
// comes round to the first; Shift-Tab walks back. Every button Tab reaches
// is the one a click on it hits, and every enabled button a click hits is
// reached.
func TestTabReachesEveryButtonInOrder(t *testing.T) {
	s := newScene(cluster(5))
	s.SetTime(&TimeView{EndMs: 5000, ShownMs: 5000})
	if _, ok := s.Focused(); ok {
		t.Fatal("a focus shows before Tab was pressed")
	}
	list := s.Focusable()
	if len(list) < len(s.Layout.Buttons)+2 {
		t.Fatalf("Tab goes through %d buttons, fewer than the toolbar's %d and the strip's", len(list), len(s.Layout.Buttons))
	}
	for i, want := range list {
		s.Key(KeyTab)
		got, ok := s.Focused()
		if !ok || got.Cmd != want.Cmd || got.Rect != want.Rect {
			t.Fatalf("Tab %d: focus on %q at %v, want %q at %v", i+1, got.Label, got.Rect, want.Label, want.Rect)
		}
		if i < len(s.Layout.Buttons) && got.Cmd != s.Layout.Buttons[i].Cmd {
			t.Errorf("Tab %d: focus on %q, want the toolbar's %q", i+1, got.Label, s.Layout.Buttons[i].Label)
		}
		if h := s.HitTest(got.Rect.Center()); h.Kind != HitButton || h.Cmd != got.Cmd {
			t.Errorf("the focused %q is not what a click on it hits (%+v)", got.Label, h)
		}
	}
	if s.Key(KeyTab); focusedCmd(s) != list[0].Cmd {
		t.Errorf("Tab past the last button goes to %v, want round to the first", focusedCmd(s))
	}
	if s.Key(KeyBackTab); focusedCmd(s) != list[len(list)-1].Cmd {
		t.Errorf("Shift-Tab from the first button goes to %v, want the last", focusedCmd(s))
	}
	reached := map[Command]bool{}
	for _, b := range list {
		reached[b.Cmd] = true
	}
	for _, b := range append(s.Layout.Buttons, s.time.strip.Buttons...) {
		if !b.Disabled && !reached[b.Cmd] {
			t.Errorf("Tab never reaches %q", b.Label)
		}
	}
}

// Enter and Space press the focused button as a click would: the focused
// Pause pauses; the focused Settings opens the panel and the focus goes
// into it, where Space changes the first knob; Esc closes the panel and
// the focus is back on Settings.
func TestEnterAndSpacePressTheFocusedButton(t *testing.T) {
	s := newScene(cluster(5))
	if acts := keys(s, KeyTab, KeyEnter); len(acts) != 1 || acts[0].Op != raftsim.ActPause {
		t.Fatalf("Enter on the focused %v did %+v, want a pause", focusedCmd(s), acts)
	}
	for focusedCmd(s) != CmdSettings {
		if s.Key(KeyTab); focusedCmd(s) == CmdPlayPause {
			t.Fatal("Tab never reached Settings")
		}
	}
	s.Key(KeyEnter)
	if !s.settings().Open {
		t.Fatal("Enter on the focused Settings did not open the panel")
	}
	if b, ok := s.Focused(); !ok || b.Cmd != CmdSettingsKnob || b.Arg != 0 {
		t.Fatalf("after opening the settings the focus is on %+v, want their first knob", b)
	}
	before := s.settings().Cfg.PreVote
	if s.Key(' '); s.settings().Cfg.PreVote == before {
		t.Error("Space on the focused PreVote knob did not change it")
	}
	if s.Key(KeyEscape); s.settings().Open || focusedCmd(s) != CmdSettings {
		t.Errorf("after Esc: settings open %v, focus on %v; want closed and the focus back on Settings", s.settings().Open, focusedCmd(s))
	}
}

// A click hides the focus, so Enter and Space mean again what they mean
// without it; a key typed into the console hides it too, so that Space
// types a space there.
func TestClickAndTypingHideTheFocus(t *testing.T) {
	s := newScene(cluster(5))
	s.Key(KeyTab)
	s.Press(Point{X: 640, Y: 400})
	s.Release(Point{X: 640, Y: 400})
	if _, ok := s.Focused(); ok {
		t.Error("the focus still shows after a click")
	}
	if acts := s.Key(' '); len(acts) != 1 || acts[0].Op != raftsim.ActPause {
		t.Errorf("Space after a click did %+v, want play/pause", acts)
	}

	s.Key('e') // the console
	if !s.Console.Open {
		t.Fatal("e did not open the console")
	}
	keys(s, KeyTab, 'g', 'e', 't', ' ', 'x')
	if got := s.Console.Input(); got != "get x" {
		t.Errorf("the console's line is %q after Tab and typing, want %q", got, "get x")
	}
}

// While the help is up Tab reaches only its Close, and Enter closes it.
func TestTabStaysInTheHelp(t *testing.T) {
	s := newScene(cluster(5))
	s.Key('?')
	for range 3 {
		if s.Key(KeyTab); focusedCmd(s) != CmdHelp {
			t.Fatalf("with the help up Tab goes to %v, want its Close", focusedCmd(s))
		}
	}
	if s.Key(KeyEnter); s.Controller.Help {
		t.Error("Enter on the help's focused Close did not close it")
	}
}

// A first Tab with a panel open goes to that panel: a digit opens a node's
// menu, Tab focuses its first item, and Enter does it to that node.
func TestTabStartsInThePanelOnTop(t *testing.T) {
	s := newScene(cluster(5))
	s.Key('2')
	if s.Controller.Selected != 2 {
		t.Fatal("2 did not open n2's menu")
	}
	s.Key(KeyTab)
	b, ok := s.Focused()
	if !ok || b != laidOf[*nodeMenuPanel](s).Buttons[0] {
		t.Fatalf("the first Tab with n2's menu open focused %+v, want its first item %+v", b, laidOf[*nodeMenuPanel](s).Buttons[0])
	}
	if acts := s.Key(KeyEnter); len(acts) != 1 || acts[0].Op != b.Op || acts[0].Node != 2 {
		t.Errorf("Enter on the focused %q did %+v, want it done to n2", b.Label, acts)
	}
}
