package raftsim

import "fmt"

// ActResumeNode runs a paused node's process again, from where it was.
const ActResumeNode ActionOp = "resume-node"

func init() {
	register(&actionKind{
		op: ActResumeNode, fields: "{node}", help: "run a paused node's process again: it handles what waited for it and goes on where it was",
		parse: func(r *fieldReader, a *Action) { a.Node = r.id("node") },
		apply: func(s *Sim, a *Action) error {
			n := s.node(a.Node)
			switch {
			case n == nil:
				return fmt.Errorf("resume-node: unknown node %d (%s)", a.Node, DescribeNodeIDs(s.nodeIDs()))
			case !n.paused:
				return fmt.Errorf("resume-node: %s is not paused", s.name(n.id))
			}
			n.resume()
			return nil
		},
	})
}
