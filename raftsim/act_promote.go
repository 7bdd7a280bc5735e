package raftsim

// ActPromote makes a learner a voter (membership.go).
const ActPromote ActionOp = "promote"

func init() {
	register(&actionKind{
		op: ActPromote, fields: "{node}", help: "make a learner a voter",
		parse:  func(r *fieldReader, a *Action) { a.Node = r.id("node") },
		apply:  func(s *Sim, a *Action) error { return s.promote(a.Node) },
		faults: []Fault{{Op: ActPromote, Weight: 1, Draw: drawPromote}},
	})
}

// drawPromote promotes a learner, or adds one when there is none.
func drawPromote(d *FaultDraw) Action {
	var learners []uint64
	for _, n := range d.Snap.Members() {
		if n.Member == MemberLearner {
			learners = append(learners, n.ID)
		}
	}
	if len(learners) == 0 {
		return drawAddLearner(d)
	}
	return Action{Op: ActPromote, Node: d.Pick(learners)}
}
