package linearize

import (
	"github.com/anishathalye/porcupine"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/v2store"
)

// Final judges the history as finished (clients.Clients.FinalVerdict). Check
// judges a key's history only up to its last cut, since operations yet to
// come may overlap what follows; a write whose outcome stays unknown overlaps
// everything after it, so on that key no cut comes again and the rest would
// wait unjudged. Here the rest of every key is judged too, with calls still
// waiting counted as unknown (a write may have taken effect; a read
// constrains nothing). A failure found this way is kept, so Verdict says it
// too.
func (c *checker) Final(history []clients.HistoryOp) raftsim.Verdict {
	v := c.Check(history, 0)
	if c.failed != nil {
		return v
	}
	rest := map[string][]clients.HistoryOp{}
	order := c.order
	for _, key := range c.order {
		rest[key] = append([]clients.HistoryOp(nil), c.keys[key].ops...)
	}
	for _, op := range history[c.consumed:] {
		if key, ok := untracks(op); ok {
			c.untrack(key)
		}
		key := v2store.CleanKey(op.Op.Key)
		if !modelled(op) || c.isUntracked(key) || op.Pending && !op.Op.Kind.IsWrite() {
			continue
		}
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
			return c.Verdict()
		}
		v.Checked += len(ops)
	}
	if v.Checked > 0 {
		v.Status = raftsim.StatusLinearizable
	}
	return v
}
