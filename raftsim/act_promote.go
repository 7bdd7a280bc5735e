package raftsim

// ActPromote makes a learner a voter (membership.go).
const ActPromote ActionOp = "promote"

func init() {
	register(&actionKind{
		op: ActPromote, fields: "{node, joint?}", help: "make a learner a voter (joint: as add-member)",
		parse:  func(r *fieldReader, a *Action) { a.Node, a.Joint = r.id("node"), r.joint() },
		apply:  func(s *Sim, a *Action) error { return s.promote(a.Node, s.joint(a)) },
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
