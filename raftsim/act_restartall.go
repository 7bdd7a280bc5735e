package raftsim

import (
	"fmt"
	"slices"
)

// ActRestartAll restarts every crashed node.
const ActRestartAll ActionOp = "restart-all"

func init() {
	register(&actionKind{
		op: ActRestartAll, help: "restart every crashed node",
		apply: func(s *Sim, _ *Action) error {
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
			return nil
		},
		faults: []Fault{{Op: ActRestartAll, Weight: 1, Draw: func(*FaultDraw) Action { return Action{Op: ActRestartAll} }}},
	})
}
