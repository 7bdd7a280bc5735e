package raftsim

import (
	"fmt"
	"hash/fnv"
)

// The safety properties of Raft (Figure 3 of the paper), checked as the run
// goes. Each check looks only at what just changed, so checking after every
// event stays cheap.
const (
	InvElectionSafety     = "election-safety"     // at most one leader per term
	InvLogMatching        = "log-matching"        // same index and term => same entry and same prefix
	InvLeaderCompleteness = "leader-completeness" // a leader holds every committed entry
	InvStateMachineSafety = "state-machine-safety"
	InvCommitMonotonic    = "commit-monotonic" // a node's durable commit index never goes back
)

type entryID struct{ index, term uint64 }

// entryFact is what log matching pins down about an entry: its content and
// the term of the entry before it. If every (index, term) agrees on both, by
// induction two logs that share an (index, term) share the whole prefix.
type entryFact struct{ data, prevTerm uint64 }

type appliedFact struct{ term, data uint64 }

// checker holds what the run has shown so far and the violations found.
type checker struct {
	violations []Violation
	dropped    int // violations beyond maxViolations, counted only

	leaders   map[uint64]uint64 // term -> the node that led it
	entries   map[entryID]entryFact
	committed []uint64 // committed[i] is the term of the committed entry at index i
	applied   []appliedFact

	name func(uint64) string // what each node is called in the run
}

// maxViolations bounds the list kept; a broken run tends to repeat itself.
const maxViolations = 64

func newChecker(name func(uint64) string) checker {
	return checker{
		name:      name,
		leaders:   map[uint64]uint64{},
		entries:   map[entryID]entryFact{},
		committed: []uint64{0},
		applied:   []appliedFact{{}},
	}
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
	k := entryID{index, term}
	f := entryFact{data, prevTerm}
	if prev, ok := c.entries[k]; ok {
		switch {
		case prev.data != f.data:
			return fmt.Errorf("%s holds a different entry at index %d term %d than another node", c.name(id), index, term)
		case prev.prevTerm != f.prevTerm:
			return fmt.Errorf("%s's entry at index %d term %d follows term %d, another node's follows term %d", c.name(id), index, term, prevTerm, prev.prevTerm)
		}
		return nil
	}
	c.entries[k] = f
	return nil
}

// commit checks that node id's durable commit index moves only forward and
// records the terms of newly committed entries; termAt reads id's log.
func (c *checker) commit(id, old, now uint64, termAt func(uint64) (uint64, bool)) error {
	if now < old {
		return fmt.Errorf("%s's commit index went back from %d to %d", c.name(id), old, now)
	}
	for i := uint64(len(c.committed)); i <= now; i++ {
		t, ok := termAt(i)
		if !ok {
			return fmt.Errorf("%s committed index %d that its log does not hold", c.name(id), i)
		}
		c.committed = append(c.committed, t)
	}
	return nil
}

// leaderComplete checks that a new leader of term holds every entry committed
// so far; termAt reads its log. By log matching, holding the last committed
// entry means holding all of them.
func (c *checker) leaderComplete(id, term uint64, termAt func(uint64) (uint64, bool)) error {
	last := uint64(len(c.committed) - 1)
	if last == 0 {
		return nil
	}
	want := c.committed[last]
	if got, ok := termAt(last); !ok || got != want {
		return fmt.Errorf("%s leads term %d without the committed entry at index %d (term %d)", c.name(id), term, last, want)
	}
	return nil
}

// apply checks that no two nodes apply different entries at one index.
func (c *checker) apply(id, index, term, data uint64) error {
	f := appliedFact{term, data}
	if index < uint64(len(c.applied)) {
		if prev := c.applied[index]; prev != f {
			return fmt.Errorf("%s applied a different entry at index %d (term %d) than another node (term %d)", c.name(id), index, term, prev.term)
		}
		return nil
	}
	if index != uint64(len(c.applied)) {
		return fmt.Errorf("%s applied index %d before index %d was applied anywhere", c.name(id), index, len(c.applied))
	}
	c.applied = append(c.applied, f)
	return nil
}
