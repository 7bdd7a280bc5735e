package scene

import (
	"strings"
	"testing"
)

// A first visit's welcome points to the first story with a button that
// starts it and one that closes the welcome; both go to the game, which
// remembers; it sits in the stage's corner, clear of the nodes.
func TestWelcomePointsToTheFirstStory(t *testing.T) {
	s := newScene(cluster(5))
	panelOf[*pickerPanel](s).stories = []StoryEntry{{Name: "election", Title: "Leader election"}, {Name: "partition", Title: "Partition"}}
	s.ShowWelcome()
	var w *Panel
	for _, p := range s.OpenPanels() {
		if strings.HasPrefix(p.Title, "New to Raft?") {
			w = p
		}
	}
	if w == nil {
		t.Fatal("no welcome among the open panels")
	}
	if !strings.Contains(w.Title, "Start with Leader election") {
		t.Errorf("the welcome says %q", w.Title)
	}
	for i, c := range s.Layout.NodePos {
		if d := w.Rect.Inset(-s.Layout.NodeR); d.Contains(c) {
			t.Errorf("the welcome %v covers node %d at %v", w.Rect, s.Layout.NodeIDs[i], c)
		}
	}
	if len(w.Buttons) != 2 || w.Buttons[0].Cmd != CmdStoryPick || w.Buttons[0].Arg != 0 || w.Buttons[1].Cmd != CmdWelcomeClose {
		t.Fatalf("the welcome's buttons are %+v", w.Buttons)
	}
	s.Press(w.Buttons[1].Rect.Center())
	s.Release(w.Buttons[1].Rect.Center())
	if ops := s.TakeOps(); len(ops) != 1 || ops[0].Cmd != CmdWelcomeClose {
		t.Errorf("Not now asks for %+v", ops)
	}
	s.CloseWelcome()
	for _, p := range s.OpenPanels() {
		if strings.HasPrefix(p.Title, "New to Raft?") {
			t.Error("the welcome stays open once closed")
		}
	}
}
