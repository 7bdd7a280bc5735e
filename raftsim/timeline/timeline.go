package timeline

import (
	"fmt"
	"sort"

	"raftplay/raftsim"
)

// Options shape a Timeline; the zero value takes the defaults.
type Options struct {
	// EveryMs is the finest spacing of frames in virtual time (default 100).
	EveryMs int64
	// BudgetBytes bounds the frames' size, counted as their JSON without the
	// action log, which they share (default 8 MiB).
	BudgetBytes int
	// Busy, when set, says why the run cannot be forked now (a story plays),
	// or nil when it can.
	Busy func() error
}

// Defaults of Options.
const (
	DefaultEveryMs     = 100
	DefaultBudgetBytes = 8 << 20
)

// Followed is the simulation a Timeline follows: its events as they come,
// which run it holds (a reset starts another), where that run stands, and
// a replay of a run on it from its start, as a fork plays on.
// *raftsim.Sim is one.
type Followed interface {
	OnEvent(f func(raftsim.Event)) (cancel func())
	Generation() uint64
	Now() int64
	Run() raftsim.Run
	StartReplay(r raftsim.Run) (*raftsim.Replaying, error)
}

// Timeline follows one simulation's runs. It is not safe for concurrent
// use; the playground calls it under the game's lock.
type Timeline struct {
	sim    Followed
	build  Builder
	opts   Options
	cancel func()

	// gen is the generation of the run the frames and marks belong to; a
	// new one (a reset, a replayed link, a story's step back) starts afresh.
	gen uint64
	// log is the run's action log as the frames last saw it; a frame keeps
	// only how many of its actions it had.
	log    []raftsim.ActionRecord
	frames []frame
	bytes  int
	every  int64
	marks  []Mark
	// forking is set while a fork replays the live run: the events it
	// repeats are already marked.
	forking bool

	seeker seeker
}

// frame is one kept snapshot, without its action log (log[:actions]).
type frame struct {
	snap    *raftsim.Snapshot
	actions int
	size    int
}

// Builder builds a fresh simulation of the kind the timeline follows (its
// clients and their checker attached) for a seek or a fork to replay the
// run in. Built as cmd/sim builds its own (judged.New), a replay's snapshots
// are the bytes cmd/sim prints; fresh, it has the simulator's speed and
// pause, not the run's, as a reset keeps them.
type Builder func(raftsim.Config) (*raftsim.Sim, error)

// New follows sim from its current run on, until Close; build makes the
// simulations its replays run in.
func New(sim Followed, build Builder, opts Options) *Timeline {
	if opts.EveryMs <= 0 {
		opts.EveryMs = DefaultEveryMs
	}
	if opts.BudgetBytes <= 0 {
		opts.BudgetBytes = DefaultBudgetBytes
	}
	t := &Timeline{sim: sim, build: build, opts: opts, every: opts.EveryMs, gen: sim.Generation()}
	t.cancel = sim.OnEvent(t.event)
	return t
}

// Close stops following the simulation.
func (t *Timeline) Close() { t.cancel() }

// event marks what is worth a mark.
func (t *Timeline) event(e raftsim.Event) {
	if t.forking {
		return
	}
	t.sameRun(t.sim.Generation())
	if m, ok := markOf(e); ok {
		t.addMark(m)
	}
}

// sameRun starts afresh when gen is a new run.
func (t *Timeline) sameRun(gen uint64) {
	if gen == t.gen {
		return
	}
	t.gen = gen
	t.log, t.frames, t.bytes, t.every, t.marks = nil, nil, 0, t.opts.EveryMs, nil
}

// Observe takes the live snapshot of a frame and keeps it when it is due:
// one frame per EveryMs (more widely spaced once the budget has been spent).
func (t *Timeline) Observe(snap *raftsim.Snapshot) {
	if t.forking {
		// The live run is being rebuilt; its past is kept already.
		return
	}
	t.sameRun(snap.Generation)
	t.follow(snap.Actions)
	if n := len(t.frames); n > 0 && snap.NowMs < t.frames[n-1].snap.NowMs+t.every {
		return
	}
	keep := *snap
	keep.Actions = nil
	f := frame{snap: &keep, actions: len(snap.Actions), size: len(keep.JSON())}
	t.frames = append(t.frames, f)
	t.bytes += f.size
	for t.bytes > t.opts.BudgetBytes && len(t.frames) > 2 {
		t.thin()
	}
}

