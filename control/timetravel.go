package control

import (
	"errors"
	"fmt"

	"raftplay/raftsim"
	"raftplay/raftsim/timeline"
)

// Time travel: while a past moment is shown (Past), the live run waits
// where it was; the picture draws the past snapshot. Acting on the past
// forks the run there first, as RaftScope does: the future that was is
// dropped, and the action is the first of the new one.

// Live is the run time travel goes back from; *raftsim.Sim is one.
type Live interface {
	Snapshot() *raftsim.Snapshot
}

// TimeTravel shows the run's past moments and forks the run at one of them.
// It is not safe for concurrent use: the page calls it with its game's lock
// held.
type TimeTravel struct {
	live Live
	tl   *timeline.Timeline
	// past is the past moment shown, or nil while the live run is.
	past *raftsim.Snapshot
	// observed is the live snapshot the page last showed (Observe), which
	// the strip's end stands for.
	observed *raftsim.Snapshot
	strip    stripState
}

// NewTimeTravel returns time travel over live's past, kept by tl; without a
// timeline (nil) every way back is refused with ErrNoTimeline.
func NewTimeTravel(live Live, tl *timeline.Timeline) *TimeTravel {
	return &TimeTravel{live: live, tl: tl, observed: live.Snapshot()}
}

// timelineStories says why a fork must wait: a story plays on the run.
func timelineStories(st *Stories) func() error {
	return func() error {
		if st != nil && st.Active() {
			return fmt.Errorf("the story %q is playing; take over (x) or close it first", st.Name())
		}
		return nil
	}
}

// NewTimeline makes the timeline of live's runs for a page with these
// stories: it replays in simulations build makes, and refuses to fork while
// a story plays.
func NewTimeline(live timeline.Followed, build timeline.Builder, st *Stories) *timeline.Timeline {
	return timeline.New(live, build, timeline.Options{Busy: timelineStories(st)})
}

// ErrNoTimeline is what time travel says on a page made without one.
var ErrNoTimeline = errors.New("time travel is not available here")

// errFork is what acting from outside says while a fork replays.
var errFork = errors.New("a fork is under way; try again when it is done")

// Observe follows the live run's snapshot of this frame: the timeline keeps
// its frames and marks, and a past moment shown takes its generation, so
// the picture keeps its event log and selection.
func (tt *TimeTravel) Observe(live *raftsim.Snapshot) {
	if tt.tl != nil {
		tt.tl.Observe(live)
	}
	tt.observed = live
	tt.strip.liveGen = live.Generation
}

// Past returns the past moment shown, or nil while the live run is shown;
// the live run waits while one is.
func (tt *TimeTravel) Past() *raftsim.Snapshot { return tt.past }

// Shown returns the snapshot the picture shows: the past moment looked at,
// or the live run's.
func (tt *TimeTravel) Shown() *raftsim.Snapshot {
	if tt.past != nil {
		return tt.past
	}
	return tt.live.Snapshot()
}

// ShowAt shows the run as it was at virtual time ms, exactly (see
// timeline.Timeline.StateAt), and returns that snapshot; seeking to the
// live run's present shows the live run again. A moment outside the run is
// refused and nothing changes.
func (tt *TimeTravel) ShowAt(ms int64) (*raftsim.Snapshot, error) {
	if tt.tl == nil {
		return nil, ErrNoTimeline
	}
	snap, err := tt.tl.StateAt(ms)
	if err != nil {
		return nil, err
	}
	live := tt.live.Snapshot()
	tt.strip.seeking, tt.strip.unsettled = nil, false
	if ms == live.NowMs {
		tt.past = nil
		return live, nil
	}
	tt.strip.liveGen = live.Generation
	tt.showExact(snap)
	return snap, nil
}

// ShowLive shows the live run again.
func (tt *TimeTravel) ShowLive() { tt.past = nil }

// Fork plays on from the past moment shown: the actions after it are
// dropped and the live run continues from it. It is refused, changing
// nothing, when no past moment is shown or a story plays.
func (tt *TimeTravel) Fork() error {
	if tt.tl == nil {
		return ErrNoTimeline
	}
	if tt.past == nil {
		return errors.New("play from here: the live run is shown; pick a past moment on the timeline first")
	}
	if tt.strip.forking != nil {
		return errFork
	}
	if err := tt.tl.Fork(tt.past.NowMs); err != nil {
		return err
	}
	tt.past = nil
	return nil
}

// Export returns the run from its start to the live present as a test
// (timeline.Export).
func (tt *TimeTravel) Export() (*timeline.Export, error) {
	if tt.tl == nil {
		return nil, ErrNoTimeline
	}
	return tt.tl.Export()
}

// Moment says which moment the picture shows: the live run's present, or
// a past one, and whether exactly (a kept frame shows until the picture
// settles on the moment by replay).
func (tt *TimeTravel) Moment() (ms int64, exact bool) {
	if tt.past == nil {
		return tt.live.Snapshot().NowMs, true
	}
	return tt.past.NowMs, tt.strip.exact
}

// ActOnPast forks the run at the past moment shown, if one is, so that an
// action done now is done there: a recording started on a past moment
// records from it. With the live run shown it does nothing.
func (tt *TimeTravel) ActOnPast() error {
	if tt.past == nil && tt.strip.forking == nil {
		return nil
	}
	return tt.Fork()
}

// DoOnPast takes actions from the picture done on the past moment shown,
// or while a fork replays: the fork starts (behind the strip's progress bar
// when its replay is long) if it has not, and the actions wait for it
// (ContinueFork hands them back). It reports whether it took the actions;
// err says why a fork could not start, and then they are dropped.
func (tt *TimeTravel) DoOnPast(actions []raftsim.Action) (took bool, err error) {
	if tt.past == nil && tt.strip.forking == nil {
		return false, nil
	}
	if tt.strip.forking == nil {
		if err := tt.StartFork(); err != nil {
			return true, err
		}
	}
	tt.strip.afterFork = append(tt.strip.afterFork, actions...)
	return true, nil
}
