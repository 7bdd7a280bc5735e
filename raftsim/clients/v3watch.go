package clients

import (
	"slices"

	"raftplay/raftsim/v3store"
)

// A v3 watch is etcdctl watch: it waits on one node and prints each change
// to its keys as that node applies it, from a revision on (history first,
// while it is not compacted), until the node goes down.
type v3watch struct {
	via      uint64
	key, end string
	prevKV   bool
	// next is the first revision not yet printed.
	next int64
	// print shows the events the watch saw; cancel says why it ended.
	print  func([]v3store.Event)
	cancel func(error)
}

// watchV3 starts a watch on node via from revision rev (0: the next one).
// A revision history no longer holds cancels it at once: cancel is told why.
func (cs *Clients) watchV3(via uint64, key, end string, rev int64, prevKV bool, print func([]v3store.Event), cancel func(error)) {
	now, _ := cs.sim.V3Rev(via)
	w := &v3watch{via: via, key: key, end: end, prevKV: prevKV, next: now + 1, print: print, cancel: cancel}
	if rev > 0 {
		w.next = rev
	}
	if _, err := cs.sim.EventsV3(via, key, end, w.next, prevKV); err != nil {
		cancel(err)
		return
	}
	cs.v3watches = append(cs.v3watches, w)
	cs.fireV3Watches(via)
}

// fireV3Watches prints, for each watch on node, what node applied since.
// A watch whose next revision a compaction took (it waited behind a node
// that caught up by snapshot) is cancelled, as etcd cancels it.
func (cs *Clients) fireV3Watches(node uint64) {
	var cancelled []*v3watch
	for _, w := range cs.v3watches {
		if w.via != node {
			continue
		}
		evs, err := cs.sim.EventsV3(node, w.key, w.end, w.next, w.prevKV)
		if err != nil {
			cancelled = append(cancelled, w)
			w.cancel(err)
			continue
		}
		// The watch has seen everything up to the node's revision, its
		// keys' changes or none: a compaction later does not touch it.
		w.next, _ = cs.sim.V3Rev(node)
		w.next++
		if len(evs) > 0 {
			w.print(evs)
		}
	}
	cs.v3watches = slices.DeleteFunc(cs.v3watches, func(w *v3watch) bool { return slices.Contains(cancelled, w) })
}

// dropV3Watches ends the watches on a node that went down.
func (cs *Clients) dropV3Watches(node uint64) {
	cs.v3watches = slices.DeleteFunc(cs.v3watches, func(w *v3watch) bool { return w.via == node })
}
