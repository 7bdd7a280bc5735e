package raftsim

import (
	"reflect"
	"sync/atomic"
)

// Changes holds a generation number for each part of a snapshot that the
// picture draws: a part's number moves when, and only when, the part differs
// from the one the previous snapshot showed, so a painter redraws a part
// when its number moved, without a list of the fields it shows that would
// go stale when the snapshot grows a field.
//
// The numbers come from one counter shared by every Sim in the process, so
// snapshots of different Sims (a replay the timeline shows, a fork) never
// share a number for different contents.
type Changes struct {
	// Run is the run's settings and standing: Seed, Paused, Manual, Speed,
	// Config and Membership.
	Run uint64
	// Clock is NowMs.
	Clock uint64
	// Nodes is the nodes' state apart from their timers.
	Nodes uint64
	// Timers is the nodes' election and heartbeat timers
	// (ElectionElapsedMs, ElectionTimeoutMs), which move every tick.
	Timers uint64
	// Messages is the messages in flight.
	Messages uint64
	// Network is the partition.
	Network uint64
	// Invariants is the safety properties' status.
	Invariants uint64
	// Clients is the clients' load and verdict.
	Clients uint64
}

// generations is the counter every part's number is drawn from.
var generations atomic.Uint64

// next returns a number no part has had.
func next() uint64 { return generations.Add(1) }

// observe moves the number of each part of cur that differs from prev's;
// with no prev, every part gets a new number. Actions and Generation are
// left out: the picture does not show them (a new run changes every part
// anyway).
func (c *Changes) observe(prev, cur *Snapshot) {
	if prev == nil {
		*c = Changes{Run: next(), Clock: next(), Nodes: next(), Timers: next(), Messages: next(), Network: next(), Invariants: next(), Clients: next()}
		return
	}
	bump := func(n *uint64, same bool) {
		if !same {
			*n = next()
		}
	}
	bump(&c.Run, prev.Seed == cur.Seed && prev.Paused == cur.Paused && prev.Manual == cur.Manual &&
		prev.Speed == cur.Speed && reflect.DeepEqual(prev.Config, cur.Config) && reflect.DeepEqual(prev.Membership, cur.Membership))
	bump(&c.Clock, prev.NowMs == cur.NowMs)
	nodes, timers := sameNodes(prev.Nodes, cur.Nodes)
	bump(&c.Nodes, nodes)
	bump(&c.Timers, timers)
	bump(&c.Messages, reflect.DeepEqual(prev.Messages, cur.Messages))
	bump(&c.Network, reflect.DeepEqual(prev.Partition, cur.Partition))
	bump(&c.Invariants, reflect.DeepEqual(prev.Invariants, cur.Invariants))
	bump(&c.Clients, reflect.DeepEqual(prev.Clients, cur.Clients))
}

// sameNodes reports whether a and b show the same nodes, timers aside, and
// the same timers.
func sameNodes(a, b []NodeView) (nodes, timers bool) {
	if len(a) != len(b) {
		return false, false
	}
	nodes, timers = true, true
	for i := range a {
		x, y := a[i], b[i]
		if x.ElectionElapsedMs != y.ElectionElapsedMs || x.ElectionTimeoutMs != y.ElectionTimeoutMs {
			timers = false
		}
		x.ElectionElapsedMs, x.ElectionTimeoutMs = 0, 0
		y.ElectionElapsedMs, y.ElectionTimeoutMs = 0, 0
		if nodes && !reflect.DeepEqual(x, y) {
			nodes = false
		}
	}
	return nodes, timers
}
