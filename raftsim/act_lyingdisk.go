package raftsim

import "fmt"

// ActLyingDisk makes a node's disk acknowledge writes before they are
// durable, or stop.
const ActLyingDisk ActionOp = "lying-disk"

func init() {
	register(&actionKind{
		op: ActLyingDisk, fields: "{node, on}", help: "make a node's disk acknowledge writes before they are durable, or stop",
		parse: func(r *fieldReader, a *Action) {
			a.Node = r.id("node")
			a.On = r.onOff()
		},
		zero: []string{`"on":false`},
		apply: func(s *Sim, a *Action) error {
			n := s.node(a.Node)
			switch {
			case n == nil:
				return fmt.Errorf("unknown node %d (%s)", a.Node, DescribeNodeIDs(s.nodeIDs()))
			case n.removed:
				return fmt.Errorf("lying-disk: %s", removedText(s.name(n.id)))
			case n.lying == a.On:
				return fmt.Errorf("%s's disk already %s", s.name(n.id), map[bool]string{true: "lies", false: "tells the truth"}[a.On])
			}
			n.lying = a.On
			if a.On {
				n.disk.startLying()
			}
			return nil
		},
		faults: []Fault{{Op: ActLyingDisk, Weight: 2, BeyondRaft: true, Draw: func(d *FaultDraw) Action {
			id := d.Member()
			return Action{Op: ActLyingDisk, Node: id, On: !d.Snap.Node(id).LyingDisk}
		}}},
	})
}
