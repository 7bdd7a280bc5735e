package nemesis

import (
	"fmt"
	"math/rand/v2"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// faultKind is one thing the nemesis can do, with how often it is drawn.
type faultKind struct {
	weight int
	lying  bool // drawn only in the lying-disk mode
	draw   func(d *drawer, snap *raftsim.Snapshot) raftsim.Action
}

// faultKinds lists every fault the simulator has. Their weights favour the
// faults that change who can talk to whom.
var faultKinds = []faultKind{
	{weight: 4, draw: (*drawer).crash},
	{weight: 1, draw: func(*drawer, *raftsim.Snapshot) raftsim.Action { return raftsim.Action{Op: raftsim.ActCrashAll} }},
	{weight: 3, draw: (*drawer).restart},
	{weight: 1, draw: func(*drawer, *raftsim.Snapshot) raftsim.Action { return raftsim.Action{Op: raftsim.ActRestartAll} }},
	{weight: 3, draw: (*drawer).partition},
	{weight: 2, draw: func(*drawer, *raftsim.Snapshot) raftsim.Action { return raftsim.Action{Op: raftsim.ActHeal} }},
	{weight: 2, draw: (*drawer).loss},
	{weight: 2, draw: (*drawer).drop},
	{weight: 2, draw: func(d *drawer, snap *raftsim.Snapshot) raftsim.Action {
		return raftsim.Action{Op: raftsim.ActTransfer, To: d.node(snap)}
	}},
	{weight: 2, draw: func(d *drawer, snap *raftsim.Snapshot) raftsim.Action {
		return raftsim.Action{Op: raftsim.ActTimeout, Node: d.node(snap)}
	}},
	{weight: 1, draw: func(_ *drawer, snap *raftsim.Snapshot) raftsim.Action {
		return raftsim.Action{Op: raftsim.ActStress, On: !snap.Clients.Stress}
	}},
	{weight: 1, draw: (*drawer).put},
	{weight: 1, draw: (*drawer).addLearner},
	{weight: 1, draw: (*drawer).promote},
	{weight: 1, draw: (*drawer).removeMember},
	{weight: 1, draw: (*drawer).addVoter},
	{weight: 1, draw: (*drawer).replace},
	{weight: 2, lying: true, draw: (*drawer).lyingDisk},
}

// drawer draws a run's faults from its seed.
type drawer struct {
	rng *rand.Rand
	// nodes is the cluster's size when the run starts.
	nodes int
	lying bool
	// replacing says that a crashed member was removed, and a voter is to
	// be added in its place next.
	replacing bool
}

func newDrawer(seed int64, lying bool) *drawer {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x6e656d65736973)) // "nemesis"
	return &drawer{rng: rng, nodes: 3 + rng.IntN(7), lying: lying}
}

// readMode alternates the safe read modes by seed.
func readMode(seed int64) string {
	return [...]v2store.ReadMode{v2store.ReadLinearizable, v2store.ReadLease}[seed%2].String()
}

// node draws any member's ID.
func (d *drawer) node(snap *raftsim.Snapshot) uint64 { return d.pick(memberIDs(snap)) }

// next draws the next fault for the cluster as it stands.
func (d *drawer) next(snap *raftsim.Snapshot) raftsim.Action {
	if d.replacing {
		d.replacing = false
		return d.addVoter(snap)
	}
	total := 0
	for _, k := range faultKinds {
		if !k.lying || d.lying {
			total += k.weight
		}
	}
	pick := d.rng.IntN(total)
	for _, k := range faultKinds {
		if k.lying && !d.lying {
			continue
		}
		if pick < k.weight {
			return k.draw(d, snap)
		}
		pick -= k.weight
	}
	panic("unreachable: the weights add up to total")
}

// crash stops a running member while fewer than a minority are down; past
// that it restarts one instead, so a quorum mostly stays (crash-all breaks
// it).
func (d *drawer) crash(snap *raftsim.Snapshot) raftsim.Action {
	var up []uint64
	ms := snap.Members()
	for _, n := range ms {
		if n.Up {
			up = append(up, n.ID)
		}
	}
	if down := len(ms) - len(up); down >= (len(ms)-1)/2 || len(up) == 0 {
		return d.restart(snap)
	}
	return raftsim.Action{Op: raftsim.ActCrash, Node: up[d.rng.IntN(len(up))]}
}

// restart starts a crashed member, or forces a time-out when none is down.
func (d *drawer) restart(snap *raftsim.Snapshot) raftsim.Action {
	var down []uint64
	for _, n := range snap.Members() {
		if !n.Up {
			down = append(down, n.ID)
		}
	}
	if len(down) == 0 {
		return raftsim.Action{Op: raftsim.ActTimeout, Node: d.node(snap)}
	}
	return raftsim.Action{Op: raftsim.ActRestart, Node: down[d.rng.IntN(len(down))]}
}

// partition splits the members, shuffled, into two to four groups.
func (d *drawer) partition(snap *raftsim.Snapshot) raftsim.Action {
	ids := memberIDs(snap)
	n := len(ids)
	if n < 2 {
		return raftsim.Action{Op: raftsim.ActHeal}
	}
	d.rng.Shuffle(n, func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	k := min(2+d.rng.IntN(3), n)
	// k-1 distinct cut points in 1..n-1, in order.
	cuts := d.rng.Perm(n - 1)[:k-1]
	inCut := make([]bool, n)
	for _, c := range cuts {
		inCut[c+1] = true
	}
	var groups [][]uint64
	start := 0
	for i := 1; i <= n; i++ {
		if i == n || inCut[i] {
			groups = append(groups, ids[start:i])
			start = i
		}
	}
	return raftsim.Action{Op: raftsim.ActPartition, Groups: groups}
}

// loss sets the loss rate of every link or of one, or clears it.
func (d *drawer) loss(snap *raftsim.Snapshot) raftsim.Action {
	a := raftsim.Action{Op: raftsim.ActLoss, Rate: float64(d.rng.IntN(31)) / 100}
	switch d.rng.IntN(3) {
	case 0:
		a.Rate = 0
	case 1:
		a.From, a.To = d.node(snap), d.node(snap)
	}
	return a
}

// drop loses one message in flight, when there is one.
func (d *drawer) drop(snap *raftsim.Snapshot) raftsim.Action {
	if len(snap.Messages) == 0 {
		return raftsim.Action{Op: raftsim.ActTimeout, Node: d.node(snap)}
	}
	return raftsim.Action{Op: raftsim.ActDrop, Message: snap.Messages[d.rng.IntN(len(snap.Messages))].ID}
}

// put is a single write through a node, as the playground's write button does.
func (d *drawer) put(snap *raftsim.Snapshot) raftsim.Action {
	return raftsim.Action{Op: raftsim.ActPut, Key: fmt.Sprintf("/k%d", d.rng.IntN(5)), Value: fmt.Sprintf("v%d", snap.NowMs), Via: d.node(snap)}
}

// lyingDisk turns a node's lying disk on or off.
func (d *drawer) lyingDisk(snap *raftsim.Snapshot) raftsim.Action {
	id := d.node(snap)
	return raftsim.Action{Op: raftsim.ActLyingDisk, Node: id, On: !snap.Node(id).LyingDisk}
}
