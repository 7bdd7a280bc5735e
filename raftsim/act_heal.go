package raftsim

import "fmt"

// ActHeal joins the partition's groups again.
const ActHeal ActionOp = "heal"

func init() {
	register(&actionKind{
		op: ActHeal, help: "join the partition's groups again",
		apply: func(s *Sim, _ *Action) error {
			if s.net.groups == nil {
				return fmt.Errorf("heal: the network is not partitioned")
			}
			s.net.heal()
			s.linkStreams()
			return nil
		},
		faults: []Fault{{Op: ActHeal, Weight: 2, Draw: func(*FaultDraw) Action { return Action{Op: ActHeal} }}},
	})
}
