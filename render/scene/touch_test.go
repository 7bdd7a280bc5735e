package scene

import (
	"slices"
	"testing"
)

// tap is a finger's tap at p: it touches, goes down and comes up there.
func tap(s *Scene, p Point) {
	s.Touch(p)
	s.Press(p)
	s.Release(p)
}

// A phone's way to the console: a tap on the HUD's verdict, then on the
// panel's console button, which opens the console in the panel's place.
func TestPhoneReachesTheConsoleFromTheVerdict(t *testing.T) {
	s := New(&Dark, ControlsFull, measure)
	s.Observe(cluster(5), nil)
	s.Resize(390*3, 844*3, 3)
	if !s.Layout.Compact {
		t.Fatal("a 390×844 screen is not laid out compact")
	}
	// A phone's page knows its screen is touched from the start (its
	// pointer is coarse), and lays out its targets for a finger.
	s.Touch(Point{})
	tap(s, s.ClientsHUD.Hit.Center())
	panels := s.OpenPanels()
	if len(panels) != 1 {
		t.Fatalf("a tap on the verdict opened %d panels", len(panels))
	}
	i := slices.IndexFunc(panels[0].Buttons, func(b Button) bool { return b.Cmd == CmdConsole })
	if i < 0 {
		t.Fatal("the verdict panel has no console button")
	}
	tap(s, panels[0].Buttons[i].Rect.Center())
	if !s.Console.Open || panelOf[*verdictPanel](s).open {
		t.Errorf("after the console button: console open %v, verdict panel open %v; want the console in its place", s.Console.Open, panelOf[*verdictPanel](s).open)
	}
}

// The help lists the gestures once the screen has been touched, and only
// then, first; on a phone it still fits on the screen.
func TestHelpListsGesturesAfterATouch(t *testing.T) {
	s := New(&Dark, ControlsFull, measure)
	s.Observe(cluster(5), nil)
	s.Resize(390*3, 844*3, 3)
	s.Key('?')
	help, _ := s.Help()
	if slices.Contains(help.Keys, "long-press") {
		t.Error("the help lists gestures before any touch")
	}
	s.Touch(Point{X: 10, Y: 10})
	help, _ = s.Help()
	// A line too long for the phone goes on under its text, keyless.
	keys := slices.DeleteFunc(slices.Clone(help.Keys), func(k string) bool { return k == "" })
	for i, g := range TouchGestures {
		if i >= len(keys) || keys[i] != g.Keys {
			t.Errorf("after a touch the help's key %d is %q; want the gesture %q, the gestures first", i+1, keys[min(i, len(keys)-1)], g.Keys)
		}
	}
	if r := help.Rect; r.X < 0 || r.Y < 0 || r.X+r.W > s.Layout.W || r.Bottom() > s.Layout.H {
		t.Errorf("the help with the gestures, %+v, does not fit the %v×%v screen", r, s.Layout.W, s.Layout.H)
	}
}

func TestTranscriptLast(t *testing.T) {
	var tr Transcript
	if got := tr.Last(3); len(got) != 0 {
		t.Errorf("an empty transcript's last lines: %q", got)
	}
	for i := range transcriptSize + 2 {
		tr.add(ConsoleLine{Text: string(rune('a' + i%26))})
	}
	got := tr.Last(2)
	want := []string{string(rune('a' + transcriptSize%26)), string(rune('a' + (transcriptSize+1)%26))}
	if !slices.Equal(got, want) {
		t.Errorf("Last(2) = %q, want %q", got, want)
	}
	if n := len(tr.Last(transcriptSize + 10)); n != transcriptSize {
		t.Errorf("Last past the kept lines returns %d, want the %d kept", n, transcriptSize)
	}
}

// Once the screen is touched the toolbar's buttons drop their key hints,
// which a finger has no use for, even where there is room for them.
func TestTouchDropsKeyHints(t *testing.T) {
	s := New(&Light, ControlsMinimal, measure)
	s.Observe(cluster(5), nil)
	s.Resize(640, 400, 1)
	hinted := func() int {
		n := 0
		for _, b := range s.Layout.Buttons {
			if b.Key != "" {
				n++
			}
		}
		return n
	}
	if hinted() == 0 {
		t.Fatal("at 640×400 with a mouse the toolbar shows no key hints; the test needs some")
	}
	s.Touch(s.Layout.Stage.Center())
	if n := hinted(); n > 0 {
		t.Errorf("after a touch %d toolbar buttons still show key hints", n)
	}
	s.SetStory(&StoryView{Title: "Leader election", Steps: 4, Caption: "A caption.", Done: true})
	for _, p := range s.OpenPanels() {
		for _, b := range p.Buttons {
			if b.Key != "" {
				t.Errorf("after a touch the %q panel's %s button shows the key %q", p.Title, b.Label, b.Key)
			}
		}
	}
}
