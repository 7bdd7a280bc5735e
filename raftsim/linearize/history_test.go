package linearize

import (
	"raftplay/raftsim/clients"
	"raftplay/raftsim/v2store"
)

// recorder writes a history as the simulator's clients record theirs (see
// raftsim/clients' history): a call is recorded when it is sent, pending with an
// unknown outcome; its answer fills in its return and result in place; a
// call whose client gives up stops pending, void when it was a read or a
// write raft never took; a given-up write some node applies later is settled
// in place, returning when it was applied.
type recorder struct {
	ops []clients.HistoryOp
	at  map[uint64]int // call ID -> position in ops
}

func (h *recorder) called(id, client uint64, op v2store.Op, callMs int64) {
	if h.at == nil {
		h.at = map[uint64]int{}
	}
	h.at[id] = len(h.ops)
	h.ops = append(h.ops, clients.HistoryOp{ID: id, Client: client, Op: op, CallMs: callMs, ReturnMs: clients.HistoryInfinity, Pending: true})
}

func (h *recorder) returned(id uint64, r v2store.Result, now int64) {
	o := &h.ops[h.at[id]]
	o.ReturnMs, o.Result, o.Pending = now, &r, false
}

func (h *recorder) unknown(id uint64, proposed bool) {
	o := &h.ops[h.at[id]]
	o.Pending = false
	o.Void = !o.Op.Kind.IsWrite() || !proposed
}

func (h *recorder) appliedSomewhere(id uint64, r v2store.Result, now int64) {
	o := &h.ops[h.at[id]]
	o.ReturnMs, o.Result = now, &r
}
