package raftsim

// ActDrop loses one message in flight.
const ActDrop ActionOp = "drop"

func init() {
	register(&actionKind{
		op: ActDrop, fields: "{message}", help: "lose one message in flight (a fault beyond what TCP does)",
		parse:  func(r *fieldReader, a *Action) { a.Message = r.id("message") },
		apply:  func(s *Sim, a *Action) error { return s.dropMessage(a.Message) },
		faults: []Fault{{Op: ActDrop, Weight: 2, Draw: drawDrop}},
	})
}

// drawDrop loses one message in flight, when there is one.
func drawDrop(d *FaultDraw) Action {
	if len(d.Snap.Messages) == 0 {
		return Action{Op: ActTimeout, Node: d.Member()}
	}
	return Action{Op: ActDrop, Message: d.Snap.Messages[d.Rand.IntN(len(d.Snap.Messages))].ID}
}
