package raftsim

import "fmt"

// ActStep processes exactly one event.
const ActStep ActionOp = "step"

func init() {
	register(&actionKind{
		op: ActStep, help: "process exactly one event",
		apply: func(s *Sim, _ *Action) error {
			if s.manual {
				return fmt.Errorf("step: the clock is held in manual mode; deliver a message, tick a node or hand over a Ready")
			}
			if !s.Step() {
				return fmt.Errorf("step: nothing is scheduled")
			}
			return nil
		},
	})
}
