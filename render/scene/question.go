package scene

import (
	"fmt"
	"slices"
	"strings"

	"raftplay/raftsim"
)

// QuestionView is the question a story step asks before it runs.
type QuestionView struct {
	Ask     string
	Choices []string
	Right   []int // the indexes of the right choices
	Explain string
	// Answer is the choice picked, from 0, or -1 while none is.
	Answer int
}

// Asking reports whether the question waits for its answer: the step does
// not run until it has one.
func (q *QuestionView) Asking(done bool) bool { return q != nil && q.Answer < 0 && !done }

// rightWords names the right choices: "B", or "much and cool".
func (q *QuestionView) rightWords() string {
	var names []string
	for _, i := range q.Right {
		names = append(names, q.Choices[i])
	}
	if len(names) > 1 {
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return strings.Join(names, "")
}

// verdict says how the answer went, or what the answer was when the step
// ran without one.
func (q *QuestionView) verdict() string {
	switch {
	case q.Answer < 0:
		return "The answer: " + q.rightWords() + "."
	case slices.Contains(q.Right, q.Answer) && len(q.Right) == 1:
		return fmt.Sprintf("You said %s: right.", q.Choices[q.Answer])
	case slices.Contains(q.Right, q.Answer):
		return fmt.Sprintf("You said %s: right; the right answers are %s.", q.Choices[q.Answer], q.rightWords())
	}
	return fmt.Sprintf("You said %s; the answer is %s.", q.Choices[q.Answer], q.rightWords())
}

// questionLines are the question's lines in the story panel, each no wider
// than width: the question, then, once answered or run, how it went and why.
func (q *QuestionView) lines(done bool, width float64, u float64, measure Measure) []string {
	lines := Wrap("Question: "+q.Ask, width, FontUI*u, measure)
	if q.Asking(done) {
		return append(lines, Wrap("Answer to run the step: click a choice or press its number.", width, FontUI*u, measure)...)
	}
	return append(lines, Wrap(q.verdict()+" "+q.Explain, width, FontUI*u, measure)...)
}

// choiceButtons are the answers the question offers, keyed 1 to 9.
func (q *QuestionView) choiceButtons() []Button {
	var bs []Button
	for i, c := range q.Choices {
		b := Button{Cmd: CmdStoryAnswer, Label: c, Arg: i}
		if i < 9 {
			b.Key = fmt.Sprint(i + 1)
		}
		bs = append(bs, b)
	}
	return bs
}

// key answers the story's open question with a digit key, which otherwise
// selects a node; it reports whether the key was taken.
func (*storyPanel) key(s *Scene, r rune) ([]raftsim.Action, bool) {
	v := s.Story
	if v == nil || !v.Question.Asking(v.Done) || r < '1' || r > '9' {
		return nil, false
	}
	if i := int(r - '1'); i < len(v.Question.Choices) {
		s.ops = append(s.ops, GameOp{Cmd: CmdStoryAnswer, Arg: i})
	}
	return nil, true
}
