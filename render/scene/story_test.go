package scene

import (
	"slices"
	"strings"
	"testing"
)

func TestWrapKeepsLinesWithinWidth(t *testing.T) {
	text := "The network splits into {A, B} and {C, D, E}. The leader, A, is in the minority."
	lines := Wrap(text, 200, 10, measure)
	if len(lines) < 2 || strings.Join(lines, " ") != text {
		t.Fatalf("wrapped %q into %q", text, lines)
	}
	for _, l := range lines {
		if measure(l, 10) > 200 {
			t.Errorf("line %q is wider than 200", l)
		}
	}
}

// The story panel offers Back, Next, a button per step and Take over, sits
// at the bottom of the stage and says how the ended step went.
func TestStoryPanel(t *testing.T) {
	l := NewLayout(1280, 800, 1, 5, ControlsFull, measure)
	v := &StoryView{Title: "Partition", Step: 1, Steps: 5, Caption: "A caption.", Done: true, Failures: []string{"steps[1].expect[0]: expected n1 leads"}}
	p := l.StoryPanel(v, measure)
	var cmds []Command
	for _, b := range p.Buttons {
		cmds = append(cmds, b.Cmd)
		if b.Cmd == CmdStoryJump && b.Disabled != (b.Arg == 1) {
			t.Errorf("jump to step %d: disabled=%v", b.Arg+1, b.Disabled)
		}
	}
	if len(cmds) != 8 || cmds[0] != CmdStoryBack || cmds[1] != CmdStoryNext || cmds[7] != CmdTakeOver {
		t.Fatalf("buttons %v", cmds)
	}
	if p.Rect.Bottom() > l.Stage.Bottom() || p.Rect.X < l.Stage.X || p.Rect.Right() > l.Stage.Right() {
		t.Errorf("panel %v leaves the stage %v", p.Rect, l.Stage)
	}
	if last := p.Lines[len(p.Lines)-1]; !strings.Contains(last, "Did not hold: steps[1].expect[0]") {
		t.Errorf("last line %q does not report the failure", last)
	}
	v.Done, v.Failures = false, nil
	if p := l.StoryPanel(v, measure); !p.Buttons[1].Disabled {
		t.Error("Next is enabled while the step still plays")
	}
}

// The HUD says plainly why the clock stands still in a story: between
// steps it waits for Next, after the last step for Take over; the last
// step's panel says the story is over and offers the next story.
func TestStoryWaitingSaidPlainly(t *testing.T) {
	snap := cluster(5)
	for _, tc := range []struct {
		v     *StoryView
		clock string
	}{
		{nil, "playing"},
		{&StoryView{Steps: 3, Step: 1}, "playing"},
		{&StoryView{Steps: 3, Step: 1, Done: true}, "waiting for Next"},
		{&StoryView{Steps: 3, Step: 2, Done: true, Last: true}, "story finished — Take over to keep playing"},
	} {
		if h := NewHUD(snap, tc.v); !strings.HasSuffix(h.Clock, tc.clock) {
			t.Errorf("story %+v: the HUD's clock says %q; want it to end in %q", tc.v, h.Clock, tc.clock)
		}
	}
	l := NewLayout(1280, 800, 1, 5, ControlsFull, measure)
	v := &StoryView{Title: "Leader election", Step: 2, Steps: 3, Caption: "A caption.", Done: true, Last: true, NextTitle: "Log replication"}
	p := l.StoryPanel(v, measure)
	if text := strings.Join(p.Lines, " "); !strings.Contains(text, "The story is over") || !strings.Contains(text, "Log replication") {
		t.Errorf("the last step's panel says %q; want it to say the story is over and name the next", text)
	}
	if b := p.Buttons[1]; b.Cmd != CmdStoryNext || b.Label != "Next story" || b.Disabled {
		t.Errorf("the last step's second button is %+v; want Next story, enabled", b)
	}
	v.NextTitle = ""
	if b := l.StoryPanel(v, measure).Buttons[1]; b.Label != "Next" || !b.Disabled {
		t.Errorf("after the last story the second button is %+v; want Next, disabled", b)
	}
}

