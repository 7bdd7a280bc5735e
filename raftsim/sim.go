package raftsim

import (
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"

	"go.etcd.io/raft/v3"
)

// Sim is a whole simulated cluster: nodes, network, disks, clock and
// checker, and the App attached to it. It is not safe for concurrent use; separate Sims are independent,
// even when they run in parallel goroutines.
type Sim struct {
	cfg   Config
	clock clock
	net   network
	// nodes are kept in ID order. A node's raft ID is its identity
	// everywhere (network, views, actions); an ID is never reused, so a
	// node that leaves and one that joins are never confused.
	nodes []*node

	// rng draws latencies, disk times, losses and clock phases. raftRand is a
	// separate stream, read only by raft's election-timeout draws, so that
	// what raft draws never shifts the network's draws and vice versa.
	rng      *rand.Rand
	raftRand io.Reader

	// app talks to the cluster from outside (see App); nil runs raft alone.
	app App
	// syncSet is set while a TTL sync is scheduled (ttlsync.go).
	syncSet bool
	// leaseCheckSet is set while a lease check is scheduled (lessor.go).
	leaseCheckSet bool

	checker     checker
	events      eventRing
	watchers    []watcher
	nextWatcher uint64

	paused bool
	// manual holds the clock and the network (manual.go): nothing fires by
	// itself, and the user delivers, ticks and hands over Readys.
	manual bool
	// bare runs nodes as raft's interaction scripts do (raftscript.go): an
	// entry applied is only applied, with no key space, membership
	// bookkeeping or snapshots of raftplay's own around it.
	bare bool
	// raftSink takes the lines raft logs while a console line of raft's
	// script language runs; nil silences them.
	raftSink raft.Logger
	speed    float64
	actions  []ActionRecord
	// fired counts the events processed in this run: with the virtual time
	// it places an action exactly, even between two events of one millisecond.
	fired uint64
	// generation counts the runs this Sim has held: New starts the first,
	// and every reset and replay starts the next, so a view can tell a new
	// run from the same run with time moved back.
	generation uint64
	// shown is the last snapshot made and changes its parts' generation
	// numbers (changes.go).
	shown   *Snapshot
	changes Changes
}

// New builds a cluster from cfg and starts every node.
func New(cfg Config) (*Sim, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	s := &Sim{speed: 1}
	s.init(cfg)
	return s, nil
}

// Reset starts a new run from cfg in place: the same Sim, so whoever holds it
// (the renderer, the event watchers) carries on with the new run.
func (s *Sim) Reset(cfg Config) error {
	if err := cfg.Validate(); err != nil {
		return err
	}
	s.init(cfg)
	return nil
}

// init (re)builds everything that belongs to one run.
func (s *Sim) init(cfg Config) {
	seed := uint64(cfg.Seed)
	s.generation++
	s.fired = 0
	s.cfg = cfg
	s.clock = clock{}
	s.syncSet = false
	s.leaseCheckSet = false
	s.manual, s.bare = false, false
	s.net = network{}
	s.rng = rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	s.raftRand = newRaftStream(cfg, seed)
	if s.app != nil {
		s.app.Reset()
	}
	s.checker = newChecker(s.name)
	s.actions = nil
	voters := bootstrapVoters(cfg)
	s.nodes = make([]*node, cfg.Nodes)
	for i := range s.nodes {
		s.nodes[i] = &node{id: uint64(i + 1), sim: s, disk: newDisk(voters), phase: s.rng.Int64N(cfg.TickMs)}
	}
	if cfg.LossRate > 0 {
		s.setLoss(0, 0, cfg.LossRate) // every link; cannot fail
	}
	for _, n := range s.nodes {
		// A fresh node over an empty disk cannot fail to start.
		if err := n.start(); err != nil {
			panic(err)
		}
	}
}

func seedBytes(seed uint64) (b [32]byte) {
	for i := range 4 {
		seed = seed*6364136223846793005 + 1442695040888963407
		for j := range 8 {
			b[i*8+j] = byte(seed >> (8 * j))
		}
	}
	return b
}

// Config returns the configuration of the current run.
func (s *Sim) Config() Config { return s.cfg }

// Now returns the virtual time in milliseconds.
func (s *Sim) Now() int64 { return s.clock.now }

// Actions returns the action log: every applied action with its virtual time.
func (s *Sim) Actions() []ActionRecord { return append([]ActionRecord(nil), s.actions...) }

// watcher is a function OnEvent registered, with the ID that cancels it.
type watcher struct {
	id uint64
	f  func(Event)
}

// OnEvent registers f to be called with every event as it happens, across
// resets, until the returned cancel is called.
func (s *Sim) OnEvent(f func(Event)) (cancel func()) {
	s.nextWatcher++
	id := s.nextWatcher
	s.watchers = append(s.watchers, watcher{id, f})
	return func() {
		s.watchers = slices.DeleteFunc(s.watchers, func(w watcher) bool { return w.id == id })
	}
}

// Events returns the most recent events with a sequence number above since,
// oldest first. Only the latest few hundred are kept; OnEvent sees them all.
func (s *Sim) Events(since uint64) []Event { return s.events.since(nil, since, s.name) }

// AppendEvents appends to dst what Events(since) returns: a page reading
// the new events every frame reuses one slice instead of making a new one
// each time.
func (s *Sim) AppendEvents(dst []Event, since uint64) []Event {
	return s.events.since(dst, since, s.name)
}

// name is what node id is called in this run: the name it was added with,
// else Config.NodeName.
func (s *Sim) name(id uint64) string {
	if n := s.node(id); n != nil && n.name != "" {
		return n.name
	}
	return s.cfg.NodeName(id)
}

