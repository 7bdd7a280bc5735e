package timeline

import (
	"fmt"

	"raftplay/raftsim"
)

// Forking is a fork under way: the live run replayed to the fork's moment
// in slices, so the playground can draw a progress bar between them.
type Forking struct {
	t  *Timeline
	rp *raftsim.Replaying
	// kept is the action log the fork keeps.
	kept []raftsim.ActionRecord
	// AtMs is the moment the run forks at.
	AtMs int64
	err  error
}

// Fork plays on from virtual time ms: the actions after it are dropped and
// the live run is rebuilt up to it by replay, in one go. With a bad moment,
// or while the run cannot be forked, it says why and nothing changes.
func (t *Timeline) Fork(ms int64) error {
	f, err := t.StartFork(ms)
	if err != nil {
		return err
	}
	for !f.Continue(ms + 1) {
	}
	return f.Err()
}

// StartFork starts a fork at virtual time ms; Continue carries it out. The
// live run is reset at once: until the fork is done, the playground shows
// the past and must not advance or act on the simulation. With a bad
// moment, or while the run cannot be forked, it says why and nothing
// changes.
func (t *Timeline) StartFork(ms int64) (*Forking, error) {
	if t.opts.Busy != nil {
		if err := t.opts.Busy(); err != nil {
			return nil, fmt.Errorf("cannot play from here: %v", err)
		}
	}
	if err := t.inRun(ms); err != nil {
		return nil, fmt.Errorf("cannot play from here: %v", err)
	}
	run := t.sim.Run()
	run.Actions = cut(run.Actions, ms)
	run.NowMs, run.Fired = ms, 0
	t.forking = true
	rp, err := t.sim.StartReplay(run)
	if err != nil {
		t.forking = false
		return nil, fmt.Errorf("cannot play from here: %v", err)
	}
	return &Forking{t: t, rp: rp, kept: run.Actions, AtMs: ms}, nil
}

// cut returns the actions done by ms, the part of the log a fork at ms keeps.
func cut(actions []raftsim.ActionRecord, ms int64) []raftsim.ActionRecord {
	n := 0
	for n < len(actions) && actions[n].AtMs <= ms {
		n++
	}
	return actions[:n]
}

// Continue replays up to sliceMs more virtual milliseconds and reports
// whether the fork is done. When it is, the timeline keeps what came before
// the fork (frames, marks) as the new run's past.
func (f *Forking) Continue(sliceMs int64) bool {
	if f.rp.Done() {
		return true
	}
	f.rp.RunTo(f.rp.At() + max(sliceMs, 1))
	if !f.rp.Done() {
		return false
	}
	if r := f.rp.Refused(); len(r) > 0 {
		// A live log holds only actions that were done, and runs are
		// deterministic, so this is a bug, not bad input.
		f.err = fmt.Errorf("the fork's replay refused %v", r[0])
	}
	f.t.forked(f.AtMs, f.kept)
	return true
}

// Progress is how much of the replay is done, from 0 to 1.
func (f *Forking) Progress() float64 {
	if f.AtMs == 0 {
		return 1
	}
	return float64(f.rp.At()) / float64(f.AtMs)
}

// Err says what went wrong with a finished fork, or nil.
func (f *Forking) Err() error { return f.err }

// forked makes what came before ms, with the action log kept, the past of the new run the live
// simulation now holds.
func (t *Timeline) forked(ms int64, kept []raftsim.ActionRecord) {
	t.forking = false
	t.gen = t.sim.Generation()
	t.log = append(t.log[:0:0], kept...)
	n := len(t.frames)
	for n > 0 && (t.frames[n-1].snap.NowMs > ms || t.frames[n-1].actions > len(t.log)) {
		n--
		t.bytes -= t.frames[n].size
	}
	clear(t.frames[n:])
	t.frames = t.frames[:n]
	m := len(t.marks)
	for m > 0 && t.marks[m-1].AtMs > ms {
		m--
	}
	t.marks = t.marks[:m]
	for i := range t.frames {
		t.frames[i].snap.Generation = t.gen
	}
}
