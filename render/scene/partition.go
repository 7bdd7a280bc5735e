package scene

import (
	"fmt"
	"slices"
)

// PartitionEdit is a two-way partition being put together before it is applied.
type PartitionEdit struct {
	// IDs are the nodes' raft IDs, in order; InB[i] is true when node IDs[i]
	// is in group B. The rest are in group A.
	IDs []uint64
	InB []bool
}

// newPartitionEdit starts from the current partition of the nodes ids: its
// first group is A, the others together are B. Healed, every node starts in A.
func newPartitionEdit(ids []uint64, current [][]uint64) *PartitionEdit {
	p := &PartitionEdit{IDs: ids, InB: make([]bool, len(ids))}
	for i, id := range ids {
		p.InB[i] = GroupOf(current, id) > 0
	}
	return p
}

// slot finds node id among the edit's nodes.
func (p *PartitionEdit) slot(id uint64) (int, bool) { return slices.BinarySearch(p.IDs, id) }

// Toggle moves node id to the other group.
func (p *PartitionEdit) Toggle(id uint64) {
	if i, ok := p.slot(id); ok {
		p.InB[i] = !p.InB[i]
	}
}

// Join moves node id into the group of node other.
func (p *PartitionEdit) Join(id, other uint64) {
	i, ok := p.slot(id)
	j, okOther := p.slot(other)
	if ok && okOther {
		p.InB[i] = p.InB[j]
	}
}

// Group returns 0 for a node in group A and 1 for one in group B.
func (p *PartitionEdit) Group(id uint64) int {
	if i, ok := p.slot(id); ok && p.InB[i] {
		return 1
	}
	return 0
}

// Groups returns the partition to apply, or an error while a group is empty.
func (p *PartitionEdit) Groups() ([][]uint64, error) {
	var a, b []uint64
	for i, inB := range p.InB {
		if inB {
			b = append(b, p.IDs[i])
		} else {
			a = append(a, p.IDs[i])
		}
	}
	if len(a) == 0 || len(b) == 0 {
		return nil, fmt.Errorf("a partition needs a node in each group: tap a node to move it")
	}
	return [][]uint64{a, b}, nil
}
