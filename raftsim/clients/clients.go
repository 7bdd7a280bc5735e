package clients

import (
	"fmt"
	"strings"

	"go.etcd.io/raft/v3"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// Clients is the simulation's App: every client and every call still
// waiting for an answer. One Clients serves a Sim across its runs; Reset
// starts each run's state afresh.
type Clients struct {
	sim *raftsim.Sim

	list    []*client
	nextID  uint64
	pending map[uint64]*call // by call ID; looked up, never ranged over
	// writes finds a pending write or quorum read by (client, seq) when an
	// entry applies.
	writes map[[2]uint64]*call
	// reads finds a pending ReadIndex read by the context raft echoes back.
	reads map[uint64]*call
	// waiting holds, by node, the calls waiting on that node; looked up,
	// never ranged over.
	waiting map[uint64]*waiting
	history history
	// v3 holds the v3 calls waiting for their answer, v3watches the
	// console's v3 watches.
	v3        v3calls
	v3watches []*v3watch

	// user is the client behind put actions (the playground's write
	// button): one attempt each, so what a fault does to it stays visible.
	user *client
	// etcdctl is the client behind the console; it retries like etcdctl,
	// through the next node.
	etcdctl *client
	// watcher holds the console's watches, which wait without blocking
	// the console's other commands.
	watcher *client
	// curler sends the console's curl requests: to the node the URL names,
	// once.
	curler *client
	// curlForms shows each etcdctl command's curl form under it.
	curlForms bool
	// api is the etcdctl API the console speaks (ETCDCTL_API): 3, as
	// etcdctl 3.4 does by default, or 2.
	api int
	// txn is a txn command reading its lines, nil when none is.
	txn *pendingTxn
	// memberWaits holds the console's member commands waiting for their
	// change to be applied, by sequence number (looked up, never ranged
	// over).
	memberWaits map[uint64]*memberWait
	memberSeq   uint64
	// workload holds the clients that keep calling; stressing says whether
	// the stress writers run.
	workload  []*workloader
	stressing bool

	// lin judges the history; newChecker makes one for each run.
	lin        HistoryChecker
	newChecker func() HistoryChecker
}

// waiting is what waits on one node: watches for their change, ReadIndex
// reads (by call ID, in arrival order) for their index to be applied. A
// crash of the node loses both.
type waiting struct {
	watches []*call
	reads   []uint64
}

// Timer kinds (raftsim.AppTimer.Kind).
const (
	timerTimeout   uint8 = iota + 1 // a call's attempt times out; ID is the call, Gen the attempt
	timerWorkload                   // a workload client makes its next call; ID is the client
	timerMember                     // a console member command looks whether its change is in; ID is its sequence number
	timerV3Timeout                  // a v3 call times out; ID is the call
)

// Attach makes clients the App of sim, for this run and every later one.
func Attach(sim *raftsim.Sim) *Clients {
	c := &Clients{sim: sim}
	sim.Attach(c)
	return c
}

// New builds a cluster from cfg with clients attached (Of finds them).
func New(cfg raftsim.Config) (*raftsim.Sim, error) {
	sim, err := raftsim.New(cfg)
	if err != nil {
		return nil, err
	}
	Attach(sim)
	return sim, nil
}

// Of returns the Clients attached to sim, or nil.
func Of(sim *raftsim.Sim) *Clients {
	c, _ := sim.App().(*Clients)
	return c
}

// Reset starts a run with no calls, the three clients every run has, and a
// fresh history checker.
func (cs *Clients) Reset() {
	cs.list, cs.nextID = nil, 0
	cs.pending, cs.writes, cs.reads = map[uint64]*call{}, map[[2]uint64]*call{}, map[uint64]*call{}
	cs.waiting = map[uint64]*waiting{}
	cs.v3, cs.v3watches = newV3Calls(), nil
	cs.history = history{}
	cs.workload, cs.stressing = nil, false
	cs.user = cs.addClient("you", 0, v2store.ReadLinearizable, 0)
	cs.etcdctl = cs.addClient("etcdctl", 0, v2store.ReadSerializable, 2)
	cs.watcher = cs.addClient("etcdctl watch", 0, v2store.ReadSerializable, 0)
	cs.curler = cs.addClient("curl", 0, v2store.ReadSerializable, 0)
	cs.curlForms = false
	cs.api, cs.txn = 3, nil
	cs.memberWaits, cs.memberSeq = map[uint64]*memberWait{}, 0
	cs.lin = nil
	if cs.newChecker != nil {
		cs.lin = cs.newChecker()
	}
}

// Do does the actions raftsim.AppOps lists.
func (cs *Clients) Do(a *raftsim.Action) error {
	switch a.Op {
	case raftsim.ActPut:
		return cs.put(a)
	case raftsim.ActStress:
		return cs.stress(a.On, a.API == 3)
	case raftsim.ActClients:
		if a.Read == "" {
			a.Read = v2store.ReadLinearizable // as ParseAction fills it in
		}
		if _, err := v2store.ParseReadMode(string(a.Read)); err != nil {
			return fmt.Errorf("clients: %v", err)
		}
		if a.Read == v2store.ReadLease && cs.sim.Config().ReadOnly != raftsim.ReadOnlyLeaseBased {
			// raft sets the option per node, once, as etcd does.
			return fmt.Errorf("clients: lease reads are raft's ReadOnlyLeaseBased, which etcd does not use; they need a run with read_only %q (and check_quorum)",
				raftsim.ReadOnlyLeaseBased)
		}
		cs.startWorkload(mixedOps, a.Count, a.Read, a.API == 3)
	case raftsim.ActConsole:
		if a.Via == 0 {
			a.Via = cs.defaultVia()
		}
		if cs.txn != nil || strings.TrimSpace(a.Line) == "" {
			// A txn reading its lines takes this one, on its own node.
			return cs.consoleLines(a.Line, a.Via)
		}
		if err := cs.sim.RequireUp(a.Via); err != nil && !strings.HasPrefix(strings.TrimSpace(a.Line), "curl") {
			// A curl names its node in its URL; a down one refuses the connection.
			return fmt.Errorf("console via %v", err)
		}
		return cs.consoleLines(a.Line, a.Via)
	default:
		return fmt.Errorf("clients: %q is not a client action", a.Op)
	}
	return nil
}

func (cs *Clients) put(a *raftsim.Action) error {
	if a.Value == "" {
		return fmt.Errorf("put needs a value")
	}
	if a.Key == "" {
		a.Key = a.Value
	}
	if a.Via == 0 {
		a.Via = cs.defaultVia()
	}
	if err := cs.sim.RequireUp(a.Via); err != nil {
		return fmt.Errorf("put via %v", err)
	}
	cs.invoke(cs.user, a.Via, v2store.Op{Kind: v2store.OpSet, Key: a.Key, Value: a.Value}, nil)
	return nil
}

// name is what node id is called in this run (as etcd's --name): its name
// in the config or the one it was added with, n1…n9 when none was given.
func (cs *Clients) name(id uint64) string { return cs.sim.NodeName(id) }

// defaultVia picks the node a client talks to when none is named: the leader
// if there is one, else the lowest running node.
func (cs *Clients) defaultVia() uint64 {
	if l := cs.sim.Leader(); l != 0 {
		return l
	}
	ids := cs.sim.NodeIDs()
	for _, id := range ids {
		if cs.sim.Up(id) {
			return id
		}
	}
	return ids[0]
}

// Timer fires a call's time-out, a workload client's next call or a member
// command's look at its change.
func (cs *Clients) Timer(t raftsim.AppTimer) {
	switch t.Kind {
	case timerTimeout:
		cs.timedOut(t.ID, t.Gen)
	case timerWorkload:
		cs.workloadCall(t.ID)
	case timerMember:
		cs.memberCheck(t.ID)
	case timerV3Timeout:
		cs.v3TimedOut(t.ID)
	}
}

// Crashed drops what waited on node: its watches and ReadIndex reads are
// lost with its memory (the reads time out and retry elsewhere).
func (cs *Clients) Crashed(node uint64) {
	delete(cs.waiting, node)
	cs.dropV3Watches(node)
}

// on returns what waits on node, making it on first use.
func (cs *Clients) on(node uint64) *waiting {
	w := cs.waiting[node]
	if w == nil {
		w = &waiting{}
		cs.waiting[node] = w
	}
	return w
}

// View is the clients' part of the snapshot.
func (cs *Clients) View() raftsim.ClientsView {
	return raftsim.ClientsView{
		Stress: cs.stressing, Workload: len(cs.workload), OpsPerSec: cs.opsPerSecond(),
		Operations: cs.history.len(), Linearizable: cs.verdict(), ConsoleReading: cs.txn != nil,
	}
}

// ReadIndexReady matches ReadIndex answers to the reads waiting on node,
// then serves the reads whose index it has applied.
func (cs *Clients) ReadIndexReady(node uint64, states []raft.ReadState) {
	for _, rs := range states {
		if len(rs.RequestCtx) != 8 {
			continue
		}
		k := cs.reads[callID(rs.RequestCtx)]
		if k != nil && k.via == node {
			k.readAt, k.readKnow = rs.Index, true
		}
	}
	cs.serveReads(node)
	cs.v3ReadIndexReady(node, states)
	// A snapshot from the leader applies no entry, but it may have passed
	// the revision a watch waits for, or compacted it away.
	cs.fireV3Watches(node)
}
