package raftsim

import (
	"fmt"

	"github.com/tidwall/gjson"
)

// ActLoss sets the loss rate of links.
const ActLoss ActionOp = "loss"

func init() {
	register(&actionKind{
		op: ActLoss, fields: "{from?, to?, rate}", help: "set the loss rate of the links from and to (every node when left out; a fault beyond what TCP does)",
		parse: func(r *fieldReader, a *Action) {
			// Without from or to, the rate applies to every link from or to any node.
			a.From, a.To = r.optionalID("from"), r.optionalID("to")
			rate := r.get("rate")
			if rate.Type != gjson.Number || rate.Num < 0 || rate.Num > 1 {
				r.fail(`loss needs "rate", a probability from 0 to 1`)
				return
			}
			a.Rate = rate.Num
		},
		zero:   []string{`"rate":0`},
		apply:  func(s *Sim, a *Action) error { return s.setLoss(a.From, a.To, a.Rate) },
		faults: []Fault{{Op: ActLoss, Weight: 2, Draw: drawLoss}},
	})
}

// setLoss sets the loss rate of the link from -> to; 0 for either end means
// every node.
func (s *Sim) setLoss(from, to uint64, rate float64) error {
	for _, id := range []uint64{from, to} {
		if id != 0 && s.node(id) == nil {
			return fmt.Errorf("loss: unknown node %d (%s)", id, DescribeNodeIDs(s.nodeIDs()))
		}
	}
	for _, f := range s.nodes {
		for _, t := range s.nodes {
			if f != t && (from == 0 || from == f.id) && (to == 0 || to == t.id) {
				s.net.setLoss(f.id, t.id, rate)
			}
		}
	}
	return nil
}

// drawLoss sets the loss rate of every link or of one, or clears it.
func drawLoss(d *FaultDraw) Action {
	a := Action{Op: ActLoss, Rate: float64(d.Rand.IntN(31)) / 100}
	switch d.Rand.IntN(3) {
	case 0:
		a.Rate = 0
	case 1:
		a.From, a.To = d.Member(), d.Member()
	}
	return a
}
