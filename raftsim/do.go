package raftsim

import (
	"encoding/json"
	"fmt"
	"slices"
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

func (s *Sim) apply(a *Action) error {
	if slices.Contains(AppOps, a.Op) {
		return s.doApp(a)
	}
	switch a.Op {
	case ActCrash:
		n, err := s.upNode(a.Node)
		if err != nil {
			return err
		}
		s.crash(n)
	case ActRestart:
		n, err := s.downNode(a.Node)
		if err != nil {
			return err
		}
		return s.restart(n)
	case ActCrashAll:
		if !slices.ContainsFunc(s.nodes, (*node).up) {
			return fmt.Errorf("crash-all: every node is already down")
		}
		for _, n := range s.nodes {
			if n.up() {
				s.crash(n)
			}
		}
	case ActRestartAll:
		down := func(n *node) bool { return !n.up() && !n.removed }
		if !slices.ContainsFunc(s.nodes, down) {
			return fmt.Errorf("restart-all: every node is already up")
		}
		for _, n := range s.nodes {
			if down(n) {
				if err := s.restart(n); err != nil {
					return err
				}
			}
		}
	case ActPartition:
		return s.partition(a.Groups)
	case ActHeal:
		if s.net.groups == nil {
			return fmt.Errorf("heal: the network is not partitioned")
		}
		s.net.heal()
	case ActLyingDisk:
		n := s.node(a.Node)
		switch {
		case n == nil:
			return fmt.Errorf("unknown node %d (%s)", a.Node, DescribeNodeIDs(s.nodeIDs()))
		case n.removed:
			return fmt.Errorf("lying-disk: %s", removedText(s.name(n.id)))
		case n.lying == a.On:
			return fmt.Errorf("%s's disk already %s", s.name(n.id), map[bool]string{true: "lies", false: "tells the truth"}[a.On])
		}
		n.lying = a.On
		if a.On {
			n.disk.startLying()
		}
	case ActTimeout:
		n, err := s.upNode(a.Node)
		if err != nil {
			return err
		}
		if !n.votes(n.id) {
			return fmt.Errorf("timeout: %s is not a voter in the configuration it applied, and raft does not let it campaign", s.name(n.id))
		}
		// Campaign is what a follower does when its election timer fires.
		n.raftCampaign()
		n.pump()
	case ActTransfer:
		return s.transfer(a.To)
	case ActDrop:
		return s.dropMessage(a.Message)
	case ActLoss:
		return s.setLoss(a.From, a.To, a.Rate)
	case ActPause:
		s.paused = true
	case ActPlay:
		s.paused = false
	case ActStep:
		if !s.Step() {
			return fmt.Errorf("step: nothing is scheduled")
		}
	case ActSpeed:
		if a.X <= 0 || a.X > 1000 {
			return fmt.Errorf("speed must be in (0, 1000], got %g", a.X)
		}
		s.speed = a.X
	case ActReset:
		cfg := s.cfg
		if a.Config != nil {
			cfg = *a.Config
			cfg.Seed = s.cfg.Seed
		}
		if a.Seed != 0 {
			cfg.Seed = a.Seed
		}
		// An action built in Go has not been through ParseAction.
		if err := cfg.Validate(); err != nil {
			return fmt.Errorf("reset: %v", err)
		}
		s.init(cfg)
	case ActAddMember, ActPromote, ActRemoveMember:
		return s.changeMembers(a, a.Joint || s.cfg.ConfChange == ConfChangeJoint)
	default:
		return fmt.Errorf("unknown op %q", a.Op)
	}
	return nil
}

func (s *Sim) transfer(to uint64) error {
	target, err := s.upNode(to)
	if err != nil {
		return fmt.Errorf("transfer to %v", err)
	}
	l := s.leader()
	if l == nil {
		return fmt.Errorf("transfer: there is no leader to hand over")
	}
	if l == target {
		return fmt.Errorf("transfer: %s already leads", s.name(to))
	}
	if !l.votes(to) {
		return fmt.Errorf("transfer: %s is not a voter, and only a voter can lead", s.name(to))
	}
	l.raftTransfer(to)
	l.pump()
	return nil
}

// leader returns the cluster's leader (see leaderOf), or nil.
func (s *Sim) leader() *node {
	return s.node(leaderOf(s.nodes, func(n *node) leaderCandidate {
		return leaderCandidate{id: n.id, term: n.term, leads: n.up() && n.role == RoleLeader}
	}))
}

// setLoss sets the loss rate of the link from -> to; 0 for either end means
// every node.
func (s *Sim) setLoss(from, to uint64, rate float64) error {
	for _, id := range []uint64{from, to} {
		if id != 0 && s.node(id) == nil {
			return fmt.Errorf("loss: unknown node %d (%s)", id, DescribeNodeIDs(s.nodeIDs()))
		}
	}
	for _, f := range s.nodes {
		for _, t := range s.nodes {
			if f != t && (from == 0 || from == f.id) && (to == 0 || to == t.id) {
				s.net.setLoss(f.id, t.id, rate)
			}
		}
	}
	return nil
}

func (s *Sim) crash(n *node) {
	n.crash()
	s.emit(Event{Kind: EvCrash, Node: n.id, Text: fmt.Sprintf("%s crashed; unsynced writes and volatile state are lost", s.name(n.id))})
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
