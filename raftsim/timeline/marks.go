package timeline

import "raftplay/raftsim"

// MarkKind names what a mark on the timeline stands for.
type MarkKind string

// The kinds of marks, each from one kind of simulator event.
const (
	MarkLeader    MarkKind = "leader"    // a node became leader of a term
	MarkCrash     MarkKind = "crash"     // a node went down (crashed, or halted by a raft panic)
	MarkRestart   MarkKind = "restart"   // a node came back from its disk
	MarkPartition MarkKind = "partition" // the network was split
	MarkHeal      MarkKind = "heal"      // the network was joined again
	MarkWrite     MarkKind = "write"     // a client write was sent (the put action)
	MarkViolation MarkKind = "violation" // a safety property broke
)

// Mark is one moment worth stepping to.
type Mark struct {
	AtMs int64    `json:"at_ms"`
	Kind MarkKind `json:"kind"`
	// Node is the node it happened on, 0 for the whole cluster.
	Node uint64 `json:"node,omitempty"`
	// Term is the term of a new leader.
	Term uint64 `json:"term,omitempty"`
}

// maxMarks bounds the marks kept; past it the oldest go, so a long run with
// many writes cannot grow them without end.
const maxMarks = 4096

// markOf turns an event into a mark, if it is one worth a mark.
func markOf(e raftsim.Event) (Mark, bool) {
	m := Mark{AtMs: e.AtMs, Node: e.Node}
	switch e.Kind {
	case raftsim.EvElected:
		m.Kind, m.Term = MarkLeader, e.Term
	case raftsim.EvCrash, raftsim.EvHalt:
		m.Kind = MarkCrash
	case raftsim.EvRestart:
		m.Kind = MarkRestart
	case raftsim.EvViolation:
		m.Kind, m.Node = MarkViolation, 0
	case raftsim.EvAction:
		switch e.Op {
		case raftsim.ActPartition:
			m.Kind = MarkPartition
		case raftsim.ActHeal:
			m.Kind = MarkHeal
		case raftsim.ActPut:
			m.Kind = MarkWrite
		default:
			return m, false
		}
	default:
		return m, false
	}
	return m, true
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
