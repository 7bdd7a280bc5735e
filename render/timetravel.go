package render

import (
	"errors"
	"fmt"

	"raftplay/control"
	"raftplay/raftsim"
	"raftplay/raftsim/timeline"
)

// Time travel: while the game shows a past moment (g.past), the live run
// waits where it was; the picture draws the past snapshot. Acting on the
// past forks the run there first, as RaftScope does: the future that was
// is dropped, and the action is the first of the new one.

// timelineStories says why a fork must wait: a story plays on the run.
func timelineStories(st *control.Stories) func() error {
	return func() error {
		if st != nil && st.Active() {
			return fmt.Errorf("the story %q is playing; take over (x) or close it first", st.Name())
		}
		return nil
	}
}

// NewTimeline makes the timeline a Game with these stories follows: it
// replays in simulations build makes, and refuses to fork while a story
// plays.
func NewTimeline(sim *raftsim.Sim, build timeline.Builder, st *control.Stories) *timeline.Timeline {
	return timeline.New(sim, build, timeline.Options{Busy: timelineStories(st)})
}

// errNoTimeline is what time travel says in a game made without one.
var errNoTimeline = errors.New("time travel is not available here")

// errFork is what acting from outside says while a fork replays.
var errFork = errors.New("a fork is under way; try again when it is done")

// ShowAt shows the run as it was at virtual time ms, exactly (see
// timeline.Timeline.StateAt), and returns that snapshot; seeking to the
// live run's present shows the live run again. A moment outside the run is
// refused and nothing changes.
func (g *Game) ShowAt(ms int64) (*raftsim.Snapshot, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.seek(ms)
}

func (g *Game) seek(ms int64) (*raftsim.Snapshot, error) {
	tl := g.opts.Timeline
	if tl == nil {
		return nil, errNoTimeline
	}
	snap, err := tl.StateAt(ms)
	if err != nil {
		return nil, err
	}
	live := g.sim.Snapshot()
	g.time.seeking, g.time.unsettled = nil, false
	if ms == live.NowMs {
		g.past = nil
		return live, nil
	}
	g.time.liveGen = live.Generation
	g.showExact(snap)
	return snap, nil
}

// Fork plays on from the past moment shown: the actions after it are
// dropped and the live run continues from it. It is refused, changing
// nothing, when no past moment is shown or a story plays.
func (g *Game) Fork() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.fork()
}

func (g *Game) fork() error {
	if g.opts.Timeline == nil {
		return errNoTimeline
	}
	if g.past == nil {
		return errors.New("play from here: the live run is shown; pick a past moment on the timeline first")
	}
	if g.time.forking != nil {
		return errFork
	}
	if err := g.opts.Timeline.Fork(g.past.NowMs); err != nil {
		return err
	}
	g.past = nil
	return nil
}

// Export returns the run from its start to the live present as a test
// (timeline.Export).
func (g *Game) Export() (*timeline.Export, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.opts.Timeline == nil {
		return nil, errNoTimeline
	}
	return g.opts.Timeline.Export()
}

// Shown returns the snapshot the picture shows: the past moment looked at,
// or the live run's.
func (g *Game) Shown() *raftsim.Snapshot {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.past != nil {
		return g.past
	}
	return g.sim.Snapshot()
}

// Moment says which moment the picture shows: the live run's present, or
// a past one, and whether exactly (a kept frame shows until the picture
// settles on the moment by replay).
func (g *Game) Moment() (ms int64, exact bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.past == nil {
		return g.sim.Snapshot().NowMs, true
	}
	return g.past.NowMs, g.time.exact
}

// ForkShown forks the run at the past moment shown, if one is, as an
// action done there would: a recording started on a past moment records
// from it. With the live run shown it does nothing.
func (g *Game) ForkShown() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.actOnPast()
}

// actOnPast forks the run at the past moment shown, if one is, so that an
// action done now is done there.
func (g *Game) actOnPast() error {
	if g.past == nil && g.time.forking == nil {
		return nil
	}
	return g.fork()
}

// doOnPast does actions from the picture on the past moment shown, or
// while a fork replays: the fork starts (behind the strip's progress bar
// when its replay is long) if it has not, and the actions wait for it. It
// reports whether it took the actions.
func (g *Game) doOnPast(actions []raftsim.Action) bool {
	if g.past == nil && g.time.forking == nil {
		return false
	}
	if g.time.forking == nil {
		if g.startFork(); g.time.forking == nil {
			return true // refused, and said why
		}
	}
	g.acted = true
	g.time.afterFork = append(g.time.afterFork, actions...)
	return true
}
