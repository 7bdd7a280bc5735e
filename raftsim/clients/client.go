package clients

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// client is a simulated etcd client. It sends its operations to one node,
// waits ClientTimeoutMs for each attempt, and retries (same sequence number,
// so a retried write is applied once) through the next running node.
//
// A client that retries runs one call at a time, queueing the rest, as the
// state machine's deduplication (one remembered write per client, Raft
// dissertation §6.3) requires. A client that never retries needs no
// deduplication and may have many calls in flight.
type client struct {
	id      uint64
	name    string
	via     uint64
	read    v2store.ReadMode
	retries int // attempts after the first before the outcome is unknown
	seq     uint64
	busy    bool
	queue   []*call
}

// sequential reports whether the client runs one call at a time.
func (c *client) sequential() bool { return c.retries > 0 }

// writeKey is what a client's write carries through the log to identify it:
// (client, seq) for a deduplicated write, (0, call ID) otherwise.
func (k *call) writeKey() [2]uint64 {
	if k.client.sequential() {
		return [2]uint64{k.client.id, k.seq}
	}
	return [2]uint64{0, k.id}
}

// call is one operation of a client from its call to its answer.
type call struct {
	id       uint64 // history ID
	client   *client
	seq      uint64
	op       v2store.Op
	via      uint64 // node of the current attempt
	attempt  int
	callMs   int64
	readAt   uint64 // ReadIndex: the index to have applied before answering
	readKnow bool   // the ReadIndex answer has arrived
	// proposed is set once raft accepted one of the call's write attempts;
	// until then a failed call is known not to have taken effect.
	proposed bool
	// onDone is told the answer (or nil when the outcome is unknown).
	onDone func(*v2store.Result)
}

// addClient creates a client talking to node via.
func (cs *Clients) addClient(name string, via uint64, read v2store.ReadMode, retries int) *client {
	c := &client{id: uint64(len(cs.list) + 1), name: name, via: via, read: read, retries: retries}
	cs.list = append(cs.list, c)
	return c
}

// invoke starts an operation of client c through node via. onDone, if set,
// is told the result.
func (cs *Clients) invoke(c *client, via uint64, op v2store.Op, onDone func(*v2store.Result)) *call {
	c.seq++
	cs.nextID++
	k := &call{id: cs.nextID, client: c, seq: c.seq, op: op, via: via, onDone: onDone}
	if c.sequential() && c.busy {
		c.queue = append(c.queue, k)
		return k
	}
	cs.start(k)
	return k
}

// start sends a call for the first time.
func (cs *Clients) start(k *call) {
	k.client.busy = true
	k.callMs = cs.sim.Now()
	cs.pending[k.id] = k
	cs.history.called(k)
	cs.trimHistory()
	cs.attempt(k)
}

// finished frees a sequential client for its next queued call.
func (cs *Clients) finished(k *call) {
	c := k.client
	c.busy = false
	if len(c.queue) > 0 {
		next := c.queue[0]
		c.queue = c.queue[1:]
		cs.start(next)
	}
}

// attempt sends the call to its node and sets its time-out.
func (cs *Clients) attempt(k *call) {
	cs.sim.After(cs.sim.Config().ClientTimeoutMs, raftsim.AppTimer{Kind: timerTimeout, ID: k.id, Gen: uint64(k.attempt)})
	if !cs.sim.Up(k.via) {
		return // the connection fails; the time-out retries elsewhere
	}
	switch {
	case k.op.ThroughLog():
		// A write, or etcd v2's quorum read: a QGET entry, answered when
		// this node applies it (Applied).
		wk := k.writeKey()
		cs.writes[wk] = k
		data := v2store.Command{Client: wk[0], Seq: wk[1], Op: k.op}.Encode()
		err := cs.sim.Propose(k.via, data)
		k.proposed = k.proposed || err == nil
		if err != nil && cs.sim.Up(k.via) {
			// raft drops a proposal at once when no leader is known (or
			// leadership is being transferred): the attempt has failed.
			cs.failAttempt(k, "failed: no leader known to accept it")
		}
	case k.op.Kind == v2store.OpWatch:
		if r, ok := cs.sim.Watched(k.via, k.op); ok {
			cs.answer(k, &r)
			return
		}
		w := cs.on(k.via)
		w.watches = append(w.watches, k)
	case k.op.Read == v2store.ReadSerializable:
		r := cs.sim.Read(k.via, k.op)
		cs.answer(k, &r)
	default:
		cs.reads[k.id] = k
		w := cs.on(k.via)
		w.reads = append(w.reads, k.id)
		cs.sim.ReadIndex(k.via, binary.BigEndian.AppendUint64(nil, k.id))
	}
}

// callID reads the call ID a ReadIndex request's context carries.
func callID(ctx []byte) uint64 { return binary.BigEndian.Uint64(ctx) }

// timedOut fails the call's attempt when its time-out fires.
func (cs *Clients) timedOut(id, attempt uint64) {
	k := cs.pending[id]
	if k == nil || uint64(k.attempt) != attempt || k.op.Kind == v2store.OpWatch {
		return
	}
	cs.failAttempt(k, fmt.Sprintf("timed out after %d ms", cs.sim.Config().ClientTimeoutMs))
}

