package scene

import (
	"testing"

	"raftplay/raftsim"
)

func TestHitTest(t *testing.T) {
	s := newScene(cluster(5, msg(11, 1, 3, "MsgApp")))
	l := &s.Layout
	n3, _ := l.Node(3)
	var step Button
	for _, b := range l.Buttons {
		if b.Cmd == CmdStep {
			step = b
		}
	}
	m := s.Placed[0].Pos
	for _, tc := range []struct {
		name string
		p    Point
		want Hit
	}{
		{"node centre", n3, Hit{Kind: HitNode, Node: 3}},
		{"node's timer arc", n3.Add(Point{l.TimerR() - 1, 0}), Hit{Kind: HitNode, Node: 3}},
		{"node's caption", l.CaptionRect(3).Center(), Hit{Kind: HitNode, Node: 3}},
		{"just off the node", n3.Add(Point{-l.TimerR() - 2, 0}), Hit{}},
		{"button centre", step.Rect.Center(), Hit{Kind: HitButton, Cmd: CmdStep}},
		{"button corner", Point{step.Rect.X, step.Rect.Y}, Hit{Kind: HitButton, Cmd: CmdStep}},
		{"message in flight", m, Hit{Kind: HitMessage, Message: 11}},
		{"near a message", m.Add(Point{3, 3}), Hit{Kind: HitMessage, Message: 11}},
		{"ring centre", l.Center, Hit{}},
		{"toolbar gap", Point{l.W - 2, l.Toolbar.Y + 2}, Hit{}},
		{"log panel", l.Logs.Center(), Hit{}},
		{"off screen", Point{-5, -5}, Hit{}},
	} {
		if got := s.HitTest(tc.p); got != tc.want {
			t.Errorf("%s: HitTest(%v) = %+v, want %+v", tc.name, tc.p, got, tc.want)
		}
	}
}

func TestHitTestPanels(t *testing.T) {
	s := newScene(cluster(5, msg(11, 1, 3, "MsgApp")))
	n3, _ := s.Layout.Node(3)
	s.Key('3')
	panels := s.OpenPanels()
	if len(panels) != 1 {
		t.Fatalf("%d panels open after selecting n3", len(panels))
	}
	menu := panels[0]
	if menu.Rect.Contains(n3) {
		t.Error("the node menu covers its node")
	}
	byOp := map[raftsim.ActionOp]Button{}
	for _, b := range menu.Buttons {
		byOp[b.Op] = b
	}
	for _, tc := range []struct {
		name string
		p    Point
		want Hit
	}{
		{"crash item", byOp[raftsim.ActCrash].Rect.Center(), Hit{Kind: HitButton, Cmd: CmdNodeAction, Op: raftsim.ActCrash}},
		{"isolate item", byOp[raftsim.ActPartition].Rect.Center(), Hit{Kind: HitButton, Cmd: CmdNodeAction, Op: raftsim.ActPartition}},
		// n3 is up, so Restart is disabled: the click stays in the panel.
		{"disabled item", byOp[raftsim.ActRestart].Rect.Center(), Hit{Kind: HitPanel}},
		{"menu title", menu.TitlePos.Add(Point{2, 2}), Hit{Kind: HitPanel}},
		{"node under no panel", n3, Hit{Kind: HitNode, Node: 3}},
	} {
		if got := s.HitTest(tc.p); got != tc.want {
			t.Errorf("%s: HitTest(%v) = %+v, want %+v", tc.name, tc.p, got, tc.want)
		}
	}
	s.Key('?')
	if got := s.HitTest(n3); got.Kind != HitHelp {
		t.Errorf("with the help up, a click on a node hits %+v", got)
	}
}

func TestClickAndDrag(t *testing.T) {
	s := newScene(cluster(5))
	n2, _ := s.Layout.Node(2)
	n4, _ := s.Layout.Node(4)
	click := func(p Point) { s.Press(p); s.Release(p) }

	click(n2)
	if s.Controller.Selected != 2 {
		t.Fatalf("a click on n2 selected %d", s.Controller.Selected)
	}
	click(Point{s.Layout.Stage.X + 2, s.Layout.HUD.Bottom() + 2})
	if s.Controller.Selected != 0 {
		t.Error("a click on empty ground did not close the menu")
	}
	// A press on one element and a release on another is no click.
	s.Press(n2)
	if acts := s.Release(n4); len(acts) != 0 || s.Controller.Selected != 0 {
		t.Errorf("a drag from n2 to n4 did %v, selected %d", acts, s.Controller.Selected)
	}
	var play Button
	for _, b := range s.Layout.Buttons {
		if b.Cmd == CmdPlayPause {
			play = b
		}
	}
	s.Press(play.Rect.Center())
	if acts := s.Release(play.Rect.Center()); len(acts) != 1 || acts[0].Op != "pause" {
		t.Errorf("clicking Pause while playing did %v", acts)
	}

	// Partition editing: taps toggle, drags join.
	s.Key('p')
	click(n2)
	if s.Controller.Edit.Group(2) != 1 {
		t.Fatal("tapping n2 in partition mode did not move it to group B")
	}
	s.Press(n4)
	if id, ok := s.Dragging(); !ok || id != 4 {
		t.Errorf("Dragging() = %d, %v while dragging n4", id, ok)
	}
	s.Release(n2)
	if s.Controller.Edit.Group(4) != 1 {
		t.Fatal("dragging n4 onto n2 did not put it in n2's group")
	}
	acts := s.Key(KeyEnter)
	if len(acts) != 1 || acts[0].Op != "partition" || FormatGroups(acts[0].Groups, &s.Snap.Config) != "{n1 n3 n5} | {n2 n4}" {
		t.Errorf("Enter applied %v", acts)
	}
}
