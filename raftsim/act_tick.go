package raftsim

import (
	"fmt"

	"github.com/tidwall/gjson"
)

// ActTick runs a node's raft clock by hand (manual mode).
const ActTick ActionOp = "tick"

func init() {
	register(&actionKind{
		op: ActTick, fields: "{node, n?, until?: election/heartbeat}", help: "manual mode: tick a node's raft clock n times (1 when left out), or up to its election or heartbeat timeout",
		parse: parseTick,
		apply: func(s *Sim, a *Action) error {
			if err := s.needManual(ActTick); err != nil {
				return err
			}
			n, err := s.runningNode(a.Node)
			if err != nil {
				return fmt.Errorf("tick: %v", err)
			}
			return s.tickByHand(n, a.N, a.Until)
		},
	})
}

// parseTick reads tick's node and either its count or its timer; a count
// left out is one tick, written out so the log says what was done.
func parseTick(r *fieldReader, a *Action) {
	a.Node = r.id("node")
	if r.err != nil {
		return
	}
	n, until := r.get("n"), r.get("until")
	switch {
	case n.Exists() && until.Exists():
		r.fail(`tick takes "n" or "until", not both`)
	case until.Exists():
		a.Until = TickUntil(until.String())
		if until.Type != gjson.String || (a.Until != UntilElection && a.Until != UntilHeartbeat) {
			r.fail(`tick: "until" is "election" or "heartbeat"`)
		}
	case n.Exists():
		if n.Type != gjson.Number || n.Num < 1 || n.Num > maxManualTicks || float64(n.Int()) != n.Num {
			r.fail(`tick: "n" is a whole number from 1 to %d`, maxManualTicks)
		}
		a.N = int(n.Int())
	default:
		a.N = 1
	}
}