// Keys and clicks on the story controls become game operations, not
// simulator actions.
func TestStoryControlsBecomeGameOps(t *testing.T) {
	s := newScene(cluster(5))
	panelOf[*pickerPanel](s).stories = []StoryEntry{{"election", "Leader election"}, {"partition", "Network partition"}}
	if acts := s.Key('g'); acts != nil || !s.Picking() {
		t.Fatalf("g: actions %v, picking %v", acts, s.Picking())
	}
	picker := s.OpenPanels()[len(s.OpenPanels())-1]
	second := picker.Buttons[1].Rect.Center()
	s.Press(second)
	if acts := s.Release(second); acts != nil {
		t.Fatalf("a click on a story gave actions %v", acts)
	}
	for _, r := range "nbxy" {
		s.Key(r)
	}
	ops := s.TakeOps()
	want := []GameOp{{CmdStoryPick, 1}, {CmdStoryNext, 0}, {CmdStoryBack, 0}, {CmdTakeOver, 0}, {CmdShare, 0}}
	if len(ops) != len(want) {
		t.Fatalf("ops %v, want %v", ops, want)
	}
	for i := range want {
		if ops[i] != want[i] {
			t.Errorf("op %d = %v, want %v", i, ops[i], want[i])
		}
	}
	if s.Picking() || s.TakeOps() != nil {
		t.Error("the picker stays open after a pick, or ops are handed out twice")
	}
}

// The picker's last item, and #, open the story editor: a game operation
// that closes the picker.
func TestWriteYourOwnStoryOpensTheEditor(t *testing.T) {
	s := newScene(cluster(5))
	panelOf[*pickerPanel](s).stories = []StoryEntry{{"election", "Leader election"}}
	s.Key('g')
	picker := s.OpenPanels()[len(s.OpenPanels())-1]
	last := picker.Buttons[len(picker.Buttons)-1]
	if last.Cmd != CmdStoryEditor || last.Key != "#" {
		t.Fatalf("the picker ends with %+v, want Write your own story… (#)", last)
	}
	s.Press(last.Rect.Center())
	s.Release(last.Rect.Center())
	s.Key('#')
	if ops := s.TakeOps(); len(ops) != 2 || ops[0].Cmd != CmdStoryEditor || ops[1].Cmd != CmdStoryEditor || s.Picking() {
		t.Errorf("ops %v, picking %v: want the editor opened twice and the picker closed", ops, s.Picking())
	}
}

// While a story plays, the ring keeps clear of its caption panel.
func TestRingMakesRoomForTheStoryPanel(t *testing.T) {
	s := newScene(cluster(5))
	free := s.Layout.RY
	s.SetStory(&StoryView{Title: "Partition", Steps: 5, Caption: "A caption of a line or two."})
	p := s.Layout.StoryPanel(s.Story, measure)
	for i, c := range s.Layout.NodePos {
		if c.Y+s.Layout.TimerR() > p.Rect.Y {
			t.Errorf("n%d (centre %v) reaches into the story panel at y=%v", i+1, c, p.Rect.Y)
		}
	}
	if s.SetStory(nil); s.Layout.RY != free {
		t.Errorf("after the story the ring's radius is %v, was %v", s.Layout.RY, free)
	}
}

