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
	HeartbeatRTT meanOf `json:"-"`
	VoteRTT      meanOf `json:"-"`
}

// LimitMs bounds a trial's wait for a new leader: far beyond any etcd
// configuration's election, so a trial that reaches it has split votes
// without end.
const LimitMs = 20_000

// warmupLimitMs bounds the wait for the first leader before the crash.
const warmupLimitMs = 20_000

// RunTrial runs one trial: a fresh five-server cluster elects a leader and
// settles; the leader crashes at a uniformly random point of its heartbeat
// interval; the trial ends when the new leader's first message lands.
func RunTrial(set Setting, cal Calibration, seed int64) (Trial, error) {
	cfg := set.Config(cal, seed)
	sim, err := raftsim.New(cfg)
	if err != nil {
		return Trial{}, err
	}
	w := newWatch()
	sim.OnEvent(w.see)

	// The first leader, then time for every follower to hear from it.
	if !advanceUntil(sim, warmupLimitMs, func() bool { return w.leader != 0 }) {
		return Trial{}, fmt.Errorf("seed %d: no leader within %d ms", seed, warmupLimitMs)
	}
	sim.Advance(4 * set.MinMs)

	// Crash at a uniformly random point of the heartbeat interval that
	// starts with the leader's next heartbeat. With timeouts near the
	// broadcast time leadership may pass meanwhile; then try again.
	hb := int64(cfg.HeartbeatTicks) * cfg.TickMs
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	var crashed uint64
	for crashed == 0 {
		mark := sim.Now()
		if mark > warmupLimitMs || !advanceUntil(sim, warmupLimitMs, func() bool { return w.lastBeat >= mark }) {
			return Trial{}, fmt.Errorf("seed %d: no leader kept its place for a heartbeat interval", seed)
		}
		beating := w.leader
		sim.AdvanceTo(w.lastBeat + rng.Int64N(hb))
		if w.leader == beating {
			crashed = beating
		}
	}
	if err := sim.Do(raftsim.Action{Op: "crash", Node: crashed}); err != nil {
		return Trial{}, err
	}
	w.crash(crashed, sim.Now())

	t := Trial{Seed: seed}
	if !advanceUntil(sim, LimitMs, func() bool { return w.heardAt >= 0 }) {
		t.TimedOut = true
		t.ElectedMs, t.LeaderMs = LimitMs, LimitMs
	} else {
		t.ElectedMs, t.LeaderMs = w.electedAt-w.crashAt, w.heardAt-w.crashAt
	}
	t.HeartbeatRTT, t.VoteRTT = w.heartbeatRTT, w.voteRTT
	return t, nil
}

// advanceUntil advances the simulation a millisecond at a time until done
// holds or limit milliseconds have passed; it reports whether done held.
func advanceUntil(sim *raftsim.Sim, limit int64, done func() bool) bool {
	end := sim.Now() + limit
	for !done() {
		if sim.Now() >= end {
			return false
		}
		sim.Advance(1)
	}
	return true
}
