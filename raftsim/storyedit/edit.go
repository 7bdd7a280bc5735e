package storyedit

import (
	"fmt"
	"slices"

	"github.com/tidwall/gjson"

	"raftplay/raftsim/scenario"
)

// The edits a writer makes to a draft. Each checks its step numbers (from
// 0) and leaves the draft as it was when it refuses.

// Step returns step i, or an error naming the steps there are.
func (d *Draft) Step(i int) (*Step, error) {
	if i < 0 || i >= len(d.Steps) {
		return nil, fmt.Errorf("the story has steps 1 to %d, not %d", len(d.Steps), i+1)
	}
	return &d.Steps[i], nil
}

// SetCaption sets what step i says.
func (d *Draft) SetCaption(i int, caption string) error {
	s, err := d.Step(i)
	if err == nil {
		s.Caption = caption
	}
	return err
}

// Move puts step i at position j; the steps between shift by one. Each step
// keeps its actions and times, so the story plays them in the new order.
func (d *Draft) Move(i, j int) error {
	if _, err := d.Step(i); err != nil {
		return err
	}
	if _, err := d.Step(j); err != nil {
		return err
	}
	s := d.Steps[i]
	d.Steps = slices.Insert(slices.Delete(d.Steps, i, i+1), j, s)
	return nil
}

// Delete removes step i, its actions with it.
func (d *Draft) Delete(i int) error {
	if _, err := d.Step(i); err != nil {
		return err
	}
	d.Steps = slices.Delete(d.Steps, i, i+1)
	return nil
}

// Join makes step i part of the step before it: its actions follow that
// step's at the same times as before, so the run is the same, and the
// joined step runs as long as both did. It keeps the earlier step's caption
// and question and the later one's expectations, which hold where it ends.
func (d *Draft) Join(i int) error {
	if i == 0 {
		return fmt.Errorf("step 1 has no step before it to join")
	}
	s, err := d.Step(i)
	if err != nil {
		return err
	}
	prev := &d.Steps[i-1]
	for _, a := range s.Actions {
		a.AtMs += prev.RunMs
		prev.Actions = append(prev.Actions, a)
	}
	prev.RunMs += s.RunMs
	prev.Expect = s.Expect
	d.Steps = slices.Delete(d.Steps, i, i+1)
	return nil
}

// SetRunMs sets how long step i runs, at least until its last action.
func (d *Draft) SetRunMs(i int, ms int64) error {
	s, err := d.Step(i)
	if err != nil {
		return err
	}
	if n := len(s.Actions); n > 0 && ms < s.Actions[n-1].AtMs {
		return fmt.Errorf("step %d's last action is at %d ms: it runs at least that long", i+1, s.Actions[n-1].AtMs)
	}
	if ms < 0 {
		return fmt.Errorf("a step cannot run for %d ms", ms)
	}
	s.RunMs = ms
	return nil
}

// ToggleExpect adds the condition cond (its JSON) to step i's
// expectations, or takes it out when the step has it.
func (d *Draft) ToggleExpect(i int, cond string) error {
	s, err := d.Step(i)
	if err != nil {
		return err
	}
	if !gjson.Valid(cond) {
		return fmt.Errorf("an expectation is a condition in JSON, got %.80q", cond)
	}
	cond = compact(cond)
	if k := slices.Index(s.Expect, cond); k >= 0 {
		s.Expect = slices.Delete(slices.Clone(s.Expect), k, k+1)
		return nil
	}
	next := append(slices.Clone(s.Expect), cond)
	return d.trying(i, func(s *Step) { s.Expect = next })
}

// SetQuestion gives step i a question (its JSON, as a story file writes
// it), or takes its question away with "". A question the story format
// refuses (no right answer, a node the story does not have) is refused
// with the format's message.
func (d *Draft) SetQuestion(i int, question string) error {
	if _, err := d.Step(i); err != nil {
		return err
	}
	if question != "" {
		if !gjson.Valid(question) {
			return fmt.Errorf("the question is not valid JSON")
		}
		question = compact(question)
	}
	return d.trying(i, func(s *Step) { s.Question = question })
}

// trying makes a change to step i and keeps it only when the story still
// parses, so a draft is always a valid story.
func (d *Draft) trying(i int, change func(*Step)) error {
	old := d.Steps[i]
	change(&d.Steps[i])
	if _, err := scenario.Parse(string(d.JSON())); err != nil {
		d.Steps[i] = old
		return err
	}
	return nil
}
