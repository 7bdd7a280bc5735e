package control

import "raftplay/raftsim"

// Runner is the live run the page's frames play on and act on;
// *raftsim.Sim is one.
type Runner interface {
	Advance(ms int64)
	Do(a raftsim.Action) error
}

// PlayOn plays the live run on by a frame's ms of virtual time: through the
// story being played (st, which may be nil), whose steps each stop at their
// end and wait for Next, or freely. While time travel shows a past moment
// the live run waits where it was.
func PlayOn(run Runner, st *Stories, tt *TimeTravel, ms int64) {
	switch {
	case tt.Past() != nil:
	case st != nil && st.Active():
		st.Advance(ms)
	default:
		run.Advance(ms)
	}
}

// DoInOrder does actions one after another and stops at the first the run
// refuses, returning its index and why: the ones after it were meant to
// follow it, so they are not done.
func DoInOrder(run Runner, actions []raftsim.Action) (refused int, err error) {
	for i, a := range actions {
		if err := run.Do(a); err != nil {
			return i, err
		}
	}
	return -1, nil
}
