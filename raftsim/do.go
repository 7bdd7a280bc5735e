package raftsim

import (
	"encoding/json"
	"fmt"
)

// DoJSON parses an action in its JSON form (see ParseAction) and does it.
func (s *Sim) DoJSON(js string) error {
	a, err := ParseAction(js)
	if err != nil {
		return err
	}
	return s.Do(a)
}

// Do validates an action against the current state and applies it. An action
// that does not make sense now (crashing a crashed node, dropping a message
// that has landed) is refused with a clear error and changes nothing; an
// applied one is appended to the action log with the current virtual time.
func (s *Sim) Do(a Action) error {
	rec := ActionRecord{AtMs: s.clock.now, Fired: s.fired, Action: a}
	if err := s.apply(&a); err != nil {
		return err
	}
	rec.Action = a // with defaults filled in, so a replay does the same
	if a.Op == ActReset {
		// A reset starts a new run: its log begins with nothing.
		return nil
	}
	s.actions = append(s.actions, rec)
	s.emit(Event{Kind: EvAction, Node: a.Node, Op: a.Op, Text: "action " + a.String()})
	return nil
}

// apply does the action its registered kind's way (act_*.go).
func (s *Sim) apply(a *Action) error {
	k := kindOfOp(a.Op)
	switch {
	case k == nil:
		return fmt.Errorf("unknown op %q", a.Op)
	case s.bare:
		if err := s.scriptRunTakes(a); err != nil {
			return err
		}
	}
	switch {
	case k.apply == nil:
		return s.doApp(a)
	}
	return k.apply(s, a)
}

// leader returns the cluster's leader (see leaderOf), or nil.
func (s *Sim) leader() *node {
	return s.node(leaderOf(s.nodes, func(n *node) leaderCandidate {
		return leaderCandidate{id: n.id, term: n.term, leads: n.up() && n.role == RoleLeader}
	}))
}

func (s *Sim) crash(n *node) {
	n.crash()
	s.emit(Event{Kind: EvCrash, Node: n.id, Text: fmt.Sprintf("%s crashed; unsynced writes and volatile state are lost", s.name(n.id))})
	s.linkStreams()
}

func (s *Sim) restart(n *node) error {
	if err := n.start(); err != nil {
		return fmt.Errorf("restart %s: %v", s.name(n.id), err)
	}
	last, _ := n.disk.LastIndex()
	s.emit(Event{Kind: EvRestart, Node: n.id, Term: n.term, Text: fmt.Sprintf("%s restarted from its disk (term %d, %d entries, commit %d)", s.name(n.id), n.term, last, n.commit)})
	n.pump()
	return nil
}

func (s *Sim) upNode(id uint64) (*node, error) {
	n := s.node(id)
	switch {
	case n == nil:
		return nil, fmt.Errorf("unknown node %d (%s)", id, DescribeNodeIDs(s.nodeIDs()))
	case n.removed:
		return nil, fmt.Errorf("%s", removedText(s.name(id)))
	case !n.up():
		return nil, fmt.Errorf("%s is down", s.name(id))
	}
	return n, nil
}

// runningNode returns node id when its process runs: up and not paused.
func (s *Sim) runningNode(id uint64) (*node, error) {
	n, err := s.upNode(id)
	if err == nil && n.paused {
		return nil, fmt.Errorf("%s is paused", s.name(id))
	}
	return n, err
}

func (s *Sim) downNode(id uint64) (*node, error) {
	n := s.node(id)
	switch {
	case n == nil:
		return nil, fmt.Errorf("unknown node %d (%s)", id, DescribeNodeIDs(s.nodeIDs()))
	case n.removed:
		return nil, fmt.Errorf("%s", removedText(s.name(id)))
	case n.up():
		return nil, fmt.Errorf("%s is already running", s.name(id))
	}
	return n, nil
}

// String renders the action as its JSON form.
func (a Action) String() string {
	b, _ := json.Marshal(a)
	return string(b)
}
