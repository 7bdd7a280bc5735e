package control

import (
	"errors"
	"time"

	"raftplay/raftsim"
	"raftplay/raftsim/timeline"
	"raftplay/render/scene"
)

// forkFrameBudget is how much wall time a frame gives a replay (a fork's,
// a seek's), so a long one shows its progress and the page stays
// responsive.
const forkFrameBudget = 12 * time.Millisecond

// forkSliceMs is the virtual time replayed between two looks at the clock.
const forkSliceMs = 250

// settleAfter is how long, in wall seconds, a held drag rests on one
// moment before the picture settles on it exactly.
const settleAfter = 0.25

// stripState is the timeline strip's side of time travel: where its cursor
// is (the moment shown, or the mark stepped to), the fork under way and the
// actions waiting for it, and the replay that settles on the cursor's
// exact moment.
type stripState struct {
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
	// the page's clock) unsettled starts seeking, a replay spread over
	// frames; exact is set once the picture shows the cursor's moment
	// exactly, as ShowAt does.
	unsettled bool
	movedAt   float64
	seeking   *timeline.Seeking
	exact     bool
}

// Available reports whether the run keeps a past to travel.
func (tt *TimeTravel) Available() bool { return tt.tl != nil }

// Forking reports whether a fork replays.
func (tt *TimeTravel) Forking() bool { return tt.strip.forking != nil }

// Busy reports whether time travel goes on over the next frames: a fork or
// a seek replays, or the picture has yet to settle on the cursor's moment.
func (tt *TimeTravel) Busy() bool {
	s := &tt.strip
	return s.forking != nil || s.seeking != nil || s.unsettled
}

// cursorMs is the moment the strip's cursor stands at.
func (tt *TimeTravel) cursorMs() int64 {
	if tt.past == nil {
		return tt.live.Snapshot().NowMs
	}
	return tt.strip.cursorMs
}

// ShowPrevMark shows the moment of the mark before the cursor, if there is
// one; clock is the page's clock in seconds (scene.Scene.Clock).
func (tt *TimeTravel) ShowPrevMark(clock float64) {
	if m, ok := tt.tl.PrevMark(tt.cursorMs()); ok {
		tt.ShowMoment(m.AtMs, true, clock)
	}
}

// ShowNextMark shows the moment of the mark after the cursor, if there is
// one.
func (tt *TimeTravel) ShowNextMark(clock float64) {
	if m, ok := tt.tl.NextMark(tt.cursorMs()); ok {
		tt.ShowMoment(m.AtMs, true, clock)
	}
}

// ShowMoment shows the kept frame nearest ms, or with after (a mark) the
// first at or after it, which shows what happened, until the picture
// settles on ms exactly (Settle); at the present, the live run. Where no
// frame was kept (time advanced in one go) the live picture stands in.
// clock is the page's clock in seconds, from which a resting drag settles.
func (tt *TimeTravel) ShowMoment(ms int64, after bool, clock float64) {
	live := tt.observed
	if tt.past != nil {
		live = tt.live.Snapshot()
	}
	if ms >= live.NowMs {
		tt.past = nil
		return
	}
	snap := live
	if next, ok := tt.tl.FrameFrom(ms); ok && next.NowMs < live.NowMs {
		snap = next
	}
	if prev, ok := tt.tl.Frame(ms); ok && (snap == live || !after && ms-prev.NowMs < snap.NowMs-ms) {
		snap = prev
	}
	snap.Generation = tt.strip.liveGen
	tt.past = snap
	s := &tt.strip
	s.cursorMs, s.seeking, s.exact, s.unsettled, s.movedAt = ms, nil, false, true, clock
}

// Settle replays, a frame's share at a time, to the exact moment the
// cursor rests on, and shows it in place of the kept frame. scrubbing says
// the strip is still held; clock is the page's clock in seconds.
func (tt *TimeTravel) Settle(scrubbing bool, clock float64) error {
	s := &tt.strip
	if tt.past == nil || s.forking != nil {
		s.seeking, s.unsettled = nil, false
		return nil
	}
	var err error
	if s.unsettled && (!scrubbing || clock-s.movedAt >= settleAfter) {
		s.seeking, err = tt.tl.StartSeek(s.cursorMs)
		s.unsettled = false
	}
	sk := s.seeking
	if sk == nil || !withinFrame(sk.Continue) {
		return err
	}
	s.seeking = nil
	snap, err := sk.State()
	if err != nil {
		return err
	}
	tt.showExact(snap)
	return nil
}

// showExact shows snap, a past moment replayed exactly.
func (tt *TimeTravel) showExact(snap *raftsim.Snapshot) {
	// The past is the live run's, not the scratch replay's: the picture
	// keeps its event log and selection.
	snap.Generation = tt.strip.liveGen
	tt.past = snap
	tt.strip.cursorMs, tt.strip.exact = snap.NowMs, true
}

// StartFork starts playing on from the moment shown, by a replay spread
// over the next frames (ContinueFork).
func (tt *TimeTravel) StartFork() error {
	if tt.past == nil {
		return errors.New("play from here: pick a past moment on the timeline first")
	}
	f, err := tt.tl.StartFork(tt.past.NowMs)
	if err != nil {
		return err
	}
	tt.strip.forking = f
	return nil
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

// ForkEnd is how a fork ended: the moment the run plays on from, or why
// it could not, and the actions that waited for it, to be done now.
type ForkEnd struct {
	AtMs    int64
	Err     error
	Waiting []raftsim.Action
}

// ContinueFork replays a frame's share of a fork under way; it returns how
// the fork ended once it has, or nil.
func (tt *TimeTravel) ContinueFork() *ForkEnd {
	f := tt.strip.forking
	if f == nil || !withinFrame(f.Continue) {
		return nil
	}
	tt.strip.forking = nil
	tt.past = nil
	end := &ForkEnd{AtMs: f.AtMs, Err: f.Err(), Waiting: tt.strip.afterFork}
	tt.strip.afterFork = nil
	if end.Err != nil {
		end.Waiting = nil
	}
	return end
}

// View is what the strip shows this frame, with the live run at liveNow;
// nil without a timeline.
func (tt *TimeTravel) View(liveNow int64) *scene.TimeView {
	if tt.tl == nil {
		return nil
	}
	v := &scene.TimeView{EndMs: liveNow, ShownMs: liveNow, Past: tt.past != nil}
	if tt.past != nil {
		v.ShownMs = tt.past.NowMs
	}
	if f := tt.strip.forking; f != nil {
		v.Forking, v.Progress = true, f.Progress()
	}
	for _, m := range tt.tl.Marks() {
		v.Marks = append(v.Marks, scene.TimeMark{AtMs: m.AtMs, Kind: string(m.Kind)})
	}
	return v
}
