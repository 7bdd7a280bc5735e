package render

import (
	"raftplay/raftsim/runcodec"
	"raftplay/render/scene"
)

// doOps carries out what the input asked for beyond simulator actions: the
// story player's commands and the share link. A refusal is shown on screen.
func (g *Game) doOps(ops []scene.GameOp) {
	st := g.opts.Stories
	for _, op := range ops {
		g.acted = true
		var err error
		switch {
		case op.Cmd == scene.CmdShare:
			g.share()
			continue
		case op.Cmd == scene.CmdExperiment:
			g.toggleExperiment()
			continue
		case op.Cmd == scene.CmdRecord && g.opts.OnRecord == nil:
			g.notice("recording a clip is not available here", true)
			continue
		case op.Cmd == scene.CmdRecord:
			g.opts.OnRecord()
			continue
		case op.Cmd == scene.CmdStoryEditor && g.opts.OnStoryEditor == nil:
			g.notice("writing a story is not available here", true)
			continue
		case op.Cmd == scene.CmdStoryEditor:
			g.opts.OnStoryEditor()
			continue
		case op.Cmd == scene.CmdScriptPaste && g.opts.OnPasteScript == nil:
			g.notice("pasting a script is not available here", true)
			continue
		case op.Cmd == scene.CmdScriptPaste:
			g.opts.OnPasteScript()
			continue
		case g.timeOp(op):
			continue
		case op.Cmd == scene.CmdWelcomeClose:
			g.closeWelcome()
			continue
		case st == nil:
			g.notice("stories are not available here", true)
			continue
		case op.Cmd == scene.CmdStoryPick && op.Arg >= 0 && op.Arg < len(st.Entries()):
			g.closeWelcome()
			err = st.Start(st.Entries()[op.Arg].Name, 0)
		case op.Cmd == scene.CmdScriptPick && op.Arg >= 0 && op.Arg < len(g.scene.Scripts()):
			g.closeWelcome()
			err = st.StartScript(g.scene.Scripts()[op.Arg], 0)
		case op.Cmd == scene.CmdStoryNext:
			err = st.Next()
		case op.Cmd == scene.CmdStoryBack:
			err = st.Back()
		case op.Cmd == scene.CmdStoryJump:
			err = st.Goto(op.Arg)
		case op.Cmd == scene.CmdStoryAnswer:
			err = st.Answer(op.Arg)
		case op.Cmd == scene.CmdTakeOver:
			if st.Active() {
				st.TakeOver()
				g.notice("you have the controls: the run goes on freely", false)
			}
		}
		if err != nil {
			g.notice(err.Error(), true)
		}
	}
}

// closeWelcome closes the first visit's welcome, if it is open, for good.
func (g *Game) closeWelcome() {
	if !g.scene.WelcomeOpen() {
		return
	}
	g.scene.CloseWelcome()
	if g.opts.OnWelcomeDone != nil {
		g.opts.OnWelcomeDone()
	}
}

// share hands the run, encoded, to OnShare.
func (g *Game) share() {
	if g.opts.OnShare == nil {
		g.notice("sharing a link is not available here", true)
		return
	}
	g.opts.OnShare(runcodec.Encode(g.sim.Run()))
}
