package render

import (
	"fmt"
	"time"

	"raftplay/raftsim/timeline"
	"raftplay/render/scene"
)

// forkFrameBudget is how much wall time a frame gives a fork's replay, so
// a long fork shows its progress and the page stays responsive.
const forkFrameBudget = 12 * time.Millisecond

// forkSliceMs is the virtual time replayed between two looks at the clock.
const forkSliceMs = 250

// timeState is the game's side of the timeline strip: where its cursor is
// (the moment shown, or the mark stepped to) and the fork under way.
type timeState struct {
	cursorMs int64
	forking  *timeline.Forking
	// liveGen is the live run's generation, which a past moment shown
	// takes, so the picture keeps its event log and selection.
	liveGen uint64
}

// timeOp carries out a command of the strip; it reports whether op was one.
func (g *Game) timeOp(op scene.GameOp) bool {
	tl := g.opts.Timeline
	switch op.Cmd {
	case scene.CmdTimeShow, scene.CmdTimePrev, scene.CmdTimeNext, scene.CmdTimeLive, scene.CmdFork, scene.CmdExport:
	default:
		return false
	}
	switch {
	case tl == nil:
		g.notice(errNoTimeline.Error(), true)
	case g.time.forking != nil:
		g.notice("a fork is under way", true)
	case op.Cmd == scene.CmdTimeShow:
		g.showMoment(int64(op.Arg), false)
	case op.Cmd == scene.CmdTimeLive:
		g.past = nil
	case op.Cmd == scene.CmdTimePrev:
		if m, ok := tl.PrevMark(g.cursorMs()); ok {
			g.showMoment(m.AtMs, true)
		}
	case op.Cmd == scene.CmdTimeNext:
		if m, ok := tl.NextMark(g.cursorMs()); ok {
			g.showMoment(m.AtMs, true)
		}
	case op.Cmd == scene.CmdFork:
		g.startFork()
	case op.Cmd == scene.CmdExport:
		g.export()
	}
	return true
}

// cursorMs is the moment the strip's cursor stands at.
func (g *Game) cursorMs() int64 {
	if g.past == nil {
		return g.sim.Snapshot().NowMs
	}
	return g.time.cursorMs
}

// showMoment shows the kept frame nearest ms, or with after (a mark) the
// first at or after it, which shows what happened; at the present, or past
// the last frame, the live run.
func (g *Game) showMoment(ms int64, after bool) {
	tl := g.opts.Timeline
	live := g.scene.Snap
	if g.past != nil {
		live = g.sim.Snapshot()
	}
	if ms >= live.NowMs {
		g.past = nil
		return
	}
	snap, ok := tl.FrameFrom(ms)
	if !ok || snap.NowMs >= live.NowMs {
		g.past = nil
		return
	}
	if prev, ok := tl.Frame(ms); ok && !after && ms-prev.NowMs < snap.NowMs-ms {
		snap = prev
	}
	snap.Generation = g.time.liveGen
	g.past = snap
	g.time.cursorMs = ms
}

// startFork starts playing on from the moment shown, by a replay spread
// over the next frames.
func (g *Game) startFork() {
	if g.past == nil {
		g.notice("play from here: pick a past moment on the timeline first", true)
		return
	}
	f, err := g.opts.Timeline.StartFork(g.past.NowMs)
	if err != nil {
		g.notice(err.Error(), true)
		return
	}
	g.time.forking = f
}

// continueFork replays a frame's share of a fork under way.
func (g *Game) continueFork() {
	f := g.time.forking
	if f == nil {
		return
	}
	start := time.Now()
	for !f.Continue(forkSliceMs) {
		if time.Since(start) > forkFrameBudget {
			return
		}
	}
	g.time.forking = nil
	g.past = nil
	if err := f.Err(); err != nil {
		g.notice(err.Error(), true)
		return
	}
	g.notice(fmt.Sprintf("playing on from %.1f s; what came after is gone", float64(f.AtMs)/1000), false)
}

// export hands the run, as a test, to OnExport.
func (g *Game) export() {
	if g.opts.OnExport == nil {
		g.notice("export is not available here", true)
		return
	}
	ex, err := g.opts.Timeline.Export()
	if err != nil {
		g.notice(err.Error(), true)
		return
	}
	g.opts.OnExport(fmt.Sprintf("raftplay-seed%d-%dms.json", ex.Seed, ex.UntilMs), ex.JSON())
	g.notice("exported: run its actions with cmd/sim -actions, or its story with -scenario", false)
}

// timeView is what the strip shows this frame.
func (g *Game) timeView(liveNow int64) *scene.TimeView {
	tl := g.opts.Timeline
	if tl == nil {
		return nil
	}
	v := &scene.TimeView{EndMs: liveNow, ShownMs: liveNow, Past: g.past != nil}
	if g.past != nil {
		v.ShownMs = g.past.NowMs
	}
	if f := g.time.forking; f != nil {
		v.Forking, v.Progress = true, f.Progress()
	}
	for _, m := range tl.Marks() {
		v.Marks = append(v.Marks, scene.TimeMark{AtMs: m.AtMs, Kind: string(m.Kind)})
	}
	return v
}
