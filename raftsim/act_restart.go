package raftsim

// ActRestart starts a crashed node again from its disk.
const ActRestart ActionOp = "restart"

func init() {
	register(&actionKind{
		op: ActRestart, fields: "{node}", help: "start a crashed node again from its disk",
		parse: func(r *fieldReader, a *Action) { a.Node = r.id("node") },
		apply: func(s *Sim, a *Action) error {
			n, err := s.downNode(a.Node)
			if err != nil {
				return err
			}
			return s.restart(n)
		},
		faults: []Fault{{Op: ActRestart, Weight: 3, Draw: drawRestart}},
	})
}

// drawRestart starts a crashed member, or forces a time-out when none is
// down.
func drawRestart(d *FaultDraw) Action {
	var down []uint64
	for _, n := range d.Snap.Members() {
		if !n.Up {
			down = append(down, n.ID)
		}
	}
	if len(down) == 0 {
		return Action{Op: ActTimeout, Node: d.Member()}
	}
	return Action{Op: ActRestart, Node: down[d.Rand.IntN(len(down))]}
}
