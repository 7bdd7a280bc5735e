package render

import (
	"fmt"

	"raftplay/control"
	"raftplay/raftsim"
	"raftplay/raftsim/timeline"
	"raftplay/render/scene"
)

// The game's side of time travel (control.TimeTravel): the page's calls,
// under the game's lock, and the strip's commands, whose refusals it shows.

// ShowAt shows the run as it was at virtual time ms, exactly, and returns
// that snapshot (control.TimeTravel.ShowAt).
func (g *Game) ShowAt(ms int64) (*raftsim.Snapshot, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.travel.ShowAt(ms)
}

// Fork plays on from the past moment shown (control.TimeTravel.Fork).
func (g *Game) Fork() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.travel.Fork()
}

// Export returns the run from its start to the live present as a test
// (timeline.Export).
func (g *Game) Export() (*timeline.Export, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.travel.Export()
}

// Shown returns the snapshot the picture shows: the past moment looked at,
// or the live run's.
func (g *Game) Shown() *raftsim.Snapshot {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.travel.Shown()
}

// Moment says which moment the picture shows, and whether exactly
// (control.TimeTravel.Moment).
func (g *Game) Moment() (ms int64, exact bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.travel.Moment()
}

// ForkShown forks the run at the past moment shown, if one is, as an
// action done there would: a recording started on a past moment records
// from it. With the live run shown it does nothing.
func (g *Game) ForkShown() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.travel.ActOnPast()
}

// doOnPast hands actions from the picture done on a past moment to time
// travel, which does them once the fork there is done; a fork that cannot
// start is shown on screen. It reports whether it took the actions.
func (g *Game) doOnPast(actions []raftsim.Action) bool {
	took, err := g.travel.DoOnPast(actions)
	if err != nil {
		g.notice(err.Error(), true)
	} else if took {
		g.acted = true
	}
	return took
}

// timeOp carries out a command of the strip; it reports whether op was one.
func (g *Game) timeOp(op scene.GameOp) bool {
	tt := g.travel
	switch op.Cmd {
	case scene.CmdTimeShow, scene.CmdTimePrev, scene.CmdTimeNext, scene.CmdTimeLive, scene.CmdFork, scene.CmdExport:
	default:
		return false
	}
	switch {
	case !tt.Available():
		g.notice(control.ErrNoTimeline.Error(), true)
	case tt.Forking():
		g.notice("a fork is under way", true)
	case op.Cmd == scene.CmdTimeShow:
		tt.ShowMoment(int64(op.Arg), false, g.scene.Clock)
	case op.Cmd == scene.CmdTimeLive:
		tt.ShowLive()
	case op.Cmd == scene.CmdTimePrev:
		tt.ShowPrevMark(g.scene.Clock)
	case op.Cmd == scene.CmdTimeNext:
		tt.ShowNextMark(g.scene.Clock)
	case op.Cmd == scene.CmdFork:
		if err := tt.StartFork(); err != nil {
			g.notice(err.Error(), true)
		}
	case op.Cmd == scene.CmdExport:
		g.export()
	}
	return true
}

// settle carries on settling the picture on the strip's cursor.
func (g *Game) settle() {
	if err := g.travel.Settle(g.scene.Scrubbing(), g.scene.Clock); err != nil {
		g.notice(err.Error(), true)
	}
}

// continueFork replays a frame's share of a fork under way; once it is
// done, the actions that waited for it are done.
func (g *Game) continueFork() {
	end := g.travel.ContinueFork()
	switch {
	case end == nil:
	case end.Err != nil:
		g.notice(end.Err.Error(), true)
	default:
		g.notice(fmt.Sprintf("playing on from %.1f s; what came after is gone", float64(end.AtMs)/1000), false)
		g.do(end.Waiting)
	}
}

// export hands the run, as a test, to OnExport.
func (g *Game) export() {
	if g.opts.OnExport == nil {
		g.notice("export is not available here", true)
		return
	}
	ex, err := g.travel.Export()
	if err != nil {
		g.notice(err.Error(), true)
		return
	}
	g.opts.OnExport(fmt.Sprintf("raftplay-seed%d-%dms.json", ex.Seed, ex.UntilMs), ex.JSON())
	g.notice("exported: run its actions with cmd/sim -actions, or its story with -scenario", false)
}
