package scene

import "fmt"

// PartitionEdit is a two-way partition being put together before it is applied.
type PartitionEdit struct {
	// InB[i] is true when node i+1 is in group B; the rest are in group A.
	InB []bool
}

// newPartitionEdit starts from the current partition: its first group is A,
// the others together are B. Healed, every node starts in A.
func newPartitionEdit(n int, current [][]uint64) *PartitionEdit {
	p := &PartitionEdit{InB: make([]bool, n)}
	for i := range p.InB {
		p.InB[i] = GroupOf(current, uint64(i+1)) > 0
	}
	return p
}

func (p *PartitionEdit) valid(id uint64) bool { return id >= 1 && id <= uint64(len(p.InB)) }

// Toggle moves node id to the other group.
func (p *PartitionEdit) Toggle(id uint64) {
	if p.valid(id) {
		p.InB[id-1] = !p.InB[id-1]
	}
}

// Join moves node id into the group of node other.
func (p *PartitionEdit) Join(id, other uint64) {
	if p.valid(id) && p.valid(other) {
		p.InB[id-1] = p.InB[other-1]
	}
}

// Group returns 0 for a node in group A and 1 for one in group B.
func (p *PartitionEdit) Group(id uint64) int {
	if p.valid(id) && p.InB[id-1] {
		return 1
	}
	return 0
}

// Groups returns the partition to apply, or an error while a group is empty.
func (p *PartitionEdit) Groups() ([][]uint64, error) {
	var a, b []uint64
	for i, inB := range p.InB {
		if inB {
			b = append(b, uint64(i+1))
		} else {
			a = append(a, uint64(i+1))
		}
	}
	if len(a) == 0 || len(b) == 0 {
		return nil, fmt.Errorf("a partition needs a node in each group: tap a node to move it")
	}
	return [][]uint64{a, b}, nil
}
