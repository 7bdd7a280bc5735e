package raftsim

import (
	"encoding/binary"
	"fmt"
	"math"

	pb "go.etcd.io/raft/v3/raftpb"

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

// clients tracks every client and every call still waiting for an answer.
type clients struct {
	list    []*client
	nextID  uint64
	pending map[uint64]*call // by call ID; looked up, never ranged over
	// writes finds a pending write by (client, seq) when an entry applies.
	writes map[[2]uint64]*call
	// reads finds a pending ReadIndex read by the context raft echoes back.
	reads   map[uint64]*call
	history history
}

func newClients() clients {
	return clients{pending: map[uint64]*call{}, writes: map[[2]uint64]*call{}, reads: map[uint64]*call{}}
}

// addClient creates a client talking to node via.
func (s *Sim) addClient(name string, via uint64, read v2store.ReadMode, retries int) *client {
	c := &client{id: uint64(len(s.clients.list) + 1), name: name, via: via, read: read, retries: retries}
	s.clients.list = append(s.clients.list, c)
	return c
}

// invoke starts an operation of client c through node via. onDone, if set,
// is told the result.
func (s *Sim) invoke(c *client, via uint64, op v2store.Op, onDone func(*v2store.Result)) *call {
	c.seq++
	s.clients.nextID++
	k := &call{id: s.clients.nextID, client: c, seq: c.seq, op: op, via: via, onDone: onDone}
	if c.sequential() && c.busy {
		c.queue = append(c.queue, k)
		return k
	}
	s.start(k)
	return k
}

// start sends a call for the first time.
func (s *Sim) start(k *call) {
	k.client.busy = true
	k.callMs = s.clock.now
	s.clients.pending[k.id] = k
	s.clients.history.called(k)
	s.attempt(k)
}

// finished frees a sequential client for its next queued call.
func (s *Sim) finished(k *call) {
	c := k.client
	c.busy = false
	if len(c.queue) > 0 {
		next := c.queue[0]
		c.queue = c.queue[1:]
		s.start(next)
	}
}

// attempt sends the call to its node and sets its time-out.
func (s *Sim) attempt(k *call) {
	s.clock.schedule(timer{at: s.clock.now + s.cfg.ClientTimeoutMs, kind: timerClientTimeout, id: k.id, epoch: uint64(k.attempt)})
	n := s.node(k.via)
	if n == nil || !n.up() {
		return // the connection fails; the time-out will retry elsewhere
	}
	switch {
	case k.op.Kind.IsWrite():
		wk := k.writeKey()
		s.clients.writes[wk] = k
		data := v2store.Command{Client: wk[0], Seq: wk[1], Op: k.op}.Encode()
		err := n.raftPropose(data)
		k.proposed = k.proposed || err == nil
		if err != nil && n.up() {
			// raft drops a proposal at once when no leader is known (or
			// leadership is being transferred): the attempt has failed.
			s.failAttempt(k, "failed: no leader known to accept it")
			return
		}
		n.pump()
	case k.op.Kind == v2store.OpWatch:
		n.watches = append(n.watches, k)
	case k.op.Read == v2store.ReadSerializable:
		r := n.kv.Read(k.op)
		s.answer(k, &r)
	default:
		s.clients.reads[k.id] = k
		n.reads = append(n.reads, k.id)
		ctx := binary.BigEndian.AppendUint64(nil, k.id)
		n.raftReadIndex(ctx, k.op.Read == v2store.ReadLease)
		n.pump()
	}
}

// timedOut fails the call's attempt when its time-out fires.
func (s *Sim) timedOut(id, attempt uint64) {
	k := s.clients.pending[id]
	if k == nil || uint64(k.attempt) != attempt || k.op.Kind == v2store.OpWatch {
		return
	}
	s.failAttempt(k, fmt.Sprintf("timed out after %d ms", s.cfg.ClientTimeoutMs))
}

// failAttempt retries the call through the next running node, or gives up:
// then its outcome is unknown (a write may still be applied later).
func (s *Sim) failAttempt(k *call, why string) {
	s.forget(k)
	if k.attempt >= k.client.retries {
		delete(s.clients.pending, k.id)
		s.clients.history.unknown(k)
		s.emit(Event{Kind: EvClient, Node: k.via, Text: fmt.Sprintf("%s: %s via %s %s", k.client.name, k.describe(), s.name(k.via), why)})
		if k.onDone != nil {
			k.onDone(nil)
		}
		s.finished(k)
		return
	}
	k.attempt++
	k.readKnow = false
	from := k.via
	k.via = s.nextUp(k.via)
	s.emit(Event{Kind: EvClient, Node: from, Text: fmt.Sprintf("%s: %s via %s %s; retrying via %s", k.client.name, k.describe(), s.name(from), why, s.name(k.via))})
	s.attempt(k)
}

// nextUp returns the running node after id, round the ring (id if none).
func (s *Sim) nextUp(id uint64) uint64 {
	at, found := s.nodeIndex(id)
	if !found {
		at-- // id has left: start from the node before its place
	}
	for i := 1; i <= len(s.nodes); i++ {
		n := s.nodes[(at+i+len(s.nodes))%len(s.nodes)]
		if n.up() {
			return n.id
		}
	}
	return id
}

// forget drops the lookups of a call's current attempt.
func (s *Sim) forget(k *call) {
	delete(s.clients.writes, k.writeKey())
	delete(s.clients.reads, k.id)
}

// answer completes a call with its result.
func (s *Sim) answer(k *call, r *v2store.Result) {
	s.forget(k)
	delete(s.clients.pending, k.id)
	s.clients.history.returned(k, r, s.clock.now)
	s.emit(Event{Kind: EvClient, Node: k.via, Index: r.Index, Text: fmt.Sprintf("%s: %s via %s %s", k.client.name, k.describe(), s.name(k.via), r.Summary())})
	if k.onDone != nil {
		k.onDone(r)
	}
	s.finished(k)
}

// applied answers the write an entry carried, when its client is waiting for
// this node, and fires the watches the change wakes.
func (s *Sim) applied(n *node, e *pb.Entry, c v2store.Command, r v2store.Result) {
	if r.OK() {
		n.fireWatches(s, r)
	}
	s.clients.history.appliedSomewhere(c, r, s.clock.now)
	k := s.clients.writes[[2]uint64{c.Client, c.Seq}]
	if k != nil && k.via == n.id {
		s.answer(k, &r)
	}
}

// readStates matches ReadIndex answers to the reads waiting on node n.
func (s *Sim) readStates(n *node, ctxs [][]byte, indexes []uint64) {
	for i, ctx := range ctxs {
		if len(ctx) != 8 {
			continue
		}
		k := s.clients.reads[binary.BigEndian.Uint64(ctx)]
		if k != nil && k.via == n.id {
			k.readAt, k.readKnow = indexes[i], true
		}
	}
	s.serveReads(n)
}

// isLeaseRead reports whether a MsgReadIndex carries a lease read: raft puts
// the request's context, the call's ID, in its one entry.
func (s *Sim) isLeaseRead(m *pb.Message) bool {
	if len(m.GetEntries()) != 1 || len(m.GetEntries()[0].GetData()) != 8 {
		return false
	}
	k := s.clients.reads[binary.BigEndian.Uint64(m.GetEntries()[0].GetData())]
	return k != nil && k.op.Read == v2store.ReadLease
}

// serveReads answers the ReadIndex reads on n whose index n has applied.
func (s *Sim) serveReads(n *node) {
	for _, id := range n.readyReads(s) {
		if !n.up() {
			return
		}
		// A read retried onto the same node is listed twice; the first
		// listing answers it.
		if k := s.clients.reads[id]; k != nil {
			r := n.kv.Read(k.op)
			s.answer(k, &r)
		}
	}
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