// failAttempt retries the call through the next running node, or gives up:
// then its outcome is unknown (a write may still be applied later).
func (cs *Clients) failAttempt(k *call, why string) {
	cs.forget(k)
	if k.attempt >= k.client.retries {
		delete(cs.pending, k.id)
		cs.history.unknown(k)
		cs.sim.Emit(raftsim.Event{Kind: raftsim.EvClient, Node: k.via, Text: fmt.Sprintf("%s: %s via %s %s", k.client.name, k.describe(), cs.name(k.via), why)})
		if k.onDone != nil {
			k.onDone(nil)
		}
		cs.finished(k)
		return
	}
	k.attempt++
	k.readKnow = false
	from := k.via
	k.via = cs.nextUp(k.via)
	cs.sim.Emit(raftsim.Event{Kind: raftsim.EvClient, Node: from, Text: fmt.Sprintf("%s: %s via %s %s; retrying via %s", k.client.name, k.describe(), cs.name(from), why, cs.name(k.via))})
	cs.attempt(k)
}

// nextUp returns the running node after id, round the ring (id if none).
func (cs *Clients) nextUp(id uint64) uint64 { return nextUp(cs.sim.NodeIDs(), cs.sim.Up, id) }

// nextUp returns the first of ids, in order after id and round the ring,
// for which up holds (id if none).
func nextUp(ids []uint64, up func(uint64) bool, id uint64) uint64 {
	at, found := slices.BinarySearch(ids, id)
	if !found {
		at-- // id has left: start from the node before its place
	}
	for i := 1; i <= len(ids); i++ {
		if next := ids[(at+i+len(ids))%len(ids)]; up(next) {
			return next
		}
	}
	return id
}

// forget drops the lookups of a call's current attempt.
func (cs *Clients) forget(k *call) {
	delete(cs.writes, k.writeKey())
	delete(cs.reads, k.id)
}

// answer completes a call with its result.
func (cs *Clients) answer(k *call, r *v2store.Result) {
	cs.forget(k)
	delete(cs.pending, k.id)
	cs.history.returned(k, r, cs.sim.Now())
	cs.sim.Emit(raftsim.Event{Kind: raftsim.EvClient, Node: k.via, Index: r.Index, Text: fmt.Sprintf("%s: %s via %s %s", k.client.name, k.describe(), cs.name(k.via), r.Summary())})
	if k.onDone != nil {
		k.onDone(r)
	}
	cs.finished(k)
}

// Applied answers the write or quorum read an entry carried, when its
// client is waiting for this node, and fires the watches the change wakes.
func (cs *Clients) Applied(node, index uint64, c v2store.Command, r v2store.Result) {
	cs.fireWatches(node, cs.sim.Changes(node))
	cs.history.appliedSomewhere(c, r, cs.sim.Now())
	k := cs.writes[[2]uint64{c.Client, c.Seq}]
	if k != nil && k.via == node {
		cs.answer(k, &r)
	}
}

// fireWatches answers the watches on node that one of the changes wakes,
// each with the first change it sees.
func (cs *Clients) fireWatches(node uint64, changes []v2store.Result) {
	w := cs.waiting[node]
	if w == nil || len(changes) == 0 {
		return
	}
	kept := w.watches[:0]
	var fired []*call
	var seen []v2store.Result
	for _, k := range w.watches {
		i := slices.IndexFunc(changes, func(e v2store.Result) bool { return e.Index >= k.op.AfterIndex && k.op.Sees(e) })
		if i < 0 {
			kept = append(kept, k)
			continue
		}
		fired, seen = append(fired, k), append(seen, changes[i])
	}
	w.watches = kept
	for i, k := range fired {
		res := seen[i]
		res.Kind = v2store.OpWatch
		cs.answer(k, &res)
	}
}

// serveReads answers the ReadIndex reads (raft's lease option) on node whose
// index it has applied.
func (cs *Clients) serveReads(node uint64) {
	for _, id := range cs.readyReads(node) {
		if !cs.sim.Up(node) {
			return
		}
		// A read retried onto the same node is listed twice; the first
		// listing answers it.
		if k := cs.reads[id]; k != nil {
			r := cs.sim.Read(node, k.op)
			cs.answer(k, &r)
		}
	}
}

// readyReads takes the IDs of the ReadIndex reads node can now answer.
func (cs *Clients) readyReads(node uint64) []uint64 {
	w := cs.waiting[node]
	if w == nil {
		return nil
	}
	applied := cs.sim.AppliedIndex(node)
	var ready []uint64
	kept := w.reads[:0]
	for _, id := range w.reads {
		k := cs.reads[id]
		switch {
		case k == nil || k.via != node:
			// answered, or retried elsewhere
		case k.readKnow && k.readAt <= applied:
			ready = append(ready, id)
		default:
			kept = append(kept, id)
		}
	}
	w.reads = kept
	return ready
}

func (k *call) describe() string {
	switch k.op.Kind {
	case v2store.OpSet:
		return fmt.Sprintf("set %s=%s", k.op.Key, k.op.Value)
	case v2store.OpCAS:
		if k.op.HasPrevIndex {
			return fmt.Sprintf("cas %s=%s if index %d", k.op.Key, k.op.Value, k.op.PrevIndex)
		}
		return fmt.Sprintf("cas %s=%s if %s", k.op.Key, k.op.Value, k.op.PrevValue)
	case v2store.OpGet, v2store.OpLs:
		return fmt.Sprintf("%s %s (%s)", k.op.Kind, k.op.Key, k.op.Read)
	}
	return fmt.Sprintf("%s %s", k.op.Kind, k.op.Key)
}

// infinity is the return time of a call whose outcome is unknown.
const infinity = math.MaxInt64
