package spacetime

import (
	"sort"

	"raftplay/raftsim"
)

// Fate is what has become of a message so far.
type Fate string

// The fates of a message.
const (
	InFlight  Fate = "in flight" // sent and not yet arrived
	Delivered Fate = "delivered" // handed to its receiver
	Dropped   Fate = "dropped"   // lost on the way (Reason says how)
)

// Arrow is one message of the diagram: from its sender's lane at SentMs to
// its receiver's lane at EndMs, when it arrived or was lost (0 while in
// flight).
type Arrow struct {
	ID     uint64             `json:"id"`
	From   uint64             `json:"from"`
	To     uint64             `json:"to"`
	Type   raftsim.MsgType    `json:"type"`
	Stream raftsim.Stream     `json:"stream"`
	Term   uint64             `json:"term"`
	Index  uint64             `json:"index"`
	SentMs int64              `json:"sent_ms"`
	EndMs  int64              `json:"end_ms"`
	Fate   Fate               `json:"fate"`
	Reason raftsim.DropReason `json:"reason,omitempty"`
	// Details describe the message as the sent event did: "#41 n1→n3
	// MsgApp term 2 index 11 logterm 2 (1 entries: much) commit 10".
	Details string `json:"details"`
}

// Mark is something that happened to a node's lane (Node) or to every lane
// (Node 0) at AtMs.
type Mark struct {
	AtMs int64            `json:"at_ms"`
	Kind raftsim.MarkKind `json:"kind"`
	Node uint64           `json:"node,omitempty"`
	Text string           `json:"text"`
}

// Options bound a Model; the zero value takes the defaults.
type Options struct {
	// KeepMs is how much virtual time back the arrows and marks are kept
	// (default 60 s).
	KeepMs int64
	// MaxArrows is the most arrows kept, the oldest going first (default
	// 20000: about 4 MB with their descriptions).
	MaxArrows int
}

// Defaults of Options.
const (
	DefaultKeepMs    = 60_000
	DefaultMaxArrows = 20_000
)

// Model is a simulation's recent messages and lane marks. It is not safe
// for concurrent use; the playground calls it under the game's lock.
type Model struct {
	sim    *raftsim.Sim
	opts   Options
	cancel func()
	gen    uint64
	// arrows are ordered by ID, which is the order they were sent in, so
	// arrow id is arrows.at(id-arrows.at(0).ID).
	arrows arrowRing
	// open is the index of the oldest arrow that may still be in flight.
	open int
	// longestMs is the longest flight of a finished arrow kept or gone.
	longestMs int64
	marks     []Mark
	version   uint64
}

// New follows sim from now on, until Close.
func New(sim *raftsim.Sim, opts Options) *Model {
	if opts.KeepMs <= 0 {
		opts.KeepMs = DefaultKeepMs
	}
	if opts.MaxArrows <= 0 {
		opts.MaxArrows = DefaultMaxArrows
	}
	m := &Model{sim: sim, opts: opts, gen: sim.Generation(), arrows: arrowRing{limit: opts.MaxArrows}}
	m.cancel = sim.OnEvent(m.event)
	return m
}

// Close stops following the simulation.
func (m *Model) Close() { m.cancel() }

// Version changes whenever what the model holds changes, so a picture of
// it can be kept until then.
func (m *Model) Version() uint64 { return m.version }

// event adds what e says to the diagram.
func (m *Model) event(e raftsim.Event) {
	if g := m.sim.Generation(); g != m.gen {
		// A new run (a reset, a replayed link, a fork): its messages are
		// numbered afresh.
		m.gen = g
		m.arrows.reset()
		m.open, m.longestMs, m.marks = 0, 0, nil
	}
	switch e.Kind {
	case raftsim.EvSent:
		m.sent(e)
	case raftsim.EvDelivered:
		m.ended(e, Delivered)
	case raftsim.EvDropped:
		m.ended(e, Dropped)
	default:
		if !m.mark(e) {
			return
		}
	}
	m.version++
	m.forget(e.AtMs)
}

func (m *Model) sent(e raftsim.Event) {
	if n := m.arrows.len(); n > 0 && e.Message != m.arrows.at(n-1).ID+1 {
		// Not the next message: the numbering started afresh under us.
		m.arrows.reset()
		m.open = 0
	}
	if m.arrows.full() {
		m.dropOldest(1)
	}
	m.arrows.push(Arrow{ID: e.Message, From: e.From, To: e.To, Type: e.MsgType, Stream: e.Stream, Term: e.Term, Index: e.Index,
		SentMs: e.AtMs, Fate: InFlight, Details: e.MsgText})
}

