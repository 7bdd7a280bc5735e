package scene

import (
	"fmt"
	"strings"
	"testing"
)

// scriptStep is a script's step that prints n lines.
func scriptStep(n int) *StoryView {
	var out []string
	for i := range n {
		out = append(out, fmt.Sprintf("  1->2 MsgApp Term:1 Log:1/%d Commit:%d Entries:[1/%d EntryNormal \"prop_%d\"]", i, i, i+1, i))
	}
	return &StoryView{Title: "raft script confchange_v1_add_single", Step: 4, Steps: 6,
		Caption: "n1 commits the conf change using itself as commit quorum, immediately transitions into the final config, and catches up n2.",
		Done:    true,
		Script:  &ScriptView{Command: "propose-conf-change 1 v1=true\nv2", Output: strings.Join(out, "\n")}}
}

// At a laptop's, a phone's and a small embed's size, a script's step shows
// in the story panel whole or cut to the rows it has, saying how many lines
// the console holds beyond them; the panel stays on screen, off the HUD,
// keeps one height whatever the step prints, and a click or a tap on Next,
// Back, a step's button and Take over becomes that game operation.
func TestScriptPanelFitsAndTakesClicks(t *testing.T) {
	for _, sz := range []struct {
		w, h  float64
		touch bool
	}{{1280, 800, false}, {390, 844, true}, {640, 400, false}} {
		name := fmt.Sprintf("%v×%v", sz.w, sz.h)
		s := New(&Dark, ControlsFull, measure)
		s.Observe(cluster(3), nil)
		s.Resize(sz.w, sz.h, 1)
		if sz.touch {
			s.Touch(Point{1, 1})
		}
		var heights []float64
		for _, n := range []int{1, 5, 200} {
			v := scriptStep(n)
			s.SetStory(v)
			p := s.Layout.StoryPanel(v, measure)
			heights = append(heights, p.Rect.H)
			if !inside(p.Rect, s.Layout.below()) || overlap(p.Rect, s.Layout.HUD) {
				t.Errorf("%s, %d lines: panel %v leaves the screen %v or covers the HUD %v", name, n, p.Rect, s.Layout.below(), s.Layout.HUD)
			}
			text := strings.Join(p.Lines, "\n")
			if !strings.Contains(text, "$ propose-conf-change 1 v1=true\n  v2") || !strings.Contains(strings.Join(p.Lines, " "), "catches up n2") {
				t.Errorf("%s, %d lines: no command or caption in %q", name, n, text)
			}
			if !strings.Contains(strings.Join(p.Lines, " "), "raft's own lines are the ones the script expects") {
				t.Errorf("%s, %d lines: the panel does not say how the step compares: %q", name, n, text)
			}
			shown := strings.Count(text, "MsgApp")
			if more := fmt.Sprintf("… %d more lines in the console (e)", n-shown); shown < n && !strings.Contains(text, more) {
				t.Errorf("%s, %d lines: %d shown and no %q", name, n, shown, more)
			}
			if n == 1 && shown != 1 {
				t.Errorf("%s: a one-line output shows %d lines", name, shown)
			}
			if bottom := p.Body.Y + float64(len(p.Lines))*FontUI*LineH; bottom > p.Buttons[0].Rect.Y+1e-9 {
				t.Errorf("%s, %d lines: the lines reach %v, over the buttons at %v", name, n, bottom, p.Buttons[0].Rect.Y)
			}
		}
		if heights[0] != heights[1] || heights[1] != heights[2] {
			t.Errorf("%s: the panel's height moves with the output: %v", name, heights)
		}
		v := scriptStep(3)
		s.SetStory(v)
		p := s.Layout.StoryPanel(v, measure)
		want := map[Command]GameOp{CmdStoryBack: {CmdStoryBack, 0}, CmdStoryNext: {CmdStoryNext, 0}, CmdTakeOver: {CmdTakeOver, 0}}
		for _, b := range p.Buttons {
			if b.Cmd == CmdStoryJump && b.Arg == 2 {
				want[CmdStoryJump] = GameOp{CmdStoryJump, 2}
			}
		}
		if sz.w >= 1280 && len(want) != 4 {
			t.Errorf("%s: no button for step 3 among %v", name, p.Buttons)
		}
		placed := map[string]Rect{}
		for _, pp := range s.Placement().Panels {
			placed[pp.Name] = Rect{pp.X, pp.Y, pp.W, pp.H}
		}
		for _, b := range p.Buttons {
			if name, ok := storyButtons[b.Cmd]; ok && placed[name].Center().Sub(b.Rect.Center()).Len() > 0.1 {
				t.Errorf("%s: layout() puts %s at %v, the panel at %v", name, name, placed[name], b.Rect)
			}
		}
		for _, b := range p.Buttons {
			op, ok := want[b.Cmd]
			if !ok || b.Cmd == CmdStoryJump && b.Arg != op.Arg {
				continue
			}
			if !inside(b.Rect, p.Rect) {
				t.Errorf("%s: %q at %v is outside the panel %v", name, b.Label, b.Rect, p.Rect)
			}
			s.Press(b.Rect.Center())
			if acts := s.Release(b.Rect.Center()); acts != nil {
				t.Errorf("%s: %q gave simulator actions %v", name, b.Label, acts)
			}
			if ops := s.TakeOps(); len(ops) != 1 || ops[0] != op {
				t.Errorf("%s: a click on %q gave %v, want %v", name, b.Label, ops, op)
			}
		}
	}
}