// Advance processes every event due up to now+ms and moves the clock there.
func (s *Sim) Advance(ms int64) {
	if ms > 0 {
		s.AdvanceTo(s.clock.now + ms)
	}
}

// AdvanceTo processes every event due at or before t and moves the clock to
// t. In manual mode the clock is held: nothing happens.
func (s *Sim) AdvanceTo(t int64) {
	if s.manual {
		return
	}
	for {
		tm, ok := s.clock.next(t)
		if !ok {
			break
		}
		s.fire(tm)
	}
	if t > s.clock.now {
		s.clock.now = t
	}
}

// Step processes exactly one event, moving the clock to its time. It reports
// false when nothing is scheduled, or the clock is held (manual mode).
func (s *Sim) Step() bool {
	at, ok := s.clock.peek()
	if !ok || s.manual {
		return false
	}
	tm, _ := s.clock.next(at)
	s.fire(tm)
	return true
}

// NextEventAt reports when the next scheduled event is due.
func (s *Sim) NextEventAt() (int64, bool) { return s.clock.peek() }

// fire runs one timer, then the checker.
func (s *Sim) fire(t timer) {
	s.fired++
	n := s.node(t.node)
	switch t.kind {
	case timerTick:
		if n.up() && n.epoch == t.epoch && n.paused {
			n.pausedWork.tick = true // the chain of ticks starts again on resume
		} else if n.up() && n.epoch == t.epoch {
			n.tick()
			if n.up() && n.epoch == t.epoch {
				s.clock.schedule(timer{at: s.clock.now + s.cfg.TickMs, kind: timerTick, node: n.id, epoch: n.epoch})
			}
		}
	case timerDiskSync:
		// A sync handed over by hand in manual mode leaves its timer behind:
		// only the timer of the sync under way completes it.
		if n.up() && n.epoch == t.epoch && n.syncing != nil && n.syncDoneMs == t.at {
			if n.paused {
				n.pausedWork.synced = true
			} else {
				n.synced()
			}
		}
	case timerWriteBack:
		if n.up() && n.epoch == t.epoch {
			n.disk.writeBack()
		}
	case timerDeliver:
		s.deliver(t.id)
	case timerApp:
		s.app.Timer(AppTimer{Kind: t.appKind, ID: t.id, Gen: t.epoch})
	case timerSync:
		s.syncTTLs()
	case timerLeaseCheck:
		s.checkLeases()
	case timerStopRemoved:
		s.stopRemoved(n, s.name(n.id)+" removed, stopped")
	}
}

// node returns the node with raft ID id, or nil.
func (s *Sim) node(id uint64) *node {
	i, ok := s.nodeIndex(id)
	if !ok {
		return nil
	}
	return s.nodes[i]
}

// nodeIndex finds node id in s.nodes, or where it would go.
func (s *Sim) nodeIndex(id uint64) (int, bool) {
	return slices.BinarySearchFunc(s.nodes, id, func(n *node, id uint64) int { return cmp.Compare(n.id, id) })
}

// nodeIDs lists the nodes' IDs in order.
func (s *Sim) nodeIDs() []uint64 {
	ids := make([]uint64, len(s.nodes))
	for i, n := range s.nodes {
		ids[i] = n.id
	}
	return ids
}

// scheduleTick sets a freshly started node's first tick at its next phase.
func (s *Sim) scheduleTick(n *node) {
	now, tick := s.clock.now, s.cfg.TickMs
	at := now - now%tick + n.phase
	if at <= now {
		at += tick
	}
	s.clock.schedule(timer{at: at, kind: timerTick, node: n.id, epoch: n.epoch})
}

func (s *Sim) scheduleDiskSync(n *node) {
	n.syncDoneMs = s.clock.now + s.diskTime()
	s.clock.schedule(timer{at: n.syncDoneMs, kind: timerDiskSync, node: n.id, epoch: n.epoch})
}

// scheduleWriteBack sets when a lying disk writes back what it has
// acknowledged.
func (s *Sim) scheduleWriteBack(n *node) {
	s.clock.schedule(timer{at: s.clock.now + writeBackMs, kind: timerWriteBack, node: n.id, epoch: n.epoch})
}

func (s *Sim) diskTime() int64 {
	return s.cfg.DiskMinMs + s.rng.Int64N(s.cfg.DiskMaxMs-s.cfg.DiskMinMs+1)
}

// emit stamps an event, keeps it and hands it to every watcher.
func (s *Sim) emit(e Event) {
	e.AtMs = s.clock.now
	if len(s.watchers) > 0 {
		e.describeMessage(s.name)
	}
	e = s.events.add(e)
	for _, w := range s.watchers {
		w.f(e)
	}
}

// halt stops a node on which raft panicked and reports it as a violation.
func (s *Sim) halt(n *node, reason string) {
	n.crash()
	n.halted = true
	s.emit(Event{Kind: EvHalt, Node: n.id, Text: fmt.Sprintf("%s halted: raft panicked: %s", s.name(n.id), reason)})
	s.linkStreams()
	s.violate("raft-panic", fmt.Sprintf("%s: %s", s.name(n.id), reason))
}

func (s *Sim) violate(invariant, detail string) {
	if !s.checker.record(Violation{AtMs: s.clock.now, Invariant: invariant, Detail: detail}) {
		return
	}
	s.emit(Event{Kind: EvViolation, Text: fmt.Sprintf("VIOLATION %s: %s", invariant, detail)})
}
