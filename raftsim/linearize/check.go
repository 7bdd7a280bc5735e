// Package linearize is the linearizability check of the clients' history
// (clients.HistoryChecker): every client operation on a key (set, create,
// update, get, cas, delete, compare-and-delete; ls and watches are left out)
// is judged by porcupine against a sequential model of one key, the history
// partitioned per key. A write the one-key model cannot follow (a TTL, a
// directory, a recursive delete, an in-order key) ends the judging of every
// key at or below its key. The check
// runs in bounded pieces as the run goes: a key's history is cut after an
// operation that nothing else on the key overlaps and whose outcome fixes the
// key's state (a get, or a successful write); the part before the cut is
// checked once and dropped, and the state after it starts the next piece.
package linearize

import (
	"fmt"
	"strings"

	"github.com/anishathalye/porcupine"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/v2store"
)

// keyState is one key's value, or its absence.
type keyState struct {
	exists bool
	value  string
}

// keyHistory is the part of one key's history not yet checked.
type keyHistory struct {
	init keyState
	ops  []clients.HistoryOp
}

// checker carries the check across calls.
type checker struct {
	consumed int // history operations handed to keys so far
	keys     map[string]*keyHistory
	order    []string // keys in first-seen order, for a deterministic walk
	checked  int
	failed   []string
	dirty    map[string]bool
	// unsettled finds, by call ID, the history position of each operation
	// taken while its outcome was unknown, so its settled form can be reread.
	// Positions, not IDs, order the history: a sequential client numbers a
	// call when it is made but records it when it is sent, after the calls
	// ahead of it in its queue, so IDs are not in history order.
	unsettled map[uint64]int
	// untracked are the keys below which judging ended (see untracks).
	untracked []string
}

// maxPiece bounds a key's unchecked history: past it the piece is checked
// (and kept) even without a cut, so a verdict never waits for ever.
const maxPiece = 400

// New returns a check with nothing judged yet, for one run.
func New() clients.HistoryChecker {
	return &checker{keys: map[string]*keyHistory{}, dirty: map[string]bool{}, unsettled: map[uint64]int{}}
}

// Verdict is the judgement so far.
func (c *checker) Verdict() raftsim.Verdict {
	v := raftsim.Verdict{Status: raftsim.StatusLinearizable, Checked: c.checked, Offending: c.failed}
	switch {
	case c.failed != nil:
		v.Status = raftsim.StatusNotLinearizable
	case c.checked == 0:
		v.Status = raftsim.StatusNoOperations
	}
	return v
}

// Check judges at most budget more operations of history (0: all).
func (c *checker) Check(history []clients.HistoryOp, budget int) raftsim.Verdict {
	if c.failed != nil {
		return c.Verdict()
	}
	// Operations still pending may change; take only those before the first.
	for c.consumed < len(history) && !history[c.consumed].Pending {
		op := history[c.consumed]
		c.consumed++
		if key, ok := untracks(op); ok {
			c.untrack(key)
		}
		key := v2store.CleanKey(op.Op.Key)
		if !modelled(op) || c.isUntracked(key) {
			continue
		}
		k := c.keys[key]
		if k == nil {
			k = &keyHistory{}
			c.keys[key] = k
			c.order = append(c.order, key)
		}
		k.ops = append(k.ops, op)
		c.dirty[key] = true
		if op.ReturnMs == clients.HistoryInfinity {
			c.unsettled[op.ID] = c.consumed - 1
		}
	}
	// Results of given-up writes may have been settled since: reread them.
	for _, key := range c.order {
		for i, op := range c.keys[key].ops {
			if op.ReturnMs != clients.HistoryInfinity {
				continue
			}
			c.keys[key].ops[i] = history[c.unsettled[op.ID]]
			c.dirty[key] = true
			if c.keys[key].ops[i].ReturnMs != clients.HistoryInfinity {
				delete(c.unsettled, op.ID)
			}
		}
	}
	// Operations not taken yet were called after this; a cut must come
	// before the first of them, or one of them could overlap it.
	horizon := int64(clients.HistoryInfinity)
	if c.consumed < len(history) {
		horizon = history[c.consumed].CallMs
	}
	spent := 0
	for _, key := range c.order {
		if !c.dirty[key] || budget > 0 && spent >= budget {
			continue
		}
		k := c.keys[key]
		spent += len(k.ops)
		if !c.checkKey(key, k, horizon) {
			break
		}
		delete(c.dirty, key)
	}
	return c.Verdict()
}

