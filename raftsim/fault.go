package raftsim

import "math/rand/v2"

// Fault is one way a fault campaign (raftsim/nemesis) draws an action, as an
// action kind registers it (act_*.go).
type Fault struct {
	// Op is the action the fault mostly draws; a draw may fall back on
	// another when this one cannot apply (no node down to restart).
	Op ActionOp
	// Weight is how often the campaign draws the fault against the others'
	// weights.
	Weight int
	// BeyondRaft marks a fault Raft does not promise to survive (a disk
	// that lies): a campaign draws it only when asked to, and expects
	// failures then.
	BeyondRaft bool
	// Draw picks the action for the cluster as it stands.
	Draw func(d *FaultDraw) Action
}

// FaultDraw is what a fault's Draw gets: the campaign's random stream and
// the cluster as it stands.
type FaultDraw struct {
	Rand *rand.Rand
	Snap *Snapshot
	// Then is an action the draw asks the campaign to do at its next turn,
	// instead of drawing one: a crashed member is replaced by removing it
	// now and adding a voter next.
	Then *Action
}

// Faults lists every fault the registered actions offer, in the registry's
// order.
func Faults() []Fault {
	var fs []Fault
	for _, k := range actionKinds {
		fs = append(fs, k.faults...)
	}
	return fs
}

// Pick draws one of ids, or 0 when there is none.
func (d *FaultDraw) Pick(ids []uint64) uint64 {
	if len(ids) == 0 {
		return 0
	}
	return ids[d.Rand.IntN(len(ids))]
}

// Member draws any member's ID.
func (d *FaultDraw) Member() uint64 { return d.Pick(d.MemberIDs()) }

// MemberIDs are the members' IDs, in ID order.
func (d *FaultDraw) MemberIDs() []uint64 {
	var ids []uint64
	for _, n := range d.Snap.Members() {
		ids = append(ids, n.ID)
	}
	return ids
}
