package raftsim

import (
	"fmt"
	"math/rand/v2"

	"go.etcd.io/raft/v3"

	"raftplay/raftsim/v2store"
	"raftplay/raftsim/v3store"
)

// The simulator runs raft and the nodes' state machines; what talks to them
// from outside (clients, their workloads and history, the etcdctl console)
// is an App, attached with Sim.Attach. As etcd raft hands its application a
// Ready and lets it decide, the simulator tells the App what each node's
// Ready brought (entries applied, ReadIndex answers) and gives it the calls
// below to propose, read and set timers. The clients' workings (their
// calls, retries, history and its checker) live in the App; the simulator
// only shows what the App reports of them, in the snapshot's ClientsView
// and in EvClient events. raftsim/clients is the App the playground runs.

// App is an application attached to the simulation. Its methods are called
// inside the event that causes them, so they must be deterministic: an App
// draws randomness only from Sim.Rand and time only from Sim.Now.
type App interface {
	// Reset starts the App's state afresh, when a run starts (Attach,
	// Reset, a reset action, Replay).
	Reset()
	// Do does one of the actions AppOps lists. It validates the action
	// against the current state, refusing it with a clear error and no
	// change, and may fill in defaults (a node to go through), which the
	// action log then records.
	Do(a *Action) error
	// Applied says that node applied the entry at index, which carried
	// command c, and that its state machine answered r.
	Applied(node, index uint64, c v2store.Command, r v2store.Result)
	// AppliedV3 says that node applied the entry at index, which carried
	// the v3 command c, and that its v3 store answered r.
	AppliedV3(node, index uint64, c v3store.Command, r v3store.Response)
	// ReadIndexReady is told, after node applied a Ready's entries or the
	// leader's snapshot, the ReadIndex answers that Ready carried (none
	// when it only applied): reads waiting for an index the node has now
	// applied can be served, and watches look at what it now holds.
	ReadIndexReady(node uint64, states []raft.ReadState)
	// Crashed says that node lost its volatile state: whatever waited on
	// it there is gone.
	Crashed(node uint64)
	// Timer is a timer the App set with Sim.After, now due.
	Timer(t AppTimer)
	// View is the App's part of the snapshot.
	View() ClientsView
	// CheckLinearizability advances the check of the App's history by at
	// most budget operations (0 means no limit) and returns its verdict so
	// far; the page takes a step of it between frames.
	CheckLinearizability(budget int) Verdict
}

// AppTimer is a timer an App sets on the virtual clock. The simulator hands
// it back as it was set; its fields mean what the App says they mean.
type AppTimer struct {
	Kind uint8
	ID   uint64
	// Gen tells a timer of an ID's earlier life from the current one.
	Gen uint64
}

// Attach makes app the simulation's App, for this run and every later one,
// and resets it.
func (s *Sim) Attach(app App) {
	s.app = app
	app.Reset()
}

// App returns the attached App, or nil.
func (s *Sim) App() App { return s.app }

// CheckLinearizability advances the attached App's history check by at
// most budget operations and returns the verdict so far; with no App there
// is no history to judge.
func (s *Sim) CheckLinearizability(budget int) Verdict {
	if s.app == nil {
		return Verdict{Status: StatusNoOperations}
	}
	return s.app.CheckLinearizability(budget)
}

// doApp passes an action to the App.
func (s *Sim) doApp(a *Action) error {
	if s.app == nil {
		return fmt.Errorf("%s: no clients are attached to this simulation", a.Op)
	}
	return s.app.Do(a)
}

// clientsView is the App's part of the snapshot; without an App, no
// operations.
func (s *Sim) clientsView() ClientsView {
	if s.app == nil {
		return ClientsView{Linearizable: Verdict{Status: StatusNoOperations}}
	}
	return s.app.View()
}

// Rand is the run's random stream. An App draws from it, so that what it
// does is reproduced by the seed with everything else.
func (s *Sim) Rand() *rand.Rand { return s.rng }

// After sets t to fire ms from now; App.Timer gets it then.
func (s *Sim) After(ms int64, t AppTimer) {
	s.clock.schedule(timer{at: s.clock.now + ms, kind: timerApp, appKind: t.Kind, id: t.ID, epoch: t.Gen})
}

// Emit stamps an event with the time, keeps it and hands it to every
// OnEvent watcher.
func (s *Sim) Emit(e Event) { s.emit(e) }

// NodeIDs lists the nodes' raft IDs, in order.
func (s *Sim) NodeIDs() []uint64 { return s.nodeIDs() }

// Up reports whether node id can take a request now: it runs, and is not
// paused (a paused node's requests would wait unanswered, as a client's to
// a node that is down do).
func (s *Sim) Up(id uint64) bool {
	n := s.node(id)
	return n != nil && n.running()
}

// RequireUp says why node id cannot take a request (unknown, down or
// paused), or returns nil.
func (s *Sim) RequireUp(id uint64) error {
	_, err := s.runningNode(id)
	return err
}

// Role returns node id's role as the event stream last said it.
func (s *Sim) Role(id uint64) Role {
	if n := s.node(id); n != nil {
		return n.role
	}
	return RoleDown
}

// Leader returns the ID of the cluster's leader (see leaderOf), or 0.
func (s *Sim) Leader() uint64 {
	if l := s.leader(); l != nil {
		return l.id
	}
	return 0
}

// AppliedIndex returns the last index node id has applied.
func (s *Sim) AppliedIndex(id uint64) uint64 {
	if n := s.node(id); n != nil {
		return n.applied
	}
	return 0
}

// Propose hands data to node id's raft as a new entry and lets the node act
// on it. raft refuses a proposal at once when the node knows no leader (or
// leadership is being transferred); the error says so.
func (s *Sim) Propose(id uint64, data []byte) error {
	n, err := s.runningNode(id)
	if err != nil {
		return err
	}
	if err := n.raftPropose(data); err != nil {
		return err
	}
	n.pump()
	return nil
}

// ReadIndex asks node id's raft for a read index for the request ctx; the
// answer comes to App.ReadIndexReady. The leader answers it as the run's
// read_only option says: after a heartbeat round with a quorum (etcd's), or
// on its lease (raft's option).
func (s *Sim) ReadIndex(id uint64, ctx []byte) {
	n := s.node(id)
	if n == nil || !n.running() {
		return
	}
	n.raftReadIndex(ctx)
	n.pump()
}

// Read answers op from node id's state machine as it stands, with no
// consensus round: a serializable read.
func (s *Sim) Read(id uint64, op v2store.Op) v2store.Result {
	n := s.node(id)
	if n == nil || !n.running() {
		return v2store.Result{}
	}
	return n.kv.Read(op)
}
