package clients

import (
	"sort"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// HistoryOp is one client operation as a linearizability checker sees it:
// when it was called, when it returned and what it returned.
type HistoryOp struct {
	ID     uint64
	Client uint64
	Op     v2store.Op
	CallMs int64
	// ReturnMs is when the client got its answer. For a call whose client
	// gave up it is the first time any node applied the write, when one did
	// (the effect happened by then), and HistoryInfinity otherwise.
	ReturnMs int64
	// Result is nil while the outcome is unknown.
	Result *v2store.Result
	// Pending is true while the client still waits (it may retry).
	Pending bool
	// Void marks a call that gave up with no effect: a read, or a write
	// raft refused every time it was sent. It constrains nothing.
	Void bool

	// writeKey is the (client, seq) of a write whose outcome is unknown,
	// under which unknownWrite finds it.
	writeKey [2]uint64
}

// HistoryInfinity is the return time of an operation whose outcome is unknown.
const HistoryInfinity = infinity

// history records every client operation except watches, in call order.
// Operations the history check no longer needs are dropped from its front
// (see trimHistory), so a long run's history stays bounded; positions count
// from the first operation of the run, dropped ones included.
type history struct {
	ops []HistoryOp
	// dropped is how many operations were dropped: the position of ops[0].
	dropped int
	// trimAt is the length at which the history is trimmed next.
	trimAt int
	// at finds an operation's position by call ID; unknownWrite finds a
	// given-up write's by (client, seq) so its apply can settle it.
	at           map[uint64]int
	unknownWrite map[[2]uint64]int
}

// op returns the operation at position pos, or nil once it was dropped.
func (h *history) op(pos int) *HistoryOp {
	if i := pos - h.dropped; i >= 0 && i < len(h.ops) {
		return &h.ops[i]
	}
	return nil
}

// len is how many operations the run has recorded.
func (h *history) len() int { return h.dropped + len(h.ops) }

func (h *history) called(k *call) {
	if k.op.Kind == v2store.OpWatch {
		return
	}
	h.calledOp(k.id, k.client.id, k.op, k.callMs)
}

// calledOp records a call of op by client.
func (h *history) calledOp(id, client uint64, op v2store.Op, callMs int64) {
	if h.at == nil {
		h.at, h.unknownWrite = map[uint64]int{}, map[[2]uint64]int{}
	}
	h.at[id] = h.len()
	h.ops = append(h.ops, HistoryOp{ID: id, Client: client, Op: op, CallMs: callMs, ReturnMs: infinity, Pending: true})
}

func (h *history) returned(k *call, r *v2store.Result, now int64) { h.returnedID(k.id, r, now) }

func (h *history) returnedID(id uint64, r *v2store.Result, now int64) {
	if o := h.op(h.at[id]); o != nil && o.ID == id {
		res := *r
		o.ReturnMs, o.Result, o.Pending = now, &res, false
	}
}

func (h *history) unknown(k *call) {
	h.unknownID(k.id, k.op.Kind.IsWrite() && k.proposed, k.writeKey())
}

// unknownID marks call id given up: a write that may have taken effect
// (effect) stays open until a node applies the command carrying writeKey.
func (h *history) unknownID(id uint64, effect bool, writeKey [2]uint64) {
	pos := h.at[id]
	o := h.op(pos)
	if o == nil || o.ID != id {
		return
	}
	o.Pending = false
	o.Void = !effect
	if !o.Void {
		o.writeKey = writeKey
		h.unknownWrite[o.writeKey] = pos
	}
}

// waitsFor tells a given-up write that waits for its command to be applied.
func (h *history) waitsFor(writeKey [2]uint64) bool {
	_, ok := h.unknownWrite[writeKey]
	return ok
}

// appliedSomewhere settles a given-up write when some node applies it.
func (h *history) appliedSomewhere(c v2store.Command, r v2store.Result, now int64) {
	key := [2]uint64{c.Client, c.Seq}
	i, ok := h.unknownWrite[key]
	if !ok {
		return
	}
	delete(h.unknownWrite, key)
	if o := h.op(i); o != nil {
		o.ReturnMs, o.Result = now, &r
	}
}

// drop forgets the first n operations.
func (h *history) drop(n int) {
	for i := range h.ops[:n] {
		o := &h.ops[i]
		delete(h.at, o.ID)
		if pos, ok := h.unknownWrite[o.writeKey]; ok && pos == h.dropped+i {
			delete(h.unknownWrite, o.writeKey)
		}
	}
	h.ops = append(h.ops[:0:0], h.ops[n:]...)
	h.dropped += n
}

// historyTrimMin is the fewest operations a history holds before it is
// trimmed: trimming copies what is kept, so it waits for a batch.
const historyTrimMin = 4096

// trimHistory drops the operations the history check no longer needs, once
// the history has doubled since it was last trimmed. The check is brought up
// to date first, so that what it has judged can go. Operations of the last
// recentMs stay, for the load the snapshot shows.
func (cs *Clients) trimHistory() {
	h := &cs.history
	if cs.lin == nil || len(h.ops) < max(h.trimAt, historyTrimMin) {
		return
	}
	cs.lin.Check(h.ops, 0)
	n := cs.lin.Needs()
	recent := cs.sim.Now() - cs.recentMs()
	n = min(n, sort.Search(len(h.ops), func(i int) bool { return h.ops[i].CallMs >= recent }))
	if n > 0 {
		h.drop(n)
		cs.lin.Dropped(n)
	}
	h.trimAt = 2 * len(h.ops)
}

// History returns the operations recorded since position from (0 for all
// the history still holds), oldest call first. Operations still pending or
// unknown can change later; a checker rereads them.
func (cs *Clients) History(from int) []HistoryOp {
	i := max(from-cs.history.dropped, 0)
	if i >= len(cs.history.ops) {
		return nil
	}
	return append([]HistoryOp(nil), cs.history.ops[i:]...)
}

// HistoryChecker judges the clients' history as the run goes; the playground
// uses raftsim/linearize's. Clients keeps one per run (see
// CheckHistoryWith) and shows its verdict in every snapshot.
type HistoryChecker interface {
	// Check judges at most budget more operations (0: every one there is)
	// of history, the whole history so far in call order, and returns the
	// verdict.
	Check(history []HistoryOp, budget int) raftsim.Verdict
	// Verdict is the judgement so far.
	Verdict() raftsim.Verdict
	// Final judges history as finished, when the run ends: what Check
	// leaves waiting for operations yet to come (the rest of a key after a
	// write whose outcome stays unknown) is judged too. A failure found this
	// way is kept, so Verdict says it too.
	Final(history []HistoryOp) raftsim.Verdict
	// Needs is the position in the history last checked of the first
	// operation the checker reads again: those before it may go.
	Needs() int
	// Dropped says that the history's first n operations are gone: the
	// history handed in from now on starts n operations later.
	Dropped(n int)
}

// CheckHistoryWith makes every run of the simulation, the current one
// included, judge its clients' history with a checker newChecker makes.
// Without one the verdict stays "no operations".
func (cs *Clients) CheckHistoryWith(newChecker func() HistoryChecker) {
	cs.newChecker = newChecker
	cs.lin = newChecker()
}

// CheckLinearizability advances the history check by at most budget
// operations (0 means no limit) and returns the verdict so far.
func (cs *Clients) CheckLinearizability(budget int) raftsim.Verdict {
	if cs.lin == nil {
		return cs.verdict()
	}
	return cs.lin.Check(cs.history.ops, budget)
}

// FinalVerdict judges the history as finished, when a run ends (cmd/sim
// -check, a fault campaign). CheckLinearizability judges a key's history only
// up to its last cut, since operations yet to come may overlap what follows;
// a write whose outcome stays unknown overlaps everything after it, so on
// that key no cut comes again and the rest would wait unjudged. Here the rest
// of every key is judged too, with calls still waiting counted as unknown (a
// write may have taken effect; a read constrains nothing). A failure found
// this way is kept, so the snapshot's verdict says it too.
func (cs *Clients) FinalVerdict() raftsim.Verdict {
	if cs.lin == nil {
		return cs.verdict()
	}
	return cs.lin.Final(cs.history.ops)
}

// verdict is the history check's judgement so far.
func (cs *Clients) verdict() raftsim.Verdict {
	if cs.lin == nil {
		return raftsim.Verdict{Status: raftsim.StatusNoOperations}
	}
	return cs.lin.Verdict()
}