func (m *Model) ended(e raftsim.Event, fate Fate) {
	a := m.find(e.Message)
	if a == nil {
		return // sent before the model began, or forgotten
	}
	a.EndMs, a.Fate, a.Reason = e.AtMs, fate, e.Reason
	m.longestMs = max(m.longestMs, a.EndMs-a.SentMs)
	for m.open < m.arrows.len() && m.arrows.at(m.open).Fate != InFlight {
		m.open++
	}
}

// mark keeps the marks the lanes show (raftsim.MarkOf): a node going down
// or coming back on its lane, a partition or its healing across them all;
// it reports whether e made one.
func (m *Model) mark(e raftsim.Event) bool {
	kind, _ := raftsim.MarkOf(e)
	node := e.Node
	switch kind {
	case raftsim.MarkCrash, raftsim.MarkRestart:
	case raftsim.MarkPartition, raftsim.MarkHeal:
		node = 0
	default:
		return false
	}
	m.marks = append(m.marks, Mark{AtMs: e.AtMs, Kind: kind, Node: node, Text: e.Text})
	return true
}

// find returns the kept arrow of message id, or nil.
func (m *Model) find(id uint64) *Arrow {
	if m.arrows.len() == 0 || id < m.arrows.at(0).ID {
		return nil
	}
	i := id - m.arrows.at(0).ID
	if i >= uint64(m.arrows.len()) {
		return nil
	}
	return m.arrows.at(int(i))
}

// Arrow returns the kept arrow of message id.
func (m *Model) Arrow(id uint64) (Arrow, bool) {
	if a := m.find(id); a != nil {
		return *a, true
	}
	return Arrow{}, false
}

// forget drops the arrows sent and the marks made more than KeepMs before
// now (those beyond MaxArrows went as the newest came).
func (m *Model) forget(now int64) {
	cut := now - m.opts.KeepMs
	k := 0
	for k < m.arrows.len() && m.arrows.at(k).SentMs < cut {
		k++
	}
	m.dropOldest(k)
	j := 0
	for j < len(m.marks) && m.marks[j].AtMs < cut {
		j++
	}
	m.marks = m.marks[j:]
}

// dropOldest forgets the k oldest arrows.
func (m *Model) dropOldest(k int) {
	if k > 0 {
		m.arrows.dropOldest(k)
		m.open = max(0, m.open-k)
	}
}

// Arrows appends to dst the kept arrows that cross the window [t0, t1] of
// virtual time, in the order they were sent: those sent by t1 that had not
// arrived before t0. An arrow sent by t1 that arrives after it crosses the
// window too: a picture of moment t1 draws it in flight.
func (m *Model) Arrows(t0, t1 int64, dst []Arrow) []Arrow {
	// No arrow that arrived by t0 was sent before t0-longest, and those
	// still in flight start at open.
	from := t0 - m.longestMs
	lo := sort.Search(m.arrows.len(), func(i int) bool { return m.arrows.at(i).SentMs >= from })
	lo = min(lo, m.open)
	for i := lo; i < m.arrows.len() && m.arrows.at(i).SentMs <= t1; i++ {
		if a := m.arrows.at(i); a.Fate == InFlight || a.EndMs >= t0 {
			dst = append(dst, *a)
		}
	}
	return dst
}

// Marks appends to dst the kept marks made in [t0, t1], oldest first.
func (m *Model) Marks(t0, t1 int64, dst []Mark) []Mark {
	for _, k := range m.marks {
		if k.AtMs >= t0 && k.AtMs <= t1 {
			dst = append(dst, k)
		}
	}
	return dst
}

// Stats says how much the model keeps.
type Stats struct {
	Arrows int `json:"arrows"`
	Marks  int `json:"marks"`
	// FromMs is when the oldest kept arrow was sent.
	FromMs int64 `json:"from_ms"`
}

// Stats reports what the model keeps.
func (m *Model) Stats() Stats {
	s := Stats{Arrows: m.arrows.len(), Marks: len(m.marks)}
	if m.arrows.len() > 0 {
		s.FromMs = m.arrows.at(0).SentMs
	}
	return s
}
