package raftsim

import "fmt"

// ActReady hands a node's Ready over by hand (manual mode).
const ActReady ActionOp = "ready"

func init() {
	register(&actionKind{
		op: ActReady, fields: "{node}", help: "manual mode: hand a node's Ready over: persist its entries and hard state, send its messages, apply its committed entries, advance",
		parse: func(r *fieldReader, a *Action) { a.Node = r.id("node") },
		apply: func(s *Sim, a *Action) error {
			if err := s.needManual(ActReady); err != nil {
				return err
			}
			n, err := s.runningNode(a.Node)
			if err != nil {
				return fmt.Errorf("ready: %v", err)
			}
			return s.handReady(n)
		},
	})
}
