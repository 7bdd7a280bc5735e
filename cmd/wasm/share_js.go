package main

import (
	"fmt"
	"strings"
	"syscall/js"

	"raftplay/raftsim"
	"raftplay/raftsim/runcodec"
	"raftplay/raftsim/storyedit"
)

// startRun sets up what the URL asks to show: a shared run, reproduced
// exactly, or a story from one of its steps. It returns the problems to show;
// a broken link or story leaves the default run in place, and a link's
// action that cannot be done is skipped and named (Sim.Replay's policy).
func (a *app) startRun(p Params) []string {
	switch {
	case p.Run != "":
		run, err := runcodec.Decode(p.Run)
		var refused []raftsim.Refusal
		if err == nil {
			refused, err = a.sim.Replay(run)
		}
		var problems []string
		for _, r := range refused {
			problems = append(problems, fmt.Sprintf("this link's %v; the run goes on without it", r))
		}
		if err != nil {
			// The URL's config was validated; a reset to it cannot fail.
			_ = a.sim.Reset(p.Config)
			return []string{fmt.Sprintf("this link is broken (%v); starting the default run instead", err)}
		}
		return problems
	case p.Story != "":
		return a.openStoryLink(p.Story, p.Config)
	case p.Script != "":
		if err := a.stories.StartScript(p.Script, p.Step-1); err != nil {
			return []string{fmt.Sprintf("script %s: %v; starting it from step 1", p.Script, err)}
		}
	case p.Scenario != "":
		if err := a.stories.Start(p.Scenario, p.Step-1); err != nil {
			return []string{fmt.Sprintf("story %s: %v; starting it from step 1", p.Scenario, err)}
		}
	}
	return nil
}

// openStoryLink plays the story a story= link carries from its first step,
// and puts it in the editor to change. A damaged link says what is wrong
// and leaves the run the URL's other parameters describe.
func (a *app) openStoryLink(link string, cfg raftsim.Config) []string {
	story, sc, err := storyedit.DecodeLink(link)
	if err == nil {
		err = a.stories.Play(sc, 0)
	}
	if err != nil {
		// The URL's config was validated; a reset to it cannot fail.
		_ = a.sim.Reset(cfg)
		return []string{fmt.Sprintf("this story link is broken (%v); starting the default run instead", err)}
	}
	a.editor.opened(story)
	return nil
}

// shareURL is the address that shows what param (run=… or story=…) holds:
// this page with only it (and the look, with the theme chosen in the
// settings) in its query; while one of raft's scripts plays, a run's address
// is the script and its step, since a script's run is its commands.
func (a *app) shareURL(param string) string {
	loc := js.Global().Get("location")
	q := "?" + param
	if name, step, pasted, ok := a.stories.ScriptAt(); ok && !pasted && strings.HasPrefix(param, "run=") {
		q = fmt.Sprintf("?script=%s&step=%d", name, step+1)
	}
	params, _ := ParseParams(loc.Get("search").String())
	if d := DefaultParams(); a.theme != d.Theme {
		q += "&theme=" + a.theme
	}
	if d := DefaultParams(); params.Motion != d.Motion {
		q += "&motion=" + params.Motion
	}
	if d := DefaultParams(); params.Controls != d.Controls {
		q += "&controls=" + params.Controls
	}
	if params.Panels != "" {
		q += "&panels=" + params.Panels
	}
	return loc.Get("origin").String() + loc.Get("pathname").String() + q
}

// share puts the link to the run in the address bar and on the clipboard
// (where the browser allows: the clipboard needs a secure context).
func (a *app) share(run string) {
	if _, _, pasted, ok := a.stories.ScriptAt(); ok && pasted {
		a.game.Notify("a pasted script has no link: paste it again to play it")
		return
	}
	link := a.shareURL("run=" + run)
	js.Global().Get("history").Call("replaceState", nil, "", link)
	if cb := js.Global().Get("navigator").Get("clipboard"); cb.Truthy() {
		cb.Call("writeText", link)
	}
	a.game.Notify(fmt.Sprintf("link to this run copied (and in the address bar): %d characters", len(link)))
}
