package raftsim

// timerKind says what a scheduled timer does when it fires.
type timerKind uint8

const (
	timerTick        timerKind = iota // a node's raft clock ticks
	timerDeliver                      // a message reaches its receiver
	timerDiskSync                     // a node's disk finishes a sync
	timerWriteBack                    // a lying disk makes what it acknowledged durable
	timerApp                          // a timer the App set (Sim.After)
	timerSync                         // the leader syncs the TTL clock (ttlsync.go)
	timerStopRemoved                  // a removed member stops (memberstop.go)
	timerLeaseCheck                   // the leader looks for expired leases (lessor.go)
)

// timer is one entry of the virtual clock's queue. Epoch is the node's
// incarnation when the timer was set: a crash bumps the node's epoch, so the
// timers of its previous life find themselves stale and do nothing.
type timer struct {
	at   int64
	seq  uint64
	kind timerKind
	// appKind is an App timer's own kind (AppTimer.Kind); it fits beside
	// kind, so the queue's entries grow no larger.
	appKind uint8
	node    uint64
	epoch   uint64
	id      uint64 // message ID, or an App timer's ID
}

// timerQueue is a min-heap ordered by (at, seq): events at the same virtual
// time fire in the order they were scheduled, which keeps runs deterministic.
// It is written out rather than built on container/heap so that pushing and
// popping a timer does not box it in an interface (an allocation per event).
type timerQueue []timer

func (q timerQueue) less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}

func (q *timerQueue) push(t timer) {
	*q = append(*q, t)
	h := *q
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

func (q *timerQueue) pop() timer {
	h := *q
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && h.less(l, m) {
			m = l
		}
		if r < len(h) && h.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	*q = h
	return top
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
	c.queue.push(t)
}

// next pops the earliest timer if it is due at or before limit.
func (c *clock) next(limit int64) (timer, bool) {
	if len(c.queue) == 0 || c.queue[0].at > limit {
		return timer{}, false
	}
	t := c.queue.pop()
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
