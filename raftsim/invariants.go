package raftsim

import (
	"fmt"
	"hash/fnv"
)

// The safety properties of Raft (Figure 3 of the paper), checked as the run
// goes. Each check looks only at what just changed, so checking after every
// event stays cheap.
const (
	InvElectionSafety     = "election-safety"     // at most one leader per term, elected by a quorum of its configuration
	InvLogMatching        = "log-matching"        // same index and term => same entry and same prefix
	InvLeaderCompleteness = "leader-completeness" // a leader holds every committed entry
	InvStateMachineSafety = "state-machine-safety"
	InvCommitMonotonic    = "commit-monotonic" // a node's durable commit index never goes back
)

// entryFact is what log matching pins down about an entry: its content and
// the term of the entry before it. If every (index, term) agrees on both, by
// induction two logs that share an (index, term) share the whole prefix.
type entryFact struct{ term, data, prevTerm uint64 }

type appliedFact struct{ term, data uint64 }

// commitFact is what the run knows of a committed entry: its term, and the
// term of the node that first made its commit durable. That node learned of
// the commit from the leader of its term or an earlier one, so inTerm is at
// least the term the entry was committed in.
type commitFact struct{ term, inTerm uint64 }

// checker holds what the run has shown so far and the violations found.
type checker struct {
	violations []Violation
	dropped    int // violations beyond maxViolations, counted only

	leaders map[uint64]uint64 // term -> the node that led it
	// The facts below are kept per log index from base on: once every disk
	// has compacted its log past an index, no node can write, commit or
	// apply an entry there again, and its facts are dropped (forget).
	base uint64
	// entries[i-base] holds the facts of the entries seen at index i, one
	// per term.
	entries [][]entryFact
	// committed[i-base] is the committed entry at index i.
	committed []commitFact
	applied   []appliedFact // applied[i-base]
	// votes are the granted votes delivered since the last election
	// checked (quorumcheck.go).
	votes []voteFact

	name func(uint64) string // what each node is called in the run
}

// maxViolations bounds the list kept; a broken run tends to repeat itself.
const maxViolations = 64

func newChecker(name func(uint64) string) checker {
	return checker{
		name:      name,
		leaders:   map[uint64]uint64{},
		committed: []commitFact{{}},
		applied:   []appliedFact{{}},
	}
}

// startAt starts the facts at a snapshot a cluster is bootstrapped from, as
// raft's interaction scripts bootstrap theirs (add-nodes index=10): its
// entry at index is committed and applied, and nothing below it can be
// written, committed or applied again. A checker that has seen entries
// already keeps them.
func (c *checker) startAt(index, term uint64) {
	if c.base != 0 || len(c.committed) > 1 || len(c.applied) > 1 || len(c.entries) > 0 {
		return
	}
	c.base = index
	c.committed = []commitFact{{term: term, inTerm: term}}
	c.applied = []appliedFact{{term: term}}
}

// record keeps v and reports whether it is new enough to be told.
func (c *checker) record(v Violation) bool {
	if len(c.violations) >= maxViolations {
		c.dropped++
		return false
	}
	c.violations = append(c.violations, v)
	return true
}

func (c *checker) status() InvariantStatus {
	return InvariantStatus{OK: len(c.violations) == 0, Violations: append([]Violation{}, c.violations...)}
}

func dataHash(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// leader checks election safety when node id leads term.
func (c *checker) leader(term, id uint64) error {
	if prev, ok := c.leaders[term]; ok && prev != id {
		return fmt.Errorf("%s and %s both led term %d", c.name(prev), c.name(id), term)
	}
	c.leaders[term] = id
	return nil
}

// entry checks log matching for an entry made durable on node id.
func (c *checker) entry(id, index, term, data, prevTerm uint64) error {
	if index < c.base {
		return nil // below every disk's snapshot: cannot be written (see forget)
	}
	for uint64(len(c.entries)) <= index-c.base {
		c.entries = append(c.entries, nil)
	}
	facts := &c.entries[index-c.base]
	for _, prev := range *facts {
		switch {
		case prev.term != term:
			continue
		case prev.data != data:
			return fmt.Errorf("%s holds a different entry at index %d term %d than another node", c.name(id), index, term)
		case prev.prevTerm != prevTerm:
			return fmt.Errorf("%s's entry at index %d term %d follows term %d, another node's follows term %d", c.name(id), index, term, prevTerm, prev.prevTerm)
		}
		return nil
	}
	*facts = append(*facts, entryFact{term, data, prevTerm})
	return nil
}

// commit checks that node id's durable commit index moves only forward and
// records the terms of newly committed entries; termAt reads id's log and
// term is id's durable term.
func (c *checker) commit(id, term, old, now uint64, termAt func(uint64) (uint64, bool)) error {
	if now < old {
		return fmt.Errorf("%s's commit index went back from %d to %d", c.name(id), old, now)
	}
	for i := c.base + uint64(len(c.committed)); i <= now; i++ {
		t, ok := termAt(i)
		if !ok {
			return fmt.Errorf("%s committed index %d that its log does not hold", c.name(id), i)
		}
		c.committed = append(c.committed, commitFact{term: t, inTerm: term})
	}
	return nil
}

// leaderComplete checks that a new leader of term holds every entry committed
// in an earlier term (Raft's leader completeness); termAt reads its log. By
// log matching, holding the last such entry means holding all of them.
// Entries committed in term or later are not its due: a candidate whose
// process paused may win an old term with the votes that waited for it, long
// after later leaders committed more (a real raft node does so too; it steps
// down at the first message of a later term).
func (c *checker) leaderComplete(id, term uint64, termAt func(uint64) (uint64, bool)) error {
	k := len(c.committed) - 1
	for k > 0 && c.committed[k].inTerm >= term {
		k--
	}
	last := c.base + uint64(k)
	if last == 0 || c.committed[k].inTerm >= term {
		return nil
	}
	want := c.committed[k].term
	if got, ok := termAt(last); !ok || got != want {
		return fmt.Errorf("%s leads term %d without the committed entry at index %d (term %d)", c.name(id), term, last, want)
	}
	return nil
}

// apply checks that no two nodes apply different entries at one index.
func (c *checker) apply(id, index, term, data uint64) error {
	f := appliedFact{term, data}
	next := c.base + uint64(len(c.applied))
	if index < next {
		if index < c.base {
			return nil // below every disk's snapshot (see forget)
		}
		if prev := c.applied[index-c.base]; prev != f {
			return fmt.Errorf("%s applied a different entry at index %d (term %d) than another node (term %d)", c.name(id), index, term, prev.term)
		}
		return nil
	}
	if index != next {
		return fmt.Errorf("%s applied index %d before index %d was applied anywhere", c.name(id), index, next)
	}
	c.applied = append(c.applied, f)
	return nil
}

// forget drops the facts of indices below floor, the lowest first index of
// any disk, durable images included: every node's log starts above them, so
// none can write, commit or apply an entry there again. The last committed
// and applied facts stay, as the next checks start from them.
func (c *checker) forget(floor uint64) {
	lastCommitted := c.base + uint64(len(c.committed)-1)
	lastApplied := c.base + uint64(len(c.applied)-1)
	floor = min(floor, lastCommitted, lastApplied)
	if floor <= c.base {
		return
	}
	k := floor - c.base
	c.entries = append([][]entryFact(nil), c.entries[min(k, uint64(len(c.entries))):]...)
	c.committed = append([]commitFact(nil), c.committed[k:]...)
	c.applied = append([]appliedFact(nil), c.applied[k:]...)
	c.base = floor
}
