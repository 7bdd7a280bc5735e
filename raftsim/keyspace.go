package raftsim

import "raftplay/raftsim/v2store"

// What an App may learn of a node's key space beyond a read: the changes the
// entry it just applied made, and the recent history a watch with an index
// looks through.

// Changes are the events node id's last applied entry made in its key space:
// the write's own, or the expiries of a sync.
func (s *Sim) Changes(id uint64) []v2store.Result {
	n := s.node(id)
	if n == nil || !n.up() {
		return nil
	}
	return n.kv.Changes()
}

// Watched answers the watch w from node id's recent history, when a change
// it waits for has already happened (see v2store.Store.Watched).
func (s *Sim) Watched(id uint64, w v2store.Op) (v2store.Result, bool) {
	n := s.node(id)
	if n == nil || !n.up() {
		return v2store.Result{}, false
	}
	return n.kv.Watched(w)
}
