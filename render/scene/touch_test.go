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
	if !s.L.Compact {
		t.Fatal("a 390×844 screen is not laid out compact")
	}
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
	if !s.Console.Open || s.clients.verdictOpen {
		t.Errorf("after the console button: console open %v, verdict panel open %v; want the console in its place", s.Console.Open, s.clients.verdictOpen)
	}
}

// The help lists the gestures once the screen has been touched, and only
// then; on a phone it still fits on the screen.
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
	for _, g := range TouchGestures {
		if !slices.Contains(help.Keys, g.Keys) {
			t.Errorf("after a touch the help does not list %q", g.Keys)
		}
	}
	if r := help.Rect; r.X < 0 || r.Y < 0 || r.X+r.W > s.L.W || r.Bottom() > s.L.H {
		t.Errorf("the help with the gestures, %+v, does not fit the %v×%v screen", r, s.L.W, s.L.H)
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
