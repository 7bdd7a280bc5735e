package scenario

import (
	"fmt"
	"maps"
	"math"
	"strconv"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// StepResult is how a finished step went.
type StepResult struct {
	Step     int      // index of the step
	EndMs    int64    // virtual time it ended at
	Failures []string // expectations that did not hold, in words
}

// OK reports whether every expectation of the step held.
func (r StepResult) OK() bool { return len(r.Failures) == 0 }

// Player plays a scenario on a simulation, a step at a time.
type Player struct {
	sc  *Scenario
	sim *raftsim.Sim

	step    int   // current step
	startMs int64 // when the current step started
	next    int   // next action of the current step to do
	met     bool  // the current step's until condition has held
	done    bool  // the current step has ended
	// held is set while a step that asks a question has begun but not run:
	// its first actions wait for Advance, so the page can ask before them.
	held    bool
	vars    map[string]string
	hist    *history
	stop    func()   // stops watching the simulator's events
	refused []string // the current step's actions the simulator refused
	results []StepResult
	starts  []stepStart // the start of every step begun so far
	// startLabels are the labels committed somewhere when the current step
	// began: what its Offers leave out as written before it.
	startLabels map[string]bool
}

// stepStart is what going back to the start of a step restores: the run up
// to it, which Sim.Replay reproduces, and the names remembered before it.
type stepStart struct {
	run  raftsim.Run
	vars map[string]string
}

// NewPlayer resets sim to the scenario's config and stands at the start of
// its first step. The player watches sim's events until Close.
func NewPlayer(sim *raftsim.Sim, sc *Scenario) (*Player, error) {
	p := &Player{sc: sc, sim: sim, hist: newHistory()}
	p.stop = sim.OnEvent(p.hist.observe)
	if err := p.Goto(0); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// Close stops the player; the simulation stays as it is, to play on freely.
func (p *Player) Close() { p.stop() }

// Scenario returns the story being played.
func (p *Player) Scenario() *Scenario { return p.sc }

// Step returns the index of the current step.
func (p *Player) Step() int { return p.step }

// Caption is the current step's narration.
func (p *Player) Caption() string { return p.sc.Steps[p.step].Caption }

// Question is what the current step asks before it runs, or nil.
func (p *Player) Question() *Question { return p.sc.Steps[p.step].Question }

// Truth reports, for each choice of the current step's question, whether the
// run made it true, judged by the question's check on the cluster as it is
// now; meant for a step that has ended.
func (p *Player) Truth() ([]bool, error) {
	q := p.Question()
	if q == nil {
		return nil, fmt.Errorf("step %d asks no question", p.step+1)
	}
	return q.truth(p.observed())
}

// Done reports whether the current step has ended.
func (p *Player) Done() bool { return p.done }

// Last reports whether the current step is the story's last.
func (p *Player) Last() bool { return p.step == len(p.sc.Steps)-1 }

// Results returns how the finished steps went, in order.
func (p *Player) Results() []StepResult { return append([]StepResult(nil), p.results...) }

// Goto goes to the start of step k. A step already begun is reached by
// replaying the run's action log up to it (Sim.Replay); a later one by playing
// on from the furthest step begun. Runs are deterministic, so either way it
// shows exactly what playing to it did.
func (p *Player) Goto(k int) error {
	if k < 0 || k >= len(p.sc.Steps) {
		return fmt.Errorf("%s has steps 1 to %d", p.sc.Name, len(p.sc.Steps))
	}
	from := min(k, len(p.starts)-1)
	if err := p.replayTo(from); err != nil {
		return err
	}
	for p.step < k {
		p.Finish()
		p.begin(p.step + 1)
	}
	return nil
}

// replayTo stands at the start of step k, one already begun, or of the first
// step when k < 0 (a new player).
func (p *Player) replayTo(k int) error {
	p.hist.reset()
	p.vars = map[string]string{}
	if k < 0 {
		p.results = nil
		if err := p.sim.Reset(p.sc.Config); err != nil {
			return err
		}
		p.begin(0)
		return nil
	}
	start := p.starts[k]
	refused, err := p.sim.Replay(start.run)
	if err == nil && refused != nil {
		err = fmt.Errorf("replaying to step %d: %v", k+1, refused[0])
	}
	if err != nil {
		return err
	}
	maps.Copy(p.vars, start.vars)
	p.results = p.results[:k]
	p.begin(k)
	return nil
}

// Next starts the next step once the current one has ended.
func (p *Player) Next() error {
	switch {
	case !p.done:
		return fmt.Errorf("step %d has not ended yet", p.step+1)
	case p.Last():
		return fmt.Errorf("%s has no step after %d", p.sc.Name, p.step+1)
	}
	p.begin(p.step + 1)
	return nil
}

// Finish runs the current step to its end at once and returns its result.
func (p *Player) Finish() StepResult {
	for !p.done {
		p.Advance(math.MaxInt32)
	}
	return p.results[len(p.results)-1]
}

// RunAll plays every step from the start and returns their results.
func (p *Player) RunAll() []StepResult {
	for {
		p.Finish()
		if p.Last() {
			return p.Results()
		}
		p.begin(p.step + 1)
	}
}

func (p *Player) begin(k int) {
	p.step, p.startMs, p.next, p.met, p.done = k, p.sim.Now(), 0, false, false
	p.hist.beginStep()
	p.refused = nil
	if k == len(p.starts) {
		p.starts = append(p.starts, stepStart{run: p.sim.Run(), vars: maps.Clone(p.vars)})
	}
	snap := p.sim.Snapshot()
	p.startLabels = map[string]bool{}
	for _, l := range committedLabels(snap) {
		p.startLabels[l] = true
	}
	for _, b := range p.sc.Steps[k].Remember {
		p.vars[b.Name] = remember(snap, b.What)
	}
	if p.held = p.sc.Steps[k].Question != nil; !p.held {
		p.settle()
	}
}

// Advance moves the story on by up to ms of virtual time and stops early
// when the current step ends. The step ends at the same virtual instant
// however the time is sliced, so the browser and a headless run agree.
func (p *Player) Advance(ms int64) {
	target := p.sim.Now() + ms
	st := &p.sc.Steps[p.step]
	if p.held {
		// Settled first, at the step's start, as begin does a step that
		// asks nothing: the run is the same whether a question was asked.
		p.held = false
		p.settle()
	}
	for !p.done && p.sim.Now() < target {
		limit := target
		if p.next < len(st.Actions) {
			limit = min(limit, p.startMs+st.Actions[p.next].AtMs)
		}
		if st.Until != nil && !p.met {
			p.stepUntil(min(limit, p.startMs+st.WithinMs))
		} else {
			if p.next == len(st.Actions) {
				limit = min(limit, p.startMs+st.RunMs)
			}
			p.sim.AdvanceTo(limit)
		}
		p.settle()
	}
}

// stepUntil processes events one at a time up to limit, checking the until
// condition after each, and stops at the event that makes it hold.
func (p *Player) stepUntil(limit int64) {
	for {
		if at, ok := p.peek(); !ok || at > limit {
			p.sim.AdvanceTo(limit)
			return
		}
		p.sim.Step()
		if p.untilHolds() {
			p.met = true
			return
		}
	}
}

// settle does the actions that are due and ends the step when it is over.
func (p *Player) settle() {
	st := &p.sc.Steps[p.step]
	now := p.sim.Now()
	for p.next < len(st.Actions) && p.startMs+st.Actions[p.next].AtMs <= now {
		p.do(st.Actions[p.next])
		p.next++
	}
	if st.Until != nil && !p.met && p.untilHolds() {
		p.met = true
	}
	// A step that misses its until condition ends at its time limit; one
	// that has met it (or has none) ends when its actions are done and its
	// least duration has passed.
	timedOut := st.Until != nil && !p.met && now >= p.startMs+st.WithinMs
	over := p.next == len(st.Actions) && (st.Until == nil || p.met) && now >= p.startMs+st.RunMs
	if timedOut || over {
		p.end(timedOut)
	}
}

func (p *Player) untilHolds() bool {
	ok, err := p.sc.Steps[p.step].Until.holds(p.observed())
	return ok && err == nil
}

func (p *Player) end(timedOut bool) {
	st := &p.sc.Steps[p.step]
	r := StepResult{Step: p.step, EndMs: p.sim.Now(), Failures: p.refused}
	if timedOut {
		r.Failures = append(r.Failures, fmt.Sprintf("%s: %s did not happen within %d ms", join(stepPath(p.step), "until"), st.Until, st.WithinMs))
	}
	o := p.observed()
	for i, c := range st.Expect {
		ok, err := c.holds(o)
		switch {
		case err != nil:
			r.Failures = append(r.Failures, fmt.Sprintf("%s.expect[%d]: %s: %v", stepPath(p.step), i, c, err))
		case !ok:
			r.Failures = append(r.Failures, fmt.Sprintf("%s.expect[%d]: expected %s", stepPath(p.step), i, c))
		}
	}
	p.results = append(p.results, r)
	p.done = true
}

// do resolves an action's node references and applies it. A story whose
// action is refused goes on; the refusal is reported as the step's failure.
func (p *Player) do(a TimedAction) {
	snap := p.sim.Snapshot()
	var refErr error
	js := withRefs(gjson.Parse(a.JSON), func(v gjson.Result) uint64 {
		r, err := parseRef(v)
		if err == nil {
			var id uint64
			if id, err = r.resolve(snap, p.vars); err == nil {
				return id
			}
		}
		refErr = err
		return 0
	})
	if refErr == nil {
		refErr = p.sim.DoJSON(js)
	}
	if refErr != nil {
		p.refused = append(p.refused, fmt.Sprintf("%s: refused: %v", a.path, refErr))
	}
}

func (p *Player) observed() observed {
	return observed{snap: p.sim.Snapshot(), vars: p.vars, history: p.hist}
}

func (p *Player) peek() (int64, bool) { return p.sim.NextEventAt() }

func stepPath(i int) string { return "steps[" + strconv.Itoa(i) + "]" }

// remember reads what a step binds: the leader's ID, or the running nodes' hash.
func remember(s *raftsim.Snapshot, what string) string {
	if what == "leader" {
		return strconv.FormatUint(s.Leader(), 10)
	}
	for _, n := range s.Nodes {
		if n.Up {
			return n.Hash
		}
	}
	return ""
}