// On a phone every button of the story panel stays inside the panel and
// the frame: the buttons per step give way before Take over does.
func TestStoryPanelButtonsFitAPhone(t *testing.T) {
	for _, touch := range []bool{false, true} {
		l := NewLayoutWith(390*3, 844*3, 3, 5, ControlsFull, PanelChoice{Touch: touch}, measure)
		p := l.StoryPanel(&StoryView{Title: "Leader election", Steps: 4, Caption: "A caption.", Done: true}, measure)
		var cmds []Command
		for _, b := range p.Buttons {
			cmds = append(cmds, b.Cmd)
			if b.Rect.X < p.Rect.X || b.Rect.Right() > p.Rect.Right() || p.Rect.Right() > l.W {
				t.Errorf("touch %v: the %s button %v leaves the panel %v or the frame", touch, b.Label, b.Rect, p.Rect)
			}
		}
		if !slices.Contains(cmds, CmdTakeOver) || !slices.Contains(cmds, CmdStoryNext) || !slices.Contains(cmds, CmdStoryBack) {
			t.Errorf("touch %v: the phone's story panel has the buttons %v; want Back, Next and Take over", touch, cmds)
		}
	}
}

// In a small embed the story panel takes a column beside the ring rather
// than its foot, so the ring stays large enough for the nodes' roles, and
// the panel covers no node; a laptop's screen keeps it along the bottom.
func TestStoryPanelBesideTheRingInASmallEmbed(t *testing.T) {
	for _, tc := range []struct {
		w, h float64
		side bool
	}{{640, 400, true}, {1280, 800, false}} {
		s := New(&Light, ControlsMinimal, measure)
		s.Observe(cluster(5), nil)
		s.Resize(tc.w, tc.h, 1)
		s.SetStory(&StoryView{Title: "Leader election", Steps: 4, Caption: "Five nodes start as followers, and there is no leader. Each follower waits out its own randomized election timeout (150-290 ms); the arc around a node shows how much is left.", Done: true})
		var panel *Panel
		for _, p := range s.OpenPanels() {
			if strings.HasPrefix(p.Title, "Leader election") {
				panel = p
			}
		}
		if panel == nil {
			t.Fatalf("%v×%v: no story panel", tc.w, tc.h)
		}
		if got := !s.Layout.StorySide.Empty(); got != tc.side {
			t.Errorf("%v×%v: the story panel at the side is %v; want %v", tc.w, tc.h, got, tc.side)
		}
		bottom := NewLayoutWith(tc.w, tc.h, 1, 5, ControlsMinimal, PanelChoice{}, measure)
		bottom.ReserveBottom(StoryPanelHeight(1), measure)
		if tc.side && s.Layout.NodeR <= bottom.NodeR {
			t.Errorf("%v×%v: beside the story panel the nodes are %v across, no larger than the %v they are above it", tc.w, tc.h, s.Layout.NodeR, bottom.NodeR)
		}
		for i, c := range s.Layout.NodePos {
			if panel.Rect.Inset(-s.Layout.TimerR()).Contains(c) {
				t.Errorf("%v×%v: the story panel %v covers node %d at %v", tc.w, tc.h, panel.Rect, i+1, c)
			}
		}
		for _, b := range panel.Buttons {
			if b.Rect.Right() > panel.Rect.Right() || b.Rect.Bottom() > s.Layout.H {
				t.Errorf("%v×%v: the %s button %v leaves the panel %v", tc.w, tc.h, b.Label, b.Rect, panel.Rect)
			}
		}
	}
}

// A short screen (a 640×400 embed) keeps Stories on its toolbar, the way to
// the stories and the editor by pointer; a tiny one keeps the minimal bar.
func TestShortScreenKeepsStories(t *testing.T) {
	has := func(l Layout) bool {
		return slices.ContainsFunc(l.Buttons, func(b Button) bool { return b.Cmd == CmdStories })
	}
	if l := NewLayout(640, 400, 1, 5, ControlsFull, measure); !has(l) || l.toolbarRows() != 1 {
		t.Errorf("640×400: Stories %v, %d toolbar rows", has(l), l.toolbarRows())
	}
	if l := NewLayout(320, 240, 1, 5, ControlsFull, measure); has(l) {
		t.Error("320×240 takes Stories, and a second row from the ring")
	}
	if l := NewLayout(640, 400, 1, 5, ControlsMinimal, measure); has(l) {
		t.Error("controls=minimal takes Stories")
	}
}

