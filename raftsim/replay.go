package raftsim

import "fmt"

// Replay is the one way a run is reproduced: share links, cmd/sim's action
// files, the determinism tests, the stories' steps back and time travel's
// seeks and forks all come through it.
//
// The policy for an action the replay cannot do is the one the playground
// has for any refused action: it changes nothing, is not logged, and the run
// goes on. A log the simulator wrote itself never holds one (only applied
// actions are logged, and runs are deterministic); a hand-written action file
// or an old link may, and its reader is told which and why.

// Run is everything that reproduces a simulation: its config (the seed
// included), its action log, and how far it had run.
type Run struct {
	Config  Config         `json:"config"`
	Actions []ActionRecord `json:"actions"`
	NowMs   int64          `json:"now_ms"`
	// Fired is how many events the run had processed at NowMs; 0 means
	// every event due by then (see ActionRecord.Fired).
	Fired uint64 `json:"fired,omitempty"`
}

// Run returns what reproduces the simulation as it stands.
func (s *Sim) Run() Run {
	return Run{Config: s.cfg, Actions: s.Actions(), NowMs: s.clock.now, Fired: s.fired}
}

// Refusal is an action a replay could not do, and why.
type Refusal struct {
	Index  int // position in the run's action list
	Action ActionRecord
	Err    error
}

// Error says which action was refused, when, and why.
func (r Refusal) Error() string {
	return fmt.Sprintf("action %d (%s at %d ms) refused: %v", r.Index, r.Action.Op, r.Action.AtMs, r.Err)
}

// Replay starts a new run from r's config in place (a new generation, like
// Reset), does r's actions at their virtual times, skipping the ones that
// are refused, and runs the clock to r.NowMs; actions after r.NowMs are not
// reached. With an invalid config nothing changes and the error says why.
func (s *Sim) Replay(r Run) ([]Refusal, error) {
	rp, err := s.StartReplay(r)
	if err != nil {
		return nil, err
	}
	rp.RunTo(r.NowMs)
	return rp.Refused(), nil
}

// Replaying is a replay under way: Replay in pieces, so a long one can be
// spread over frames (a time-travel fork) or carried on from where an
// earlier one stopped (seeking forward) instead of starting again.
type Replaying struct {
	s       *Sim
	run     Run
	next    int   // the first of run's actions not yet done
	at      int64 // how far it has been played
	refused []Refusal
}

// StartReplay starts a new run from r's config in place, as Replay does, and
// stands at its start; RunTo plays it on. With an invalid config nothing
// changes and the error says why.
func (s *Sim) StartReplay(r Run) (*Replaying, error) {
	if err := s.Reset(r.Config); err != nil {
		return nil, err
	}
	return &Replaying{s: s, run: r}, nil
}

// RunTo plays the run on to virtual time t (at most the run's NowMs, and
// never back): it does the actions due by t, skipping the refused ones, and
// processes the events due by t. Replaying to t in one call or in several
// gives the same run.
func (p *Replaying) RunTo(t int64) {
	t = min(max(t, p.at), p.run.NowMs)
	p.at = t
	for ; p.next < len(p.run.Actions) && p.run.Actions[p.next].AtMs <= t; p.next++ {
		a := p.run.Actions[p.next]
		p.s.runTo(a.AtMs, a.Fired)
		if err := p.s.Do(a.Action); err != nil {
			p.refused = append(p.refused, Refusal{Index: p.next, Action: a, Err: err})
		}
	}
	if t == p.run.NowMs {
		p.s.runTo(t, p.run.Fired)
		return
	}
	p.s.runTo(t, 0)
}

// Done reports whether the replay has reached the run's end.
func (p *Replaying) Done() bool { return p.at == p.run.NowMs }

// At is the virtual time the replay has reached.
func (p *Replaying) At() int64 { return p.at }

// Refused lists the actions the replay could not do so far.
func (p *Replaying) Refused() []Refusal { return p.refused }

// runTo moves the run to virtual time t with fired events processed, or,
// for fired 0, every event due by t.
func (s *Sim) runTo(t int64, fired uint64) {
	if fired == 0 {
		s.AdvanceTo(t)
		return
	}
	for s.fired < fired {
		if at, ok := s.clock.peek(); !ok || at > t || !s.Step() {
			break
		}
	}
	if !s.manual {
		s.clock.now = max(s.clock.now, t)
	}
}

// Generation is the run count Snapshot.Generation reports, without the cost
// of a snapshot: a watcher of events can tell which run an event belongs to.
func (s *Sim) Generation() uint64 { return s.generation }
