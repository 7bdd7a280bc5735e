package experiment

import (
	"fmt"
	"math/rand/v2"

	"raftplay/raftsim"
)

// Trial is what one trial measured. Times are virtual milliseconds after the
// leader crashed.
type Trial struct {
	Seed int64 `json:"seed"`
	// ElectedMs is when a new leader won its election; LeaderMs when its
	// first append or heartbeat reached a follower, which ends the time
	// without a leader as the paper measures it.
	ElectedMs int64 `json:"elected_ms"`
	LeaderMs  int64 `json:"leader_ms"`
	// TimedOut says no leader was heard from within LimitMs; the times are
	// then LimitMs.
	TimedOut bool `json:"timed_out,omitempty"`
	// The round trips seen in the trial, the calibration as measured:
	// a heartbeat (the network only) and a vote (the network and the
	// voter's disk sync, the paper's "broadcast time").
	HeartbeatRTT Mean `json:"heartbeat_rtt"`
	VoteRTT      Mean `json:"vote_rtt"`
}

// LimitMs bounds a trial's wait for a new leader: far beyond any etcd
// configuration's election, so a trial that reaches it has split votes
// without end.
const LimitMs = 20_000

// warmupLimitMs bounds the wait for a settled leader before the crash.
const warmupLimitMs = 20_000

// RunTrial runs one trial to its end: a fresh five-server cluster elects a
// leader and settles; the leader crashes at a uniformly random point of its
// heartbeat interval; the trial ends when the new leader's first message
// lands.
func RunTrial(set Setting, cal Calibration, seed int64) (Trial, error) {
	t, err := newTrialRun(set, cal, seed)
	if err != nil {
		return Trial{}, err
	}
	for !t.done {
		if err := t.advance(); err != nil {
			return Trial{}, err
		}
	}
	return t.result, nil
}

// phase is where a trial stands.
type phase int

const (
	warmingUp  phase = iota // waiting for a first leader
	settling                // letting every follower hear from it
	awaitBeat               // waiting for the heartbeat that opens the interval
	toCrash                 // running to the chosen point of the interval
	leaderless              // after the crash, until a new leader is heard
)

// trialRun is a trial that runs a millisecond at a time, so a page can run
// trials between frames (Runner) and a batch can run them whole (RunTrial).
type trialRun struct {
	sim    *raftsim.Sim
	w      *watch
	rng    *rand.Rand
	seed   int64
	hbMs   int64
	settle int64

	phase   phase
	until   int64 // the current phase's deadline or target, by phase
	mark    int64 // awaitBeat: a heartbeat at or after mark opens the interval
	beating uint64
	done    bool
	result  Trial
}

func newTrialRun(set Setting, cal Calibration, seed int64) (*trialRun, error) {
	cfg := set.Config(cal, seed)
	sim, err := raftsim.New(cfg)
	if err != nil {
		return nil, err
	}
	t := &trialRun{
		sim: sim, w: newWatch(), seed: seed, rng: rand.New(rand.NewPCG(uint64(seed), 0x5eed)),
		hbMs: int64(cfg.HeartbeatTicks) * cfg.TickMs, settle: 4 * set.MinMs, until: warmupLimitMs,
	}
	sim.OnEvent(t.w.see)
	return t, nil
}

// advance moves the trial on by one step: a millisecond of virtual time, or
// the crash. It returns an error when the cluster never settles.
func (t *trialRun) advance() error {
	sim, w := t.sim, t.w
	switch t.phase {
	case warmingUp:
		if w.leader != 0 {
			t.phase, t.until = settling, sim.Now()+t.settle
			return nil
		}
		if sim.Now() >= t.until {
			return fmt.Errorf("seed %d: no leader within %d ms", t.seed, warmupLimitMs)
		}
	case settling:
		if sim.Now() >= t.until {
			t.phase, t.mark = awaitBeat, sim.Now()
			return nil
		}
	case awaitBeat:
		// With timeouts near the broadcast time leadership may pass while
		// the trial waits; the interval opens with whoever beats next.
		if w.lastBeat >= t.mark {
			t.phase, t.beating, t.until = toCrash, w.leader, w.lastBeat+t.rng.Int64N(t.hbMs)
			return nil
		}
		if sim.Now() >= warmupLimitMs {
			return fmt.Errorf("seed %d: no leader kept its place for a heartbeat interval", t.seed)
		}
	case toCrash:
		if sim.Now() < t.until {
			break
		}
		if w.leader != t.beating {
			t.phase, t.mark = awaitBeat, sim.Now()
			return nil
		}
		if err := sim.Do(raftsim.Action{Op: "crash", Node: t.beating}); err != nil {
			return err
		}
		w.crash(t.beating, sim.Now())
		t.phase = leaderless
		return nil
	case leaderless:
		if w.heardAt >= 0 || sim.Now()-w.crashAt >= LimitMs {
			t.finish()
			return nil
		}
	}
	sim.Advance(1)
	return nil
}

// finish records the trial's outcome.
func (t *trialRun) finish() {
	w := t.w
	r := Trial{Seed: t.seed, HeartbeatRTT: w.heartbeatRTT, VoteRTT: w.voteRTT}
	if w.heardAt < 0 {
		r.TimedOut, r.ElectedMs, r.LeaderMs = true, LimitMs, LimitMs
	} else {
		r.ElectedMs, r.LeaderMs = w.electedAt-w.crashAt, w.heardAt-w.crashAt
	}
	t.result, t.done = r, true
}
