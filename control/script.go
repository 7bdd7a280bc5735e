package control

import (
	"raftplay/raftsim"
	"raftplay/raftsim/raftscripts"
	"raftplay/render/scene"
)

// pastedScript is what a script pasted into the page is called.
const pastedScript = "pasted script"

// Scripts lists raft's interaction scripts the picker offers, by name.
func (st *Stories) Scripts() []string { return raftscripts.Names() }

// StartScript plays raft's script called name (one of Scripts) from step
// (counted from 0), in place of the run or story there was.
func (st *Stories) StartScript(name string, step int) error {
	text, err := raftscripts.Text(name)
	if err != nil {
		return err
	}
	return st.PlayScript(name, text, step)
}

// PlayScript plays a script given as text (one pasted into the page) from
// step (counted from 0). A script that cannot play is refused whole and
// what was playing goes on.
func (st *Stories) PlayScript(name, text string, step int) error {
	if name == "" {
		name = pastedScript
	}
	// The run before stays until the script is known good.
	p, err := raftsim.NewScriptPlayer(st.sim, name, text)
	if err != nil {
		return err
	}
	st.TakeOver()
	st.script = p
	if step != 0 {
		return p.Goto(step)
	}
	return nil
}

// scriptView is what the story panel shows of the script's step.
func (st *Stories) scriptView() *scene.StoryView {
	p := st.script
	return &scene.StoryView{
		Title: "raft script " + p.Name(), Step: p.Step(), Steps: p.Steps(), Caption: p.Caption(),
		Done: true, Last: p.Last(),
		Script: &scene.ScriptView{Command: p.Command(), Output: p.Output(), Check: p.Check()},
	}
}

// ScriptAt returns the script being played and its step (from 0); ok is
// false when none is. pasted is set for a script pasted into the page,
// which no bundled name opens.
func (st *Stories) ScriptAt() (name string, step int, pasted, ok bool) {
	if st.script == nil {
		return "", 0, false, false
	}
	return st.script.Name(), st.script.Step(), st.script.Name() == pastedScript, true
}
