package timeline

import "raftplay/raftsim"

// Mark is one moment worth stepping to.
type Mark struct {
	AtMs int64            `json:"at_ms"`
	Kind raftsim.MarkKind `json:"kind"`
	// Node is the node it happened on, 0 for the whole cluster.
	Node uint64 `json:"node,omitempty"`
	// Term is the term of a new leader.
	Term uint64 `json:"term,omitempty"`
}

// maxMarks bounds the marks kept; past it the oldest go, so a long run with
// many writes cannot grow them without end.
const maxMarks = 4096

// markOf turns an event into a mark, if raftsim.MarkOf makes it one.
func markOf(e raftsim.Event) (Mark, bool) {
	kind, ok := raftsim.MarkOf(e)
	m := Mark{AtMs: e.AtMs, Kind: kind, Node: e.Node}
	if kind == raftsim.MarkLeader {
		m.Term = e.Term
	}
	if kind == raftsim.MarkViolation {
		m.Node = 0
	}
	return m, ok
}

// addMark keeps m, dropping the oldest mark when there are too many.
func (t *Timeline) addMark(m Mark) {
	if len(t.marks) == maxMarks {
		t.marks = append(t.marks[:0], t.marks[1:]...)
	}
	t.marks = append(t.marks, m)
}

// Marks returns the marks so far, oldest first.
func (t *Timeline) Marks() []Mark { return append([]Mark(nil), t.marks...) }

// NextMark returns the first mark after ms, or false when there is none.
func (t *Timeline) NextMark(ms int64) (Mark, bool) {
	for _, m := range t.marks {
		if m.AtMs > ms {
			return m, true
		}
	}
	return Mark{}, false
}

// PrevMark returns the last mark before ms, or false when there is none.
func (t *Timeline) PrevMark(ms int64) (Mark, bool) {
	for i := len(t.marks) - 1; i >= 0; i-- {
		if t.marks[i].AtMs < ms {
			return t.marks[i], true
		}
	}
	return Mark{}, false
}
