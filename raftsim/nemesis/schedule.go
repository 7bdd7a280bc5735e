package nemesis

import (
	"math/rand/v2"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// drawer draws a run's faults from its seed, among the faults the
// simulator's actions register (raftsim.Faults).
type drawer struct {
	rng *rand.Rand
	// nodes is the cluster's size when the run starts.
	nodes int
	// faults are the faults drawn from, with total weight total: those
	// beyond what Raft promises only in the lying-disk mode.
	faults []raftsim.Fault
	total  int
	// then is the action a draw asked for at the next turn, or nil.
	then *raftsim.Action
}

func newDrawer(seed int64, lying bool) *drawer {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6e656d65736973)) // "nemesis"
	d := &drawer{rng: rng, nodes: 3 + rng.IntN(7)}
	for _, f := range raftsim.Faults() {
		if !f.BeyondRaft || lying {
			d.faults = append(d.faults, f)
			d.total += f.Weight
		}
	}
	return d
}

// readMode alternates the safe read modes by seed.
func readMode(seed int64) v2store.ReadMode {
	return [...]v2store.ReadMode{v2store.ReadLinearizable, v2store.ReadLease}[seed%2]
}

// next draws the next fault for the cluster as it stands.
func (d *drawer) next(snap *raftsim.Snapshot) raftsim.Action {
	if then := d.then; then != nil {
		d.then = nil
		return *then
	}
	pick := d.rng.IntN(d.total)
	for _, f := range d.faults {
		if pick < f.Weight {
			fd := raftsim.FaultDraw{Rand: d.rng, Snap: snap}
			a := f.Draw(&fd)
			d.then = fd.Then
			return a
		}
		pick -= f.Weight
	}
	panic("unreachable: the weights add up to total")
}
