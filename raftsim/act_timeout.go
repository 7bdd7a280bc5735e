package raftsim

import "fmt"

// ActTimeout makes a node campaign now, as if its election timer fired.
const ActTimeout ActionOp = "timeout"

func init() {
	register(&actionKind{
		op: ActTimeout, fields: "{node}", help: "make a node campaign now, as if its election timer fired",
		parse: func(r *fieldReader, a *Action) { a.Node = r.id("node") },
		apply: func(s *Sim, a *Action) error {
			n, err := s.runningNode(a.Node)
			if err != nil {
				return err
			}
			if !n.votes(n.id) {
				return fmt.Errorf("timeout: %s is not a voter in the configuration it applied, and raft does not let it campaign", s.name(n.id))
			}
			// Campaign is what a follower does when its election timer fires.
			n.raftCampaign()
			n.pump()
			return nil
		},
		faults: []Fault{{Op: ActTimeout, Weight: 2, Draw: func(d *FaultDraw) Action { return Action{Op: ActTimeout, Node: d.Member()} }}},
	})
}
