package raftsim

import "fmt"

// ActTransfer hands leadership to a node.
const ActTransfer ActionOp = "transfer"

func init() {
	register(&actionKind{
		op: ActTransfer, fields: "{to}", help: "hand leadership to a node",
		parse:  func(r *fieldReader, a *Action) { a.To = r.id("to") },
		apply:  func(s *Sim, a *Action) error { return s.transfer(a.To) },
		faults: []Fault{{Op: ActTransfer, Weight: 2, Draw: func(d *FaultDraw) Action { return Action{Op: ActTransfer, To: d.Member()} }}},
	})
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
	if l.paused {
		return fmt.Errorf("transfer: the leader, %s, is paused and takes no request", s.name(l.id))
	}
	if !l.votes(to) {
		return fmt.Errorf("transfer: %s is not a voter, and only a voter can lead", s.name(to))
	}
	l.raftTransfer(to)
	l.pump()
	return nil
}
