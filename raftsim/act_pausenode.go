package raftsim

import "fmt"

// ActPauseNode stops a node's process without crashing it, as a long
// garbage-collection pause or a SIGSTOP does (nodepause.go).
const ActPauseNode ActionOp = "pause-node"

func init() {
	register(&actionKind{
		op: ActPauseNode, fields: "{node}", help: "stop a node's process without a crash, as a long GC pause or SIGSTOP does: no ticks, no Ready, its messages wait",
		parse: func(r *fieldReader, a *Action) { a.Node = r.id("node") },
		apply: func(s *Sim, a *Action) error {
			n, err := s.upNode(a.Node)
			switch {
			case err != nil:
				return fmt.Errorf("pause-node: %v", err)
			case n.paused:
				return fmt.Errorf("pause-node: %s is already paused", s.name(n.id))
			}
			n.pause()
			return nil
		},
		faults: []Fault{{Op: ActPauseNode, Weight: 2, Draw: drawPauseNode}},
	})
}

// drawPauseNode pauses a member, or resumes it when it is paused.
func drawPauseNode(d *FaultDraw) Action {
	id := d.Member()
	if n := d.Snap.Node(id); n != nil && n.Paused {
		return Action{Op: ActResumeNode, Node: id}
	}
	return Action{Op: ActPauseNode, Node: id}
}
