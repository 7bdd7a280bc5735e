package scene

import (
	"reflect"
	"testing"

	"raftplay/raftsim"
)

// labScene is a scene over a snapshot whose config is the default one.
func labScene() *Scene {
	snap := cluster(5)
	snap.Config = raftsim.DefaultConfig()
	return newScene(snap)
}

func TestSettingsByKeyboard(t *testing.T) {
	s := labScene()
	s.Key('o')
	if !s.settings().Open || !reflect.DeepEqual(s.settings().Cfg, raftsim.DefaultConfig()) {
		t.Fatalf("o: settings open %v on %+v", s.settings().Open, s.settings().Cfg)
	}
	s.Key(KeyRight) // PreVote off
	s.Key(KeyDown)
	s.Key(KeyRight) // CheckQuorum off
	s.Key(KeyDown)
	s.Key(KeyDown)
	s.Key(KeyLeft) // election ticks 15 -> 10
	acts := s.Key(KeyEnter)
	if len(acts) != 1 || acts[0].Op != "reset" || acts[0].Config == nil {
		t.Fatalf("Enter gave %+v, want one reset with a config", acts)
	}
	c := *acts[0].Config
	if c.PreVote || c.CheckQuorum || c.ElectionTicks != 10 || c.Seed != raftsim.DefaultConfig().Seed {
		t.Errorf("applied %+v", c)
	}
	if s.settings().Open {
		t.Error("the panel stays open after Apply")
	}
	s.Key('o')
	s.Key(KeyEscape)
	if s.settings().Open {
		t.Error("Esc does not close the settings")
	}
}

// buttonOf returns panel p's button of command cmd.
func buttonOf(t *testing.T, p *Panel, cmd Command) Button {
	t.Helper()
	for _, b := range p.Buttons {
		if b.Cmd == cmd {
			return b
		}
	}
	t.Fatalf("panel %q has no button for %v", p.Title, cmd)
	return Button{}
}

func TestSettingsByMouse(t *testing.T) {
	s := labScene()
	click := func(p Point) []raftsim.Action { s.Press(p); return s.Release(p) }
	var open Button
	for _, b := range s.Layout.Buttons {
		if b.Cmd == CmdSettings {
			open = b
		}
	}
	if open.Cmd != CmdSettings {
		t.Fatal("no Settings button on the toolbar")
	}
	click(open.Rect.Center())
	if !s.settings().Open {
		t.Fatal("the toolbar's Settings button did not open the panel")
	}
	click(laidOf[*settingsPanel](s).Buttons[0].Rect.Center()) // PreVote off
	acts := click(buttonOf(t, laidOf[*settingsPanel](s), CmdSettingsApply).Rect.Center())
	if len(acts) != 1 || acts[0].Config == nil || acts[0].Config.PreVote {
		t.Fatalf("Apply by click gave %+v", acts)
	}
}

func TestExperimentViewOpensAndCloses(t *testing.T) {
	s := labScene()
	s.Key('z')
	ops := s.TakeOps()
	if len(ops) != 1 || ops[0].Cmd != CmdExperiment {
		t.Fatalf("z asked the game for %+v", ops)
	}
	s.SetExperiment(nil, "")
	if s.ExperimentOpen() {
		t.Fatal("open without results")
	}
	s.SetExperiment(labResults, "3 of 300 trials")
	if !s.ExperimentOpen() || len(s.Plot().Curves) != len(labResults) {
		t.Fatalf("open %v with %d curves", s.ExperimentOpen(), len(s.Plot().Curves))
	}
	// The view takes clicks; its Close button and Esc ask the game to close it.
	if h := s.HitTest(s.Plot().Area.Center()); h.Kind != HitPanel {
		t.Errorf("a click on the plot hits %+v", h)
	}
	s.Key(KeyEscape)
	s.Key(KeyEscape) // as a browser may deliver it: a character and a key
	if ops := s.TakeOps(); len(ops) != 1 || ops[0].Cmd != CmdExperiment {
		t.Errorf("Esc in the experiment view asked for %+v", ops)
	}
}