// checkKey checks the key's unchecked history up to its last cut and drops
// what was checked. It reports false when the history is not linearizable.
func (c *checker) checkKey(key string, k *keyHistory, horizon int64) bool {
	cut := lastCut(k.ops, horizon)
	if cut < 0 && len(k.ops) < maxPiece {
		return true
	}
	piece := k.ops
	if cut >= 0 {
		piece = k.ops[:cut+1]
	}
	if !porcupine.CheckOperations(keyModel(k.init), toPorcupine(piece)) {
		c.failed = describeOps(key, piece)
		return false
	}
	if cut >= 0 {
		k.init = stateAfter(k.ops[cut])
		c.checked += cut + 1
		k.ops = append([]clients.HistoryOp(nil), k.ops[cut+1:]...)
	}
	return true
}

// lastCut finds the last operation after which the key's history can be cut:
// it overlaps no other operation, returned before horizon (when operations
// not yet seen may start), and its outcome fixes the key's state.
func lastCut(ops []clients.HistoryOp, horizon int64) int {
	for i := len(ops) - 1; i >= 0; i-- {
		if !fixesState(ops[i]) || ops[i].ReturnMs >= horizon {
			continue
		}
		alone := true
		for j, o := range ops {
			if j != i && o.CallMs <= ops[i].ReturnMs && o.ReturnMs >= ops[i].CallMs {
				alone = false
				break
			}
		}
		if alone {
			return i
		}
	}
	return -1
}

func fixesState(o clients.HistoryOp) bool {
	r := o.Result
	if r == nil || o.ReturnMs == clients.HistoryInfinity {
		return false
	}
	switch o.Op.Kind {
	case v2store.OpGet:
		return r.OK() && !r.Dir || r.ErrCode == v2store.ErrKeyNotFound
	}
	return r.OK() // a write the model judges (see modelled)
}

func stateAfter(o clients.HistoryOp) keyState {
	switch o.Op.Kind {
	case v2store.OpGet:
		return keyState{exists: o.Result.OK(), value: o.Result.Value}
	case v2store.OpDelete, v2store.OpCAD:
		return keyState{}
	}
	return keyState{exists: true, value: o.Op.Value}
}

// modelled tells the operations the per-key model judges.
func modelled(o clients.HistoryOp) bool {
	if o.Void {
		return false
	}
	switch o.Op.Kind {
	case v2store.OpSet, v2store.OpDelete, v2store.OpCAS, v2store.OpCreate, v2store.OpUpdate, v2store.OpCAD:
		return o.Op.TTL == 0 && !o.Op.Dir && !o.Op.Recursive && !o.Op.Unique
	case v2store.OpGet:
		return o.Result == nil || !o.Result.Dir
	}
	return false
}

// untracks reports a write the one-key model cannot follow, and the key at
// and below which it changes what the model would expect: a key with a TTL
// vanishes at a sync, a recursive delete removes every key below, a
// directory or an in-order key is not a value of the key.
func untracks(o clients.HistoryOp) (string, bool) {
	if o.Void || !o.Op.Kind.IsWrite() || modelled(o) {
		return "", false
	}
	return v2store.CleanKey(o.Op.Key), true
}

// untrack ends the judging of key and every key below it.
func (c *checker) untrack(key string) {
	c.untracked = append(c.untracked, key)
	kept := c.order[:0]
	for _, k := range c.order {
		if c.isUntracked(k) {
			delete(c.keys, k)
			delete(c.dirty, k)
			continue
		}
		kept = append(kept, k)
	}
	c.order = kept
}

// isUntracked reports whether key is at or below a key judging ended for.
func (c *checker) isUntracked(key string) bool {
	for _, u := range c.untracked {
		if key == u || strings.HasPrefix(key, strings.TrimSuffix(u, "/")+"/") {
			return true
		}
	}
	return false
}

