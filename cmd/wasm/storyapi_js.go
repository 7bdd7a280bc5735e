package main

import (
	"syscall/js"

	"raftplay/raftsim/runcodec"
)

// storyAPI is raftplay.story([cmd]): with no argument it returns the story's
// state as JSON; with a command (JSON string or object) it carries it out and
// returns the new state, or {"ok":false,"error":…}.
func (a *app) storyAPI(args []js.Value) any {
	var out string
	a.game.Locked(func() {
		if len(args) > 0 {
			text, err := actionText(args[0])
			var c storyCommand
			if err == nil {
				c, err = parseStoryCommand(text)
			}
			if err == nil {
				err = a.doStory(c)
			}
			if err != nil {
				out = resultJSON(err)
				return
			}
		}
		out = a.storyState().json()
	})
	return out
}

func (a *app) doStory(c storyCommand) error {
	st := a.stories
	switch c.op {
	case "start":
		return st.Start(c.name, c.step-1)
	case "script":
		if c.text != "" {
			return st.PlayScript(c.name, c.text, c.step-1)
		}
		return st.StartScript(c.name, c.step-1)

	case "next":
		return st.Next()
	case "back":
		return st.Back()
	case "goto":
		return st.Goto(c.step - 1)
	case "finish":
		return st.Finish()
	case "answer":
		return st.Answer(c.step - 1)
	}
	st.TakeOver()
	return nil
}

func (a *app) storyState() storyState {
	v := a.stories.View()
	if v == nil {
		return storyState{}
	}
	s := storyState{Active: true, Name: a.stories.Name(), Step: v.Step + 1, Steps: v.Steps, Caption: v.Caption, Done: v.Done, Failures: v.Failures, Question: questionState(v)}
	if sv := v.Script; sv != nil {
		s.Command, s.Output, s.Check = sv.Command, sv.Output, sv.Check
	}
	return s
}

// linkAPI is raftplay.link(): the address that reproduces the run as it
// stands, as the Copy link button makes it.
func (a *app) linkAPI([]js.Value) any {
	var link string
	a.game.Locked(func() { link = a.shareURL("run=" + runcodec.Encode(a.sim.Run())) })
	return link
}
