package raftsim

import "container/heap"

// timerKind says what a scheduled timer does when it fires.
type timerKind uint8

const (
	timerTick          timerKind = iota // a node's raft clock ticks
	timerDeliver                        // a message reaches its receiver
	timerDiskSync                       // a node's disk finishes a sync
	timerClientTimeout                  // a client gives up on a request
)

// timer is one entry of the virtual clock's queue. Epoch is the node's
// incarnation when the timer was set: a crash bumps the node's epoch, so the
// timers of its previous life find themselves stale and do nothing.
type timer struct {
	at    int64
	seq   uint64
	kind  timerKind
	node  uint64
	epoch uint64
	id    uint64 // message ID or client request ID
}

// timerQueue is a min-heap ordered by (at, seq): events at the same virtual
// time fire in the order they were scheduled, which keeps runs deterministic.
type timerQueue []timer

func (q timerQueue) Len() int { return len(q) }
func (q timerQueue) Less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}
func (q timerQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *timerQueue) Push(x any)   { *q = append(*q, x.(timer)) }
func (q *timerQueue) Pop() any {
	old := *q
	t := old[len(old)-1]
	*q = old[:len(old)-1]
	return t
}

// clock is the virtual clock: the current time and the queue of what is due.
type clock struct {
	now   int64
	seq   uint64
	queue timerQueue
}

func (c *clock) schedule(t timer) {
	c.seq++
	t.seq = c.seq
	heap.Push(&c.queue, t)
}

// next pops the earliest timer if it is due at or before limit.
func (c *clock) next(limit int64) (timer, bool) {
	if len(c.queue) == 0 || c.queue[0].at > limit {
		return timer{}, false
	}
	t := heap.Pop(&c.queue).(timer)
	c.now = t.at
	return t, true
}

// peek reports when the earliest timer is due.
func (c *clock) peek() (int64, bool) {
	if len(c.queue) == 0 {
		return 0, false
	}
	return c.queue[0].at, true
}
