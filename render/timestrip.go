package render

import (
	"fmt"
	"time"

	"raftplay/raftsim"
	"raftplay/raftsim/timeline"
	"raftplay/render/scene"
)

// forkFrameBudget is how much wall time a frame gives a fork's replay, so
// a long fork shows its progress and the page stays responsive.
const forkFrameBudget = 12 * time.Millisecond

// forkSliceMs is the virtual time replayed between two looks at the clock.
const forkSliceMs = 250

// settleAfter is how long, in wall seconds, a held drag rests on one
// moment before the picture settles on it exactly.
const settleAfter = 0.25

// timeState is the game's side of the timeline strip: where its cursor is
// (the moment shown, or the mark stepped to), the fork under way and the
// actions waiting for it, and the replay that settles on the cursor's
// exact moment.
type timeState struct {
	cursorMs int64
	forking  *timeline.Forking
	// afterFork are actions done on the past moment shown: they fork the
	// run there first, and are done once the fork is.
	afterFork []raftsim.Action
	// liveGen is the live run's generation, which a past moment shown
	// takes, so the picture keeps its event log and selection.
	liveGen uint64
	// A past moment shows the nearest kept frame at once. When the strip
	// settles (the drag ends, or rests for settleAfter since movedAt on
	// the scene's clock) unsettled starts seeking, a replay spread over
	// frames; exact is set once the picture shows the cursor's moment
	// exactly, as seek() would.
	unsettled bool
	movedAt   float64
	seeking   *timeline.Seeking
	exact     bool
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
// first at or after it, which shows what happened, until the picture
// settles on ms exactly (settle); at the present, the live run. Where no
// frame was kept (time advanced in one go) the live picture stands in.
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
	snap := live
	if next, ok := tl.FrameFrom(ms); ok && next.NowMs < live.NowMs {
		snap = next
	}
	if prev, ok := tl.Frame(ms); ok && (snap == live || !after && ms-prev.NowMs < snap.NowMs-ms) {
		snap = prev
	}
	snap.Generation = g.time.liveGen
	g.past = snap
	t := &g.time
	t.cursorMs, t.seeking, t.exact, t.unsettled, t.movedAt = ms, nil, false, true, g.scene.Clock
}

// settle replays, a frame's share at a time, to the exact moment the
// cursor rests on, and shows it in place of the kept frame.
func (g *Game) settle() {
	t := &g.time
	if g.past == nil || t.forking != nil {
		t.seeking, t.unsettled = nil, false
		return
	}
	if t.unsettled && (!g.scene.Scrubbing() || g.scene.Clock-t.movedAt >= settleAfter) {
		sk, err := g.opts.Timeline.StartSeek(t.cursorMs)
		if err != nil {
			g.notice(err.Error(), true)
		}
		t.seeking, t.unsettled = sk, false
	}
	sk := t.seeking
	if sk == nil {
		return
	}
	if !withinFrame(sk.Continue) {
		return
	}
	t.seeking = nil
	snap, err := sk.State()
	if err != nil {
		g.notice(err.Error(), true)
		return
	}
	g.showExact(snap)
}

// showExact shows snap, a past moment replayed exactly.
func (g *Game) showExact(snap *raftsim.Snapshot) {
	// The past is the live run's, not the scratch replay's: the picture
	// keeps its event log and selection.
	snap.Generation = g.time.liveGen
	g.past = snap
	g.time.cursorMs, g.time.exact = snap.NowMs, true
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

// withinFrame runs a replay's Continue in slices until the replay is done
// or the frame's budget is spent, and reports whether it is done.
func withinFrame(step func(sliceMs int64) bool) bool {
	start := time.Now()
	for !step(forkSliceMs) {
		if time.Since(start) > forkFrameBudget {
			return false
		}
	}
	return true
}

// continueFork replays a frame's share of a fork under way.
func (g *Game) continueFork() {
	f := g.time.forking
	if f == nil {
		return
	}
	if !withinFrame(f.Continue) {
		return
	}
	g.time.forking = nil
	g.past = nil
	acts := g.time.afterFork
	g.time.afterFork = nil
	if err := f.Err(); err != nil {
		g.notice(err.Error(), true)
		return
	}
	g.notice(fmt.Sprintf("playing on from %.1f s; what came after is gone", float64(f.AtMs)/1000), false)
	g.do(acts)
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
