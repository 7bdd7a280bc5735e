package scene

import (
	"strings"
	"testing"
)

func splitVoteQuestion(answer int) *StoryView {
	return &StoryView{Title: "Split vote", Step: 1, Steps: 3, Caption: "B and D each vote.",
		Question: &QuestionView{Ask: "Which node campaigns for term 2?", Choices: []string{"A", "B", "C", "D"},
			Right: []int{1}, Explain: "B's timer ran out first.", Answer: answer}}
}

// While a question waits, the story panel asks it and offers its choices,
// keyed 1 to 4, in place of Next and the steps, and keeps the caption back,
// which would give the answer away; once answered it shows the caption, says
// how the answer went and why, and the step's buttons come back.
func TestStoryPanelAsksTheQuestion(t *testing.T) {
	l := NewLayout(1280, 800, 1, 4, ControlsFull, measure)
	p := l.StoryPanel(splitVoteQuestion(-1), measure)
	text := strings.Join(p.Lines, " ")
	if !strings.Contains(text, "Question: Which node campaigns for term 2?") || strings.Contains(text, "timer ran out") || strings.Contains(text, "B and D each vote") {
		t.Errorf("asking, the panel says %q: want the question and neither the caption nor the explanation yet", text)
	}
	var labels []string
	for _, b := range p.Buttons {
		labels = append(labels, b.Label+"/"+b.Key)
		if b.Cmd == CmdStoryNext || b.Cmd == CmdStoryJump {
			t.Errorf("asking, the panel offers %v: the step cannot be skipped before an answer", b.Label)
		}
	}
	if got := strings.Join(labels, " "); got != "A/1 B/2 C/3 D/4 Back/b Take over/x" {
		t.Errorf("buttons %q", got)
	}
	for answer, want := range map[int]string{
		0:  "You said A; the answer is B. B's timer ran out first.",
		1:  "You said B: right. B's timer ran out first.",
		-1: "The answer: B. B's timer ran out first.", // the step ran (Finish) unanswered
	} {
		v := splitVoteQuestion(answer)
		v.Done = answer == -1
		p := l.StoryPanel(v, measure)
		if text := strings.Join(p.Lines, " "); !strings.Contains(text, want) || !strings.HasPrefix(text, "B and D each vote.") {
			t.Errorf("answer %d: panel says %q, want %q", answer, text, want)
		}
		if p.Buttons[0].Cmd != CmdStoryBack || p.Buttons[1].Cmd != CmdStoryNext {
			t.Errorf("answer %d: buttons start %v %v, want Back and Next", answer, p.Buttons[0].Label, p.Buttons[1].Label)
		}
	}
}

// A click on a choice and its digit key both answer; while no question
// waits, a digit selects a node as always.
func TestQuestionIsAnsweredByClickAndKey(t *testing.T) {
	s := newScene(cluster(4))
	s.SetStory(splitVoteQuestion(-1))
	s.layPanels()
	panel := s.OpenPanels()[len(s.OpenPanels())-1]
	c := panel.Buttons[2].Rect.Center()
	s.Press(c)
	if acts := s.Release(c); acts != nil {
		t.Fatalf("a click on a choice gave actions %v", acts)
	}
	s.Key('2')
	s.Key('7') // no seventh choice: taken, and nothing done
	ops := s.TakeOps()
	if len(ops) != 2 || ops[0] != (GameOp{CmdStoryAnswer, 2}) || ops[1] != (GameOp{CmdStoryAnswer, 1}) {
		t.Fatalf("ops %v, want answers C (click) and B (key 2)", ops)
	}
	if s.Controller.Selected != 0 {
		t.Errorf("a digit answering the question also selected node %d", s.Controller.Selected)
	}
	s.SetStory(splitVoteQuestion(1))
	s.Key('2')
	if ops := s.TakeOps(); len(ops) != 0 || s.Controller.Selected != 2 {
		t.Errorf("answered: key 2 gave ops %v and selected %d, want node 2 selected", ops, s.Controller.Selected)
	}
}
