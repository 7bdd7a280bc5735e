package clients

import (
	"fmt"

	"raftplay/raftsim/v2store"
	"raftplay/raftsim/v3store"
)

// Checking clients on etcd's v3 API: puts, gets (linearizable through
// ReadIndex, or serializable from the node's own store) and compare-and-swap
// as a txn (value(key) = prev, then put; else get key). The history records
// them in the register vocabulary the checker's per-key model judges — a put
// is a set, a txn a cas — which is what they are for one key: the model
// asks the same of them.

// v3KeyPrefix is where v3 checking clients write: apart from the v2
// clients' keys, in the checker too.
const v3KeyPrefix = "v3/k"

// mixedV3 makes a checking client's next call through the v3 API.
func (cs *Clients) mixedV3(w *workloader, value string) {
	key := fmt.Sprintf("%s%d", v3KeyPrefix, cs.sim.Rand().IntN(workloadKeys))
	var op v2store.Op
	var req v3store.Request
	switch r := cs.sim.Rand().IntN(10); {
	case r < 4:
		op = v2store.Op{Kind: v2store.OpSet, Key: key, Value: value}
		req = v3store.Request{Kind: v3store.Put, Key: key, Value: value}
	case r < 8:
		op = v2store.Op{Kind: v2store.OpGet, Key: key, Read: w.c.read}
		req = v3store.Request{Kind: v3store.Range, Key: key}
	default:
		prev := fmt.Sprintf("client-%d.%d", 1+cs.sim.Rand().IntN(max(1, len(cs.workload))), max(1, w.n-cs.sim.Rand().IntN(3)))
		op = v2store.Op{Kind: v2store.OpCAS, Key: key, Value: value, PrevValue: prev}
		req = v3store.Request{Kind: v3store.Txn,
			Compare: []v3store.Compare{{Key: key, Target: v3store.CmpValue, Result: v3store.Equal, Value: prev}},
			Success: []v3store.Request{{Kind: v3store.Put, Key: key, Value: value}},
			Failure: []v3store.Request{{Kind: v3store.Range, Key: key}}}
	}
	via := w.c.via
	if !cs.sim.Up(via) {
		via = cs.nextUp(via)
	}
	cs.nextID++
	id := cs.nextID
	cs.history.calledOp(id, w.c.id, op, cs.sim.Now())
	cs.trimHistory()
	serializable := w.c.read == v2store.ReadSerializable
	cs.sendV3(id, via, req, serializable, func(r v3store.Response, err error) {
		if err != nil {
			// A write proposed may still be applied: its outcome is
			// unknown until a node applies it.
			cs.history.unknownID(id, req.IsWrite(), [2]uint64{0, id})
		} else {
			res := historyResult(req, r)
			cs.history.returnedID(id, &res, cs.sim.Now())
		}
		cs.called(w)
	})
}

// historyResult is a v3 answer as the history records it, in etcd v2's
// terms: a put's set, a get's value or key-not-found, a txn's successful
// cas, or its failure: compare failed, or key not found when the failure
// branch's get found none.
func historyResult(req v3store.Request, r v3store.Response) v2store.Result {
	res := v2store.Result{Index: uint64(r.Revision)}
	if r.Err != nil {
		res.ErrCode = v2store.ErrCompareFailed
		return res
	}
	value := func(kv v3store.KeyValue) v2store.NodeView {
		return v2store.NodeView{Key: kv.Key, Value: kv.Value, HasValue: true}
	}
	switch req.Kind {
	case v3store.Put:
		res.Kind, res.Action, res.NodeView = v2store.OpSet, "set", value(v3store.KeyValue{Key: req.Key, Value: req.Value})
	case v3store.Range:
		res.Kind, res.Action = v2store.OpGet, "get"
		if len(r.KVs) == 0 {
			res.ErrCode = v2store.ErrKeyNotFound
			break
		}
		res.NodeView = value(r.KVs[0])
	case v3store.Txn:
		res.Kind = v2store.OpCAS
		switch {
		case r.Succeeded && len(req.Success) == 1:
			res.Action, res.NodeView = "compareAndSwap", value(v3store.KeyValue{Key: req.Success[0].Key, Value: req.Success[0].Value})
		case !r.Succeeded && len(r.Responses) == 1 && len(r.Responses[0].KVs) == 0:
			res.ErrCode = v2store.ErrKeyNotFound
		default:
			res.ErrCode = v2store.ErrCompareFailed
		}
	}
	return res
}