// A story in a small embed shows the log strips the screen folds away,
// with boxes wide enough for the words its captions name, and its panel
// over the side column covers neither the log nor a node; the Logs button
// folds them again.
func TestStoryShowsItsLogInASmallEmbed(t *testing.T) {
	s := New(&Light, ControlsMinimal, measure)
	s.Observe(cluster(5), nil)
	s.Resize(640, 400, 1)
	if !s.Layout.Logs.Empty() {
		t.Fatal("640×400 shows the log strips before a story; they should be folded")
	}
	s.SetStory(&StoryView{Title: "Partition", Steps: 5, Caption: "The majority commits \"cool\".", Done: true})
	l := &s.Layout
	if l.Logs.Empty() {
		t.Fatal("the story shows no log strips at 640×400")
	}
	g := l.LogGeom(measure)
	if w := measure("much", FontTiny); g.BoxW-3 < w {
		t.Errorf("a log box is %v wide; \"much\" needs %v", g.BoxW, w+3)
	}
	panel := openPanel(t, s, "Partition")
	if overlap(panel.Rect, l.Logs) || !inside(panel.Rect, Rect{0, 0, 640, 400}) {
		t.Errorf("the story panel %v covers the log %v or leaves the frame", panel.Rect, l.Logs)
	}
	for i, c := range l.NodePos {
		if panel.Rect.Inset(-l.TimerR()).Contains(c) || l.Logs.Inset(-l.TimerR()).Contains(c) {
			t.Errorf("node %d at %v is under the story panel %v or the log %v", i+1, c, panel.Rect, l.Logs)
		}
	}
	s.handle(Intent{Cmd: CmdPanels})
	if !s.Layout.Logs.Empty() {
		t.Error("the Logs button leaves the story's log strips shown")
	}
	s.handle(Intent{Cmd: CmdPanels})
	if s.Layout.Logs.Empty() {
		t.Error("the Logs button pressed again shows no log strips")
	}
	// A later step's long caption: the panel makes room again, over no
	// log strip and no node.
	s.SetStory(&StoryView{Title: "Partition", Steps: 5, Step: 4, Done: true, Last: true,
		Caption: strings.Repeat("Every node holds \"much\" and \"cool\". ", 12)})
	s.Observe(cluster(5), nil)
	p := openPanel(t, s, "Partition")
	if !s.Layout.Logs.Empty() && overlap(p.Rect, s.Layout.Logs) {
		t.Errorf("the long caption's panel %v covers the log strips %v", p.Rect, s.Layout.Logs)
	}
	for i, c := range s.Layout.NodePos {
		if p.Rect.Inset(-s.Layout.TimerR()).Contains(c) {
			t.Errorf("the long caption's panel %v covers node %d at %v", p.Rect, i+1, c)
		}
	}
}

// openPanel returns the open panel whose title starts with title.
func openPanel(t *testing.T, s *Scene, title string) *Panel {
	t.Helper()
	for _, p := range s.OpenPanels() {
		if strings.HasPrefix(p.Title, title) {
			return p
		}
	}
	t.Fatalf("no open panel titled %q…", title)
	return nil
}

