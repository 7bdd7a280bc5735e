package raftsim

// MarkKind names a moment of a run worth a mark: on the timeline strip, which
// steps from mark to mark, and on the space-time diagram's lanes.
type MarkKind string

// The kinds of marks, each from one kind of event (MarkOf).
const (
	MarkLeader    MarkKind = "leader"    // a node became leader of a term
	MarkCrash     MarkKind = "crash"     // a node went down (crashed, or halted by a raft panic)
	MarkRestart   MarkKind = "restart"   // a node came back from its disk
	MarkPartition MarkKind = "partition" // the network was split
	MarkHeal      MarkKind = "heal"      // the network was joined again
	MarkWrite     MarkKind = "write"     // a client write was sent (the put action)
	MarkViolation MarkKind = "violation" // a safety property broke
)

// MarkOf says which mark event e makes, if any: the one mapping from events
// to marks, so the timeline and the diagram mark the same moments alike.
func MarkOf(e Event) (MarkKind, bool) {
	switch e.Kind {
	case EvElected:
		return MarkLeader, true
	case EvCrash, EvHalt:
		return MarkCrash, true
	case EvRestart:
		return MarkRestart, true
	case EvViolation:
		return MarkViolation, true
	case EvAction:
		switch e.Op {
		case ActPartition:
			return MarkPartition, true
		case ActHeal:
			return MarkHeal, true
		case ActPut:
			return MarkWrite, true
		}
	}
	return "", false
}
