package v2store

import "strings"

// historySize is how many events a store keeps for watches that ask for an
// earlier index, as etcd's watcher hub keeps 1000.
const historySize = 1000

// eventHistory is a store's recent events: a ring whose oldest event is at
// start once it is full.
type eventHistory struct {
	events []Result
	start  int
	// dropped is set once the history has lost its oldest events.
	dropped bool
	// from is the first index of a store restored from a snapshot, which
	// keeps no history from before it (0: the history starts with the run).
	from uint64
}

func (h *eventHistory) add(e Result) {
	if len(h.events) < historySize {
		h.events = append(h.events, e)
		return
	}
	h.events[h.start] = e
	h.start = (h.start + 1) % historySize
	h.dropped = true
}

// at returns the i-th event, oldest first.
func (h *eventHistory) at(i int) Result { return h.events[(h.start+i)%len(h.events)] }

// Sees reports whether the watch w, waiting, is woken by the event e, as
// etcd's watchers are: a change at the watched key, below it for a
// recursive watch unless a hidden key ("_name") lies between, or the
// removal of a directory the watched key was in.
func (w Op) Sees(e Result) bool {
	key := CleanKey(w.Key)
	if e.Key != key && len(e.Key) > len(key) && strings.Contains(CleanKey(e.Key[len(key):]), "/_") {
		return false
	}
	return w.seesInHistory(e)
}

// seesInHistory is Sees for a watch answered from the history, which etcd
// scans without the hidden-key rule.
func (w Op) seesInHistory(e Result) bool {
	key := CleanKey(w.Key)
	if e.Key == key {
		return true
	}
	if w.Recursive && strings.HasPrefix(e.Key, strings.TrimSuffix(key, "/")+"/") {
		return true
	}
	removed := e.Action == "delete" || e.Action == "expire"
	return removed && e.PrevNode != nil && e.PrevNode.Dir && strings.HasPrefix(key, e.PrevNode.Key+"/")
}

// Watched answers a watch from the store's history: the first event at or
// after its AfterIndex it sees. ok is false when the watch has to wait for a
// change to come; error 401 when the history no longer reaches back that far.
func (s *Store) Watched(w Op) (r Result, ok bool) {
	if w.AfterIndex == 0 {
		return Result{}, false
	}
	h := &s.events
	if first, cleared := h.oldest(); cleared && w.AfterIndex < first {
		return failed(OpWatch, Error{Code: ErrHistoryCleared, Index: s.index,
			Cause: "the requested history has been cleared [" + u64(first) + "/" + u64(w.AfterIndex) + "]"}), true
	}
	for i := range len(h.events) {
		if e := h.at(i); e.Index >= w.AfterIndex && w.seesInHistory(e) {
			e.Kind = OpWatch
			return e, true
		}
	}
	return Result{}, false
}
