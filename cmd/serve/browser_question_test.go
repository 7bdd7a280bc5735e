package main

import (
	"encoding/json"
	"testing"
	"time"

	"raftplay/render/scene"
)

// questionState is the question in raftplay.story(): choices count from 1.
type questionState struct {
	Ask     string   `json:"ask"`
	Choices []string `json:"choices"`
	Right   []int    `json:"right"`
	Explain string   `json:"explain"`
	Answer  int      `json:"answer"`
	Asking  bool     `json:"asking"`
}

// question returns the current step's question, failing the test if it has none.
func (t *tab) question() questionState {
	t.tb.Helper()
	var s struct {
		Question *questionState `json:"question"`
	}
	if err := json.Unmarshal([]byte(eval[string](t, t.api+".story()")), &s); err != nil || s.Question == nil {
		t.tb.Fatalf("the story's step asks no question (%v)", err)
	}
	return *s.Question
}

// The split vote's second step asks which node campaigns for term 2 and
// waits: the run does not move until a choice is clicked. A wrong answer
// says so and runs the step all the same; going back asks again, and the
// key 2 answers B, which is right.
func TestBrowserStoryQuestion(t *testing.T) {
	tab := openPlayground(t, "scenario=split-vote&step=2&theme=dark&speed=1")
	q := tab.question()
	if !q.Asking || len(q.Choices) != 4 || q.Choices[1] != "B" || len(q.Right) != 1 || q.Right[0] != 2 {
		t.Fatalf("question %+v, want it asking, choices A to D, B right", q)
	}
	before := tab.state().NowMs
	tab.waitFrames(10)
	if now := tab.state().NowMs; now != before {
		t.Fatalf("the run moved from %d to %d ms while the question waited", before, now)
	}

	// The panel the page draws is the one its layout gives: click A there.
	l := viewLayout(goFontMeasure(t), 4)
	l.ReserveBottom(scene.StoryPanelHeight(1), goFontMeasure(t))
	s := tab.story(nil)
	view := &scene.StoryView{Title: "Split vote", Step: s.Step - 1, Steps: s.Steps, Caption: s.Caption,
		Question: &scene.QuestionView{Ask: q.Ask, Choices: q.Choices, Right: []int{1}, Explain: q.Explain, Answer: -1}}
	panel := l.StoryPanel(view, goFontMeasure(t))
	if got := tab.panel("story"); !nearRect(panel.Rect, got) {
		t.Fatalf("the story panel is at %v, the test's layout puts it at %v", got, panel.Rect)
	}
	tab.saveShot("question-asking.png")
	tab.click(panel.Buttons[0].Rect.Center())
	if q := tab.question(); q.Answer != 1 || q.Asking {
		t.Fatalf("after a click on A: %+v, want A answered", q)
	}
	tab.pollFor("the step to run and end", tab.api+`.story().includes('"done":true')`, 20*time.Second)
	if s := tab.story(nil); len(s.Failures) > 0 {
		t.Errorf("the step ran after a wrong answer but failed: %q", s.Failures)
	}
	tab.saveShot("question-answered-wrong.png")

	tab.story(map[string]bool{"next": true})
	tab.story(map[string]bool{"back": true})
	if q := tab.question(); !q.Asking || q.Answer != 0 {
		t.Fatalf("back at step 2 the question is %+v, want it asked again", q)
	}
	tab.waitFrames(2) // the panel asks on screen before anyone answers it
	tab.press("2")
	if q := tab.question(); q.Answer != 2 {
		t.Fatalf("after the key 2: %+v, want B answered", q)
	}
	if n := tab.state().Node(2); n.Role == "leader" {
		t.Error("the key 2 answered and also acted on node 2")
	}
	tab.pollFor("the step to run and end", tab.api+`.story().includes('"done":true')`, 20*time.Second)
	tab.saveShot("question-answered-right.png")
}

// nearRect reports whether two rectangles agree within a pixel.
func nearRect(a, b scene.Rect) bool {
	d := func(x, y float64) bool { return x-y < 1 && y-x < 1 }
	return d(a.X, b.X) && d(a.Y, b.Y) && d(a.W, b.W) && d(a.H, b.H)
}
