package scenario

import "raftplay/raftsim"

// history keeps what conditions about the past need from the event stream.
type history struct {
	candidates map[uint64]int  // term -> how many nodes became candidate in it
	won        map[uint64]bool // terms someone won
	lastTerm   uint64          // the latest term anyone campaigned in
	delivered  map[string]bool // message types delivered during the current step
}

func newHistory() *history {
	h := &history{}
	h.reset()
	return h
}

func (h *history) reset() {
	h.candidates = map[uint64]int{}
	h.won = map[uint64]bool{}
	h.lastTerm = 0
	h.beginStep()
}

func (h *history) beginStep() { h.delivered = map[string]bool{} }

func (h *history) observe(e raftsim.Event) {
	switch {
	case e.Kind == raftsim.EvRole && e.Role == raftsim.RoleCandidate:
		h.candidates[e.Term]++
		h.lastTerm = max(h.lastTerm, e.Term)
	case e.Kind == raftsim.EvElected:
		h.won[e.Term] = true
	case e.Kind == raftsim.EvDelivered:
		h.delivered[e.MsgType.String()] = true
	}
}

// splitVote reports a term with two or more candidates that nobody won and
// that a later election has left behind.
func (h *history) splitVote() bool {
	for term, n := range h.candidates {
		if n >= 2 && !h.won[term] && term < h.lastTerm {
			return true
		}
	}
	return false
}
