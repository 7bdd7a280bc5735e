package raftsim

// ActCrash stops a running node; what its disk did not sync is lost.
const ActCrash ActionOp = "crash"

func init() {
	register(&actionKind{
		op: ActCrash, fields: "{node}", help: "stop a running node; what its disk did not sync is lost",
		parse: func(r *fieldReader, a *Action) { a.Node = r.id("node") },
		apply: func(s *Sim, a *Action) error {
			n, err := s.upNode(a.Node)
			if err != nil {
				return err
			}
			s.crash(n)
			return nil
		},
		faults: []Fault{{Op: ActCrash, Weight: 4, Draw: drawCrash}},
	})
}

// drawCrash stops a running member while fewer than a minority are down;
// past that it restarts one instead, so a quorum mostly stays (crash-all
// breaks it).
func drawCrash(d *FaultDraw) Action {
	var up []uint64
	ms := d.Snap.Members()
	for _, n := range ms {
		if n.Up {
			up = append(up, n.ID)
		}
	}
	if down := len(ms) - len(up); down >= (len(ms)-1)/2 || len(up) == 0 {
		return drawRestart(d)
	}
	return Action{Op: ActCrash, Node: up[d.Rand.IntN(len(up))]}
}
