package timeline

import (
	"errors"
	"fmt"
	"math"

	"raftplay/raftsim"
)

// seeker is the scratch simulation StateAt replays in, kept between seeks so
// that a seek later in the same run carries on from the last one instead of
// starting again.
type seeker struct {
	rp *raftsim.Replaying
	// sim is the scratch simulation; gen and actions say which run, and
	// how much of its log, it replays.
	sim     *raftsim.Sim
	gen     uint64
	actions int
	// seeks counts the seeks started, so a Seeking knows when a later one
	// has taken the scratch simulation over.
	seeks uint64
}

// StateAt returns the run's exact state at virtual time ms: the snapshot
// cmd/sim prints for the same config and actions with -for ms. It replays
// the action log in a scratch simulation, from the last seek when that was
// earlier in the same run, else from the start; the live run is untouched.
func (t *Timeline) StateAt(ms int64) (*raftsim.Snapshot, error) {
	sk, err := t.StartSeek(ms)
	if err != nil {
		return nil, err
	}
	for !sk.Continue(ms + 1) {
	}
	return sk.State()
}

// Seeking is a seek under way: StateAt's replay in slices, so that the
// playground can settle on the exact moment between frames. It holds the
// timeline's scratch simulation, which the next StartSeek or StateAt takes
// over: a Seeking is then stale, and its State says so.
type Seeking struct {
	s  *seeker
	id uint64
	// AtMs is the moment sought.
	AtMs int64
}

// StartSeek starts a seek to virtual time ms; Continue carries it out and
// State gives the moment. A moment outside the run is refused.
func (t *Timeline) StartSeek(ms int64) (*Seeking, error) {
	if err := t.inRun(ms); err != nil {
		return nil, err
	}
	run := t.sim.Run()
	s := &t.seeker
	if s.rp == nil || s.gen != t.sim.Generation() || s.actions != len(run.Actions) || s.rp.At() > ms {
		sim, err := t.build(run.Config)
		if err != nil {
			return nil, fmt.Errorf("seek: %v", err)
		}
		// The run goes on live, so the replay has no end of its own.
		run.NowMs, run.Fired = math.MaxInt64, 0
		rp, err := sim.StartReplay(run)
		if err != nil {
			return nil, fmt.Errorf("seek: %v", err)
		}
		*s = seeker{rp: rp, sim: sim, gen: t.sim.Generation(), actions: len(run.Actions), seeks: s.seeks}
	}
	s.seeks++
	return &Seeking{s: s, id: s.seeks, AtMs: ms}, nil
}

// Continue replays up to sliceMs more virtual milliseconds towards the
// moment sought and reports whether it is reached (or the seek is stale).
func (sk *Seeking) Continue(sliceMs int64) bool {
	if sk.stale() {
		return true
	}
	if rp := sk.s.rp; rp.At() < sk.AtMs {
		rp.RunTo(min(rp.At()+max(sliceMs, 1), sk.AtMs))
	}
	return sk.s.rp.At() >= sk.AtMs
}

// Progress is how much of the replay is done, from 0 to 1.
func (sk *Seeking) Progress() float64 {
	if sk.AtMs == 0 {
		return 1
	}
	return float64(sk.s.rp.At()) / float64(sk.AtMs)
}

func (sk *Seeking) stale() bool { return sk.id != sk.s.seeks }

// State returns the moment sought, once Continue has reached it.
func (sk *Seeking) State() (*raftsim.Snapshot, error) {
	if sk.stale() {
		return nil, errors.New("seek: a later seek took its place")
	}
	if r := sk.s.rp.Refused(); len(r) > 0 {
		// The simulator logs only actions it did, and runs are
		// deterministic, so this is a bug, not bad input.
		return nil, fmt.Errorf("seek: the replay refused %v", r[0])
	}
	return sk.s.sim.Snapshot(), nil
}
