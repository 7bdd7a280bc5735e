package control

import (
	"fmt"

	"raftplay/raftsim"
	"raftplay/raftsim/scenario"
	"raftplay/render/scene"
)

// Stories plays the built-in stories (raftsim/scenario), and raft's
// interaction scripts (script.go), on the simulator the game shows: a step
// at a time, waiting at the end of each for Next, going back by replaying,
// and handing the run over to free play on request.
type Stories struct {
	sim     *raftsim.Sim
	entries []scene.StoryEntry
	player  *scenario.Player
	// script plays one of raft's scripts, in place of a story.
	script *raftsim.ScriptPlayer
	// answer is the choice picked for the current step's question, from 0,
	// or -1 while none is; the step waits for it before it runs.
	answer int
}

// NewStories returns the story player for sim.
func NewStories(sim *raftsim.Sim) *Stories {
	st := &Stories{sim: sim, answer: -1}
	for _, name := range scenario.Builtins {
		title := scenario.BuiltinTitle(name)
		if title == "" {
			title = name
		}
		st.entries = append(st.entries, scene.StoryEntry{Name: name, Title: title})
	}
	return st
}

// Start plays the built-in story called name from step (counted from 0).
func (st *Stories) Start(name string, step int) error {
	sc, err := scenario.Builtin(name)
	if err != nil {
		return err
	}
	return st.Play(sc, step)
}

// Play plays story sc, a built-in one or one written in the page, from
// step (counted from 0): the steps before it are replayed, as Back does.
func (st *Stories) Play(sc *scenario.Scenario, step int) error {
	if step < 0 || step >= len(sc.Steps) {
		return fmt.Errorf("story %s has steps 1 to %d", sc.Name, len(sc.Steps))
	}
	st.TakeOver()
	p, err := scenario.NewPlayer(st.sim, sc)
	if err != nil {
		return err
	}
	st.player = p
	return st.moved(p.Goto(step))
}

// Entries are the built-in stories the picker lists, in its order.
func (st *Stories) Entries() []scene.StoryEntry { return st.entries }

// Active reports whether a story (or a script) is being played.
func (st *Stories) Active() bool { return st.player != nil || st.script != nil }

// Name returns the story (or script) being played, or "".
func (st *Stories) Name() string {
	if st.script != nil {
		return st.script.Name()
	}
	if st.player == nil {
		return ""
	}
	return st.player.Scenario().Name
}

// View is what the story panel shows, or nil in free play.
func (st *Stories) View() *scene.StoryView {
	if st.script != nil && !st.script.Current() {
		st.script = nil // a reset replaced the script's run: free play
	}
	if st.script != nil {
		return st.scriptView()
	}
	p := st.player
	if p == nil {
		return nil
	}
	sc := p.Scenario()
	v := &scene.StoryView{Title: sc.Title, Step: p.Step(), Steps: len(sc.Steps), Caption: p.Caption(), Done: p.Done(), Last: p.Last()}
	if i := st.after(); i >= 0 {
		v.NextTitle = st.entries[i].Title
	}
	if rs := p.Results(); p.Done() && len(rs) > 0 {
		v.Failures = rs[len(rs)-1].Failures
	}
	if q := p.Question(); q != nil {
		v.Question = &scene.QuestionView{Ask: q.Ask, Choices: q.Choices, Right: q.Right, Explain: q.Explain, Answer: st.answer}
	}
	return v
}

// Asking reports whether the current step waits for its question's answer.
func (st *Stories) Asking() bool {
	return st.player != nil && st.player.Question() != nil && st.answer < 0 && !st.player.Done()
}

// Advance drives the simulator through the story by up to ms; the story
// stops at the end of each step, and before a step whose question is not
// answered yet.
func (st *Stories) Advance(ms int64) {
	if st.player != nil && !st.Asking() {
		st.player.Advance(ms)
	}
}

// Answer answers the current step's question with choice i (from 0); the
// step then runs, whether the answer was right or not.
func (st *Stories) Answer(i int) error {
	return st.with(func(p *scenario.Player) error {
		q := p.Question()
		switch {
		case q == nil:
			return fmt.Errorf("step %d asks no question", p.Step()+1)
		case !st.Asking():
			return fmt.Errorf("step %d's question is answered already", p.Step()+1)
		case i < 0 || i >= len(q.Choices):
			return fmt.Errorf("the question has choices 1 to %d", len(q.Choices))
		}
		st.answer = i
		return nil
	})
}

// moved forgets the answer once the story stands at the start of a step: a
// step reached again asks again.
func (st *Stories) moved(err error) error {
	if err == nil {
		st.answer = -1
	}
	return err
}

// Next starts the next step once this one has ended; after the last step it
// starts the story that follows this one in the picker.
func (st *Stories) Next() error {
	if st.script != nil {
		return st.script.Next()
	}
	if p := st.player; p != nil && p.Last() && p.Done() {
		if i := st.after(); i >= 0 {
			return st.Start(st.entries[i].Name, 0)
		}
	}
	return st.with(func(p *scenario.Player) error { return st.moved(p.Next()) })
}

// after returns the picker's index of the story after the one being
// played, or -1 when it is the last or none is played.
func (st *Stories) after() int {
	name := st.Name()
	for i, e := range st.entries {
		if e.Name == name && i+1 < len(st.entries) {
			return i + 1
		}
	}
	return -1
}

// Back replays the story to the start of the previous step.
func (st *Stories) Back() error {
	if st.script != nil {
		return st.script.Back()
	}
	return st.with(func(p *scenario.Player) error {
		if p.Step() == 0 {
			return fmt.Errorf("this is the story's first step")
		}
		return st.moved(p.Goto(p.Step() - 1))
	})
}

// Goto replays the story to the start of step k (from 0).
func (st *Stories) Goto(k int) error {
	if st.script != nil {
		return st.script.Goto(k)
	}
	return st.with(func(p *scenario.Player) error { return st.moved(p.Goto(k)) })
}

// Finish runs the current step to its end at once.
func (st *Stories) Finish() error {
	if st.script != nil {
		return nil // a script's step ends as it runs
	}
	return st.with(func(p *scenario.Player) error { p.Finish(); return nil })
}

// TakeOver ends the story; the run goes on in free play from where it is.
func (st *Stories) TakeOver() {
	st.script = nil
	if st.player != nil {
		st.player.Close()
		st.player = nil
	}
}

func (st *Stories) with(f func(*scenario.Player) error) error {
	if st.player == nil {
		return fmt.Errorf("no story is playing; pick one with Stories (g)")
	}
	return f(st.player)
}