// follow brings the log up to date with actions, the whole log of the
// same run. A frame taken at the moment of a new action, before it, no
// longer shows that moment as a replay does, so it goes.
func (t *Timeline) follow(actions []raftsim.ActionRecord) {
	if len(actions) == len(t.log) {
		return
	}
	first := actions[len(t.log)]
	t.log = append(t.log, actions[len(t.log):]...)
	for n := len(t.frames); n > 0 && t.frames[n-1].snap.NowMs >= first.AtMs && t.frames[n-1].actions < len(t.log); n-- {
		t.bytes -= t.frames[n-1].size
		t.frames = t.frames[:n-1]
	}
}

// thin drops every other frame, keeping the first and the latest, and
// doubles the interval new frames are kept at.
func (t *Timeline) thin() {
	kept := t.frames[:1]
	t.bytes = t.frames[0].size
	for i := 2; i < len(t.frames); i += 2 {
		kept = append(kept, t.frames[i])
		t.bytes += t.frames[i].size
	}
	if last := t.frames[len(t.frames)-1]; kept[len(kept)-1].snap != last.snap {
		kept = append(kept, last)
		t.bytes += last.size
	}
	clear(t.frames[len(kept):])
	t.frames = kept
	t.every *= 2
}

// Frame returns the kept snapshot nearest before or at ms, with its action
// log, for display while scrubbing; false when none is kept that early.
// It is the live snapshot as it was shown; StateAt gives a moment exactly.
func (t *Timeline) Frame(ms int64) (*raftsim.Snapshot, bool) {
	i := sort.Search(len(t.frames), func(i int) bool { return t.frames[i].snap.NowMs > ms })
	if i == 0 {
		return nil, false
	}
	return t.frameAt(i - 1), true
}

// FrameFrom returns the first kept snapshot at or after ms, with its action
// log: the picture just after a mark's moment; false when none is kept.
func (t *Timeline) FrameFrom(ms int64) (*raftsim.Snapshot, bool) {
	i := sort.Search(len(t.frames), func(i int) bool { return t.frames[i].snap.NowMs >= ms })
	if i == len(t.frames) {
		return nil, false
	}
	return t.frameAt(i), true
}

// frameAt is frame i with its action log, a copy the caller may keep.
func (t *Timeline) frameAt(i int) *raftsim.Snapshot {
	f := t.frames[i]
	snap := *f.snap
	snap.Actions = t.log[:f.actions:f.actions]
	return &snap
}

// Stats says how much of the past the timeline keeps, and what it costs.
type Stats struct {
	Frames int `json:"frames"`
	// Bytes is the frames' size, counted as their JSON without the action log.
	Bytes int `json:"bytes"`
	// FromMs and ToMs are the first and latest frame's times; EveryMs is the
	// spacing new frames are kept at.
	FromMs  int64 `json:"from_ms"`
	ToMs    int64 `json:"to_ms"`
	EveryMs int64 `json:"every_ms"`
	Marks   int   `json:"marks"`
}

// Stats reports the frames kept and their size.
func (t *Timeline) Stats() Stats {
	s := Stats{Frames: len(t.frames), Bytes: t.bytes, EveryMs: t.every, Marks: len(t.marks)}
	if n := len(t.frames); n > 0 {
		s.FromMs, s.ToMs = t.frames[0].snap.NowMs, t.frames[n-1].snap.NowMs
	}
	return s
}

// inRun checks that ms is a moment of the run so far.
func (t *Timeline) inRun(ms int64) error {
	if t.forking {
		return fmt.Errorf("a fork is under way")
	}
	if now := t.sim.Now(); ms < 0 || ms > now {
		return fmt.Errorf("there is no moment %d ms in this run: it runs from 0 to %d ms", ms, now)
	}
	return nil
}