// On a phone a step with a long caption (a question and its answer) keeps
// the ring first: the panel goes under the ring, over the strips below it,
// and covers no node.
func TestLongStoryCaptionLeavesThePhoneRing(t *testing.T) {
	s := New(&Light, ControlsFull, measure)
	s.Observe(cluster(5), nil)
	s.Touch(Point{})
	s.Resize(390*3, 844*3, 3)
	s.SetStory(&StoryView{Title: "Network partition", Steps: 5, Step: 4, Done: true, Last: true,
		Caption: strings.Repeat("The partition heals and every node holds the committed words. ", 8)})
	l := &s.Layout
	panel := openPanel(t, s, "Network partition")
	if l.RY < 40*3 {
		t.Errorf("the ring is %v high under a long caption", 2*l.RY/3)
	}
	if overlap(panel.Rect, l.Time) && panel.Rect.Bottom() < l.Time.Bottom() {
		t.Errorf("the story panel %v covers the top of the timeline strip %v and leaves its foot", panel.Rect, l.Time)
	}
	for i, c := range l.NodePos {
		if panel.Rect.Inset(-l.TimerR()).Contains(c) {
			t.Errorf("the story panel %v covers node %d at %v", panel.Rect, i+1, c)
		}
	}
	for _, b := range panel.Buttons {
		if !inside(b.Rect, Rect{0, 0, l.W, l.H}) {
			t.Errorf("the %s button %v leaves the frame", b.Label, b.Rect)
		}
	}
}

// onPhone returns a scene of a touched 390×844 phone at scale showing a
// cluster of nodes, a time strip ending at endMs, and story.
func onPhone(theme *Theme, nodes int, scale float64, endMs int64, story *StoryView) *Scene {
	s := New(theme, ControlsFull, measure)
	s.Observe(cluster(nodes), nil)
	s.Touch(Point{})
	s.Resize(390*scale, 844*scale, scale)
	s.SetTime(&TimeView{EndMs: endMs, ShownMs: endMs})
	s.SetStory(story)
	s.Observe(cluster(nodes), nil)
	return s
}

// After a long caption a phone's shorter one gives the panel its own
// height back, with the timeline strip covered whole or not at all.
func TestPhoneStoryPanelShrinksAfterALongCaption(t *testing.T) {
	short := &StoryView{Title: "Leader election", Steps: 4, Step: 3, Done: true, Caption: "The leader sends heartbeats."}
	s := onPhone(&Light, 5, 3, 600, short)
	before := openPanel(t, s, "Leader election").Rect
	s.SetStory(&StoryView{Title: "Leader election", Steps: 4, Step: 2, Done: true,
		Caption: strings.Repeat("A candidate asks every node for its vote. ", 10)})
	s.Observe(cluster(5), nil)
	s.SetStory(short)
	s.Observe(cluster(5), nil)
	after := openPanel(t, s, "Leader election").Rect
	if after != before {
		t.Errorf("the short caption's panel is %v after a long one; it was %v", after, before)
	}
	if overlap(after, s.Layout.Time) && after.Bottom() < s.Layout.Time.Bottom() {
		t.Errorf("the panel %v covers the top of the timeline strip %v and leaves its foot", after, s.Layout.Time)
	}
}

// A tap on a phone's script panel, which covers the timeline strip, goes
// to the panel's button: the panel stays where it is from frame to frame,
// and Next goes on.
func TestPhoneStoryPanelOverTheStripTakesTheTap(t *testing.T) {
	s := onPhone(&Dark, 3, 2, 0, &StoryView{Title: "raft script prevote", Steps: 16, Step: 9, Done: true,
		Caption: "3 is now behind on its log. Attempt to campaign.",
		Script:  &ScriptView{Command: "raft-log 3", Output: `1/11 EntryNormal ""`}})
	panel := openPanel(t, s, "raft script prevote")
	i := slices.IndexFunc(panel.Buttons, func(b Button) bool { return b.Cmd == CmdStoryNext })
	at := panel.Buttons[i].Rect.Center()
	// The panel keeps its place from one frame to the next: a press and
	// its release land on the same button.
	s.Observe(cluster(3), nil)
	if again := openPanel(t, s, "raft script prevote"); again.Rect != panel.Rect {
		t.Fatalf("the script's panel moved from %v to %v between two frames", panel.Rect, again.Rect)
	}
	s.TakeOps()
	s.Press(at)
	s.Release(at)
	if ops := s.TakeOps(); len(ops) != 1 || ops[0].Cmd != CmdStoryNext {
		t.Errorf("a tap on Next gave %+v, want Next", ops)
	}
}
