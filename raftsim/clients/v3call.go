package clients

import (
	"encoding/binary"
	"errors"

	"go.etcd.io/raft/v3"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
	"raftplay/raftsim/v3store"
)

// A v3 call is one request of etcd's v3 API sent to one node, as etcdctl 3.4
// sends it: a write is proposed there and answered when that node applies
// it; a linearizable range waits for a ReadIndex answer and for the node to
// apply that far; a serializable one is answered from the node's store at
// once. A call that has no answer within etcdctl's command time-out fails, as
// etcdctl's command time-out ends it.

// errDeadline is what a call that timed out ends with, as etcdctl prints it.
var errDeadline = errors.New("context deadline exceeded")

type v3call struct {
	id  uint64
	via uint64
	req v3store.Request
	// serializable ranges are served by the node alone.
	serializable bool
	// readAt is the index a linearizable range waits for the node to have
	// applied, once readKnow says the ReadIndex answer came.
	readAt   uint64
	readKnow bool
	onDone   func(v3store.Response, error)
}

// v3calls are the v3 calls waiting, looked up, never ranged over: writes by
// the (client, seq) their command carries, reads by call ID; readOrder
// lists each node's reads in the order they were asked.
type v3calls struct {
	pending   map[uint64]*v3call
	writes    map[[2]uint64]*v3call
	readOrder map[uint64][]uint64
	// answered are the times of the last second's successful answers, for
	// the load the snapshot shows.
	answered []int64
}

func newV3Calls() v3calls {
	return v3calls{pending: map[uint64]*v3call{}, writes: map[[2]uint64]*v3call{}, readOrder: map[uint64][]uint64{}}
}

// callV3 sends req through node via; onDone is told the answer, or why
// there is none.
func (cs *Clients) callV3(via uint64, req v3store.Request, serializable bool, onDone func(v3store.Response, error)) {
	cs.nextID++
	cs.sendV3(cs.nextID, via, req, serializable, onDone)
}

// sendV3 is callV3 for a call whose ID the caller took already.
func (cs *Clients) sendV3(id, via uint64, req v3store.Request, serializable bool, onDone func(v3store.Response, error)) {
	k := &v3call{id: id, via: via, req: req, serializable: serializable, onDone: onDone}
	if err := cs.sim.RequireUp(via); err != nil {
		onDone(v3store.Response{}, errDeadline)
		return
	}
	switch {
	case req.IsWrite():
		cs.v3.pending[k.id] = k
		// raft refuses a proposal while no leader is known; etcd's server
		// waits for one until the request times out.
		if cs.sim.Propose(via, v3store.Command{Seq: k.id, Req: req}.Encode()) == nil {
			cs.v3.writes[[2]uint64{0, k.id}] = k
		}
	case serializable:
		r, err := cs.sim.ReadV3(via, req)
		onDone(r, firstErr(err, r.Err))
		return
	default:
		cs.v3.pending[k.id] = k
		cs.v3.readOrder[via] = append(cs.v3.readOrder[via], k.id)
		cs.sim.ReadIndex(via, binary.BigEndian.AppendUint64(nil, k.id))
	}
	cs.sim.After(commandTimeoutMs, raftsim.AppTimer{Kind: timerV3Timeout, ID: k.id})
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// v3TimedOut ends a call that had no answer in time.
func (cs *Clients) v3TimedOut(id uint64) {
	if k := cs.v3.pending[id]; k != nil {
		cs.v3Done(k, v3store.Response{}, errDeadline)
	}
}

func (cs *Clients) v3Done(k *v3call, r v3store.Response, err error) {
	delete(cs.v3.pending, k.id)
	delete(cs.v3.writes, [2]uint64{0, k.id})
	if firstErr(err, r.Err) == nil {
		now := cs.sim.Now()
		cs.v3.answered = append(cs.v3.answered, now)
		cs.v3.answered = cs.v3.answered[cs.v3answeredBefore(now-1000):]
	}
	k.onDone(r, firstErr(err, r.Err))
}

// AppliedV3 answers the v3 write an entry carried, when its caller waits
// for this node, and shows the change to the console's watches there.
func (cs *Clients) AppliedV3(node, index uint64, c v3store.Command, r v3store.Response) {
	if cs.history.waitsFor([2]uint64{c.Client, c.Seq}) {
		cs.history.appliedSomewhere(v2store.Command{Client: c.Client, Seq: c.Seq}, historyResult(c.Req, r), cs.sim.Now())
	}
	if k := cs.v3.writes[[2]uint64{c.Client, c.Seq}]; k != nil && k.via == node {
		cs.v3Done(k, r, nil)
	}
	cs.fireV3Watches(node)
}

// v3ReadIndexReady serves the linearizable v3 ranges on node whose ReadIndex
// answer came and whose index node has applied.
func (cs *Clients) v3ReadIndexReady(node uint64, states []raft.ReadState) {
	for _, rs := range states {
		if len(rs.RequestCtx) != 8 {
			continue
		}
		if k := cs.v3.pending[callID(rs.RequestCtx)]; k != nil && k.via == node {
			k.readAt, k.readKnow = rs.Index, true
		}
	}
	applied := cs.sim.AppliedIndex(node)
	var kept []uint64
	for _, id := range cs.v3.readOrder[node] {
		k := cs.v3.pending[id]
		switch {
		case k == nil:
		case k.readKnow && k.readAt <= applied:
			r, err := cs.sim.ReadV3(node, k.req)
			cs.v3Done(k, r, err)
		default:
			kept = append(kept, id)
		}
	}
	cs.v3.readOrder[node] = kept
}

// v3answeredBefore is how many of the kept answers came at or before ms.
func (cs *Clients) v3answeredBefore(ms int64) int {
	i := 0
	for i < len(cs.v3.answered) && cs.v3.answered[i] <= ms {
		i++
	}
	return i
}
