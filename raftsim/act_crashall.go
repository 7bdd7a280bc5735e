package raftsim

import (
	"fmt"
	"slices"
)

// ActCrashAll crashes every running node.
const ActCrashAll ActionOp = "crash-all"

func init() {
	register(&actionKind{
		op: ActCrashAll, help: "crash every running node",
		apply: func(s *Sim, _ *Action) error {
			if !slices.ContainsFunc(s.nodes, (*node).up) {
				return fmt.Errorf("crash-all: every node is already down")
			}
			for _, n := range s.nodes {
				if n.up() {
					s.crash(n)
				}
			}
			return nil
		},
		faults: []Fault{{Op: ActCrashAll, Weight: 1, Draw: func(*FaultDraw) Action { return Action{Op: ActCrashAll} }}},
	})
}