func toPorcupine(ops []clients.HistoryOp) []porcupine.Operation {
	out := make([]porcupine.Operation, len(ops))
	for i, o := range ops {
		var output any
		if o.Result != nil {
			output = *o.Result
		}
		out[i] = porcupine.Operation{ClientId: int(o.Client), Input: o.Op, Call: o.CallMs, Output: output, Return: o.ReturnMs}
	}
	return out
}

// keyModel is the sequential specification of one etcd v2 key. An operation
// whose outcome is unknown never returned, so it may be ordered after every
// other, where taking effect is the same as never taking effect: the model
// lets it take effect and stays deterministic, which keeps porcupine's search
// from branching at every such call.
func keyModel(init keyState) porcupine.Model {
	return porcupine.Model{
		Init: func() any { return init },
		Step: func(state, input, output any) (bool, any) {
			st, op := state.(keyState), input.(v2store.Op)
			if output == nil {
				return true, after(st, op)
			}
			r := output.(v2store.Result)
			switch {
			case !consistent(st, op, r):
				return false, st
			case r.OK():
				return true, after(st, op)
			}
			return true, st
		},
	}
}

// after is the state once op has run from st: its effect when it can
// succeed there, st unchanged when it cannot (a cas that compares unequal, a
// delete of a missing key) or changes nothing (a get).
func after(st keyState, op v2store.Op) keyState {
	switch op.Kind {
	case v2store.OpSet:
		return keyState{exists: true, value: op.Value}
	case v2store.OpCAS:
		if op.HasPrevIndex || st.exists && st.value == op.PrevValue {
			return keyState{exists: true, value: op.Value}
		}
	case v2store.OpCreate:
		if !st.exists {
			return keyState{exists: true, value: op.Value}
		}
	case v2store.OpUpdate:
		if st.exists {
			return keyState{exists: true, value: op.Value}
		}
	case v2store.OpCAD:
		if op.HasPrevIndex || st.exists && st.value == op.PrevValue {
			return keyState{}
		}
	case v2store.OpDelete:
		return keyState{}
	}
	return st
}

// consistent reports whether result r of op can be observed in state st.
func consistent(st keyState, op v2store.Op, r v2store.Result) bool {
	switch {
	case r.ErrCode == v2store.ErrKeyNotFound:
		return !st.exists
	case r.ErrCode == v2store.ErrCompareFailed:
		return op.HasPrevIndex || st.exists && st.value != op.PrevValue
	case r.ErrCode == v2store.ErrNodeExist:
		return st.exists
	case !r.OK():
		return true // a directory clash: the model does not track directories
	case op.Kind == v2store.OpGet:
		return st.exists && st.value == r.Value
	case (op.Kind == v2store.OpCAS || op.Kind == v2store.OpCAD) && !op.HasPrevIndex:
		return st.exists && st.value == op.PrevValue
	case op.Kind == v2store.OpDelete || op.Kind == v2store.OpUpdate || op.Kind == v2store.OpCAD:
		return st.exists
	case op.Kind == v2store.OpCreate:
		return !st.exists
	}
	return true
}

// describeOpsLimit bounds how many operations a verdict lists.
const describeOpsLimit = 12

func describeOps(key string, ops []clients.HistoryOp) []string {
	if len(ops) > describeOpsLimit {
		ops = ops[len(ops)-describeOpsLimit:]
	}
	out := []string{fmt.Sprintf("key %s: no order of these operations explains what clients saw", key)}
	for _, o := range ops {
		ret, res := "never", "unknown"
		if o.ReturnMs != clients.HistoryInfinity {
			ret = fmt.Sprintf("%d ms", o.ReturnMs)
		}
		if o.Result != nil {
			res = o.Result.Summary()
		}
		out = append(out, fmt.Sprintf("client %d %s %s=%q from %d ms to %s: %s", o.Client, o.Op.Kind, o.Op.Key, o.Op.Value, o.CallMs, ret, res))
	}
	return out
}
