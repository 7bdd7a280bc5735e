package raftsim

import "github.com/anishathalye/porcupine"

// FinalVerdict judges the history as finished, when a run ends (cmd/sim
// -check, a fault campaign). CheckLinearizability judges a key's history only
// up to its last cut, since operations yet to come may overlap what follows;
// a write whose outcome stays unknown overlaps everything after it, so on
// that key no cut comes again and the rest would wait unjudged. Here the rest
// of every key is judged too, with calls still waiting counted as unknown (a
// write may have taken effect; a read constrains nothing). A failure found
// this way is kept, so the snapshot's verdict says it too.
func (s *Sim) FinalVerdict() Verdict {
	return s.lin.final(s.clients.history.ops)
}

func (c *linChecker) final(history []HistoryOp) Verdict {
	v := c.advance(history, 0)
	if c.failed != nil {
		return v
	}
	rest := map[string][]HistoryOp{}
	order := c.order
	for _, key := range c.order {
		rest[key] = append([]HistoryOp(nil), c.keys[key].ops...)
	}
	for _, op := range history[c.consumed:] {
		if !modelled(op) || op.Pending && !op.Op.Kind.isWrite() {
			continue
		}
		key := cleanKey(op.Op.Key)
		if _, seen := rest[key]; !seen {
			order = append(order[:len(order):len(order)], key)
		}
		rest[key] = append(rest[key], op)
	}
	for _, key := range order {
		ops := rest[key]
		if len(ops) == 0 {
			continue
		}
		var init keyState
		if k := c.keys[key]; k != nil {
			init = k.init
		}
		if !porcupine.CheckOperations(keyModel(init), toPorcupine(ops)) {
			c.failed = describeOps(key, ops)
			return c.verdict()
		}
		v.Checked += len(ops)
	}
	if v.Checked > 0 {
		v.Status = "linearizable"
	}
	return v
}
