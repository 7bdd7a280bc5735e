package timeline

import (
	"fmt"
	"math"

	"raftplay/raftsim"
	"raftplay/raftsim/linearize"
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
}

// newReplaySim builds a simulation as cmd/sim builds its own, so that its
// snapshots are the bytes cmd/sim prints: a fresh one (speed and pause are
// the simulator's, not the run's, and a reset keeps them), judging the
// history with the playground's checker.
func newReplaySim(cfg raftsim.Config) (*raftsim.Sim, error) {
	return linearize.NewSim(cfg)
}

// StateAt returns the run's exact state at virtual time ms: the snapshot
// cmd/sim prints for the same config and actions with -for ms. It replays
// the action log in a scratch simulation, from the last seek when that was
// earlier in the same run, else from the start; the live run is untouched.
func (t *Timeline) StateAt(ms int64) (*raftsim.Snapshot, error) {
	if err := t.inRun(ms); err != nil {
		return nil, err
	}
	run := t.sim.Run()
	s := &t.seeker
	if s.rp == nil || s.gen != t.sim.Generation() || s.actions != len(run.Actions) || s.rp.At() > ms {
		sim, err := newReplaySim(run.Config)
		if err != nil {
			return nil, fmt.Errorf("seek: %v", err)
		}
		// The run goes on live, so the replay has no end of its own.
		run.NowMs, run.Fired = math.MaxInt64, 0
		rp, err := sim.StartReplay(run)
		if err != nil {
			return nil, fmt.Errorf("seek: %v", err)
		}
		*s = seeker{rp: rp, sim: sim, gen: t.sim.Generation(), actions: len(run.Actions)}
	}
	s.rp.RunTo(ms)
	if r := s.rp.Refused(); len(r) > 0 {
		// The simulator logs only actions it did, and runs are
		// deterministic, so this is a bug, not bad input.
		return nil, fmt.Errorf("seek: the replay refused %v", r[0])
	}
	return s.sim.Snapshot(), nil
}