// A script's step whose raft lines differ from the script's says so, in
// the panel and in the console, which also holds the command and its
// whole output, once a step.
func TestScriptStepPrintedToTheConsole(t *testing.T) {
	s := newScene(cluster(3))
	v := scriptStep(40)
	v.Script.Check = `the script expects "INFO 1 became leader at term 1", raftplay printed "(nothing)"`
	s.SetStory(v)
	s.SetStory(v)
	if text := strings.Join(s.Layout.StoryPanel(v, measure).Lines, " "); !strings.Contains(text, "Not as the script: the script expects") {
		t.Errorf("the panel does not say the step differs: %q", text)
	}
	lines := s.Console.Transcript.Last(100)
	if len(lines) != 1+1+40+1 {
		t.Fatalf("the console holds %d lines, want the command's 2, 40 of output and the difference: %q", len(lines), lines)
	}
	if lines[0] != "$ raft script confchange_v1_add_single (step 5 of 6) propose-conf-change 1 v1=true" || lines[1] != "v2" ||
		!strings.Contains(lines[41], `prop_39`) || !strings.HasPrefix(lines[42], "not as the script") {
		t.Errorf("console lines %q", lines)
	}
}

// The story picker leads to raft's scripts, and their picker lists them
// all, in columns on a small screen, each click playing the one it names,
// and its last item opens the box to paste one.
func TestScriptPicker(t *testing.T) {
	names := make([]string, 28)
	for i := range names {
		names[i] = fmt.Sprintf("confchange_v2_replace_leader_%02d", i)
	}
	for _, sz := range [][2]float64{{1280, 800}, {390, 844}, {640, 400}} {
		s := New(&Dark, ControlsFull, measure)
		s.Observe(cluster(3), nil)
		s.Resize(sz[0], sz[1], 1)
		panelOf[*pickerPanel](s).stories = []StoryEntry{{"election", "Leader election"}}
		panelOf[*pickerPanel](s).scriptNames = names
		s.Key('g')
		picker := s.OpenPanels()[len(s.OpenPanels())-1]
		// The scripts come after the stories, before the story editor.
		scripts := picker.Buttons[len(picker.Buttons)-2]
		if scripts.Cmd != CmdScripts || !strings.Contains(scripts.Label, "(28)") {
			t.Fatalf("%v: the story picker's next to last item is %+v", sz, scripts)
		}
		s.Press(scripts.Rect.Center())
		s.Release(scripts.Rect.Center())
		picker = s.OpenPanels()[len(s.OpenPanels())-1]
		if len(picker.Buttons) != 29 || picker.Buttons[28].Cmd != CmdScriptPaste {
			t.Fatalf("%v: the script picker has %d items, last %+v", sz, len(picker.Buttons), picker.Buttons[len(picker.Buttons)-1])
		}
		for _, b := range picker.Buttons {
			if !inside(b.Rect, s.Layout.below()) {
				t.Errorf("%v: %q at %v is off screen", sz, b.Label, b.Rect)
			}
		}
		b := picker.Buttons[27]
		s.Press(b.Rect.Center())
		s.Release(b.Rect.Center())
		if ops := s.TakeOps(); len(ops) != 1 || ops[0] != (GameOp{CmdScriptPick, 27}) || s.Picking() {
			t.Errorf("%v: a click on the 28th script gave %v, picking %v", sz, ops, s.Picking())
		}
	}
}
