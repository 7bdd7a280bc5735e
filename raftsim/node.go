package raftsim

import (
	"fmt"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"

	"raftplay/raftsim/v2store"
	"raftplay/raftsim/v3store"
)

// etcd's limits on what raft sends (etcdserver/raft.go): a MsgApp carries
// at most 1 MiB of entries, and at most 4096/8 of them are in flight to one
// follower (maxInflightMsgs, sized so rafthttp's 4096-message buffer holds
// what raft sends).
const (
	maxSizePerMsg   = 1 << 20
	maxInflightMsgs = 4096 / 8
)

// node is one cluster member: a RawNode (nil while down) over its durable
// disk, plus the volatile state etcd would lose in a crash.
type node struct {
	id uint64
	// name is the name add-member gave the node; empty for the default
	// (Config.NodeName).
	name string
	sim  *Sim
	disk *disk
	// phase is when, within each tick interval, this node's clock ticks, so
	// the nodes' clocks are not in lockstep.
	phase int64

	rn     *raft.RawNode
	epoch  uint64 // incremented at every crash and restart
	halted bool   // raft panicked on this node
	// removed is set once the node is out of the cluster: actions on it are
	// refused from then on. stopped is set when it stops for good, a little
	// later when it is running (memberstop.go).
	removed, stopped bool

	// syncing is the Ready whose entries and hard state are on their way to
	// disk. Its messages wait for the sync, as raft's contract demands, and
	// no new Ready is taken until it is done.
	syncing *raft.Ready
	// syncDoneMs is when the sync of syncing completes.
	syncDoneMs int64
	// handling is set while a Ready is being completed. The App, told of an
	// applied entry there, can send a new request to this very node; that
	// request's pump must wait for the loop already under way, as RawNode
	// takes no new Ready before Advance.
	handling bool
	// lying makes the disk acknowledge writes before they are durable.
	lying bool
	// paused is set while the node's process is stopped (pause-node,
	// nodepause.go); what comes due for it meanwhile waits in pausedWork.
	paused     bool
	pausedWork pausedWork
	// handed is the Ready last handed over by hand in manual mode.
	handed *HandedReadyView
	// raftConfig, when set, is the raft configuration the node starts with
	// instead of the run's (a node raft's interaction scripts added).
	raftConfig *raft.Config
	// appended is a bare node's state machine, rafttest's "appender": the
	// data of every entry applied, one after another.
	appended []byte

	kv *v2store.Store
	v3 *v3store.Store
	// lessor keeps the leases' clocks while the node leads (lessor.go).
	lessor  lessor
	applied uint64
	// confState is the configuration as of the applied state: what a
	// snapshot of it records. confIndex is the index it was applied at (the
	// snapshot's, when it came with one).
	confState *pb.ConfState
	confIndex uint64
	// snapIndex and snapTerm are those of the snapshot on the node's disk
	// (readSnapshotMeta).
	snapIndex, snapTerm uint64

	// What the event stream last said about this node.
	role   Role
	term   uint64
	commit uint64
}

func (n *node) up() bool { return n.rn != nil }

// start builds a RawNode over the durable disk: a cold start or, after a
// crash, a recovery like etcd's from its WAL and snapshot.
func (n *node) start() error {
	cfg := n.sim.cfg
	// etcd's values (etcdserver/bootstrap.go, raftConfig), but for the
	// timing, CheckQuorum (always on in etcd) and the read-only option, which
	// a run may set otherwise. etcd leaves StepDownOnRemoval off: a
	// removed leader leads on until its server stops it (memberstop.go).
	rc := &raft.Config{
		ID:              n.id,
		ElectionTick:    cfg.ElectionTicks,
		HeartbeatTick:   cfg.HeartbeatTicks,
		Storage:         n.disk,
		MaxSizePerMsg:   maxSizePerMsg,
		MaxInflightMsgs: maxInflightMsgs,
		CheckQuorum:     cfg.CheckQuorum,
		PreVote:         cfg.PreVote,
		ReadOnlyOption:  raft.ReadOnlySafe,
		Logger:          raftLogger{n.sim},
	}
	if cfg.ReadOnly == ReadOnlyLeaseBased {
		rc.ReadOnlyOption = raft.ReadOnlyLeaseBased
	}
	if n.raftConfig != nil {
		// A raft script's node takes the script's config.
		c := *n.raftConfig
		c.ID, c.Storage = n.id, n.disk
		rc = &c
	}
	snap, err := n.disk.Snapshot()
	if err != nil {
		return fmt.Errorf("%s could not read its snapshot: %v", n.sim.name(n.id), err)
	}
	// Entries up to the snapshot are in the state machine already; raft
	// hands out the log's tail from there, as etcd restarts.
	rc.Applied = snap.GetMetadata().GetIndex()
	rn, err := n.raftNew(rc)
	if err != nil || rn == nil {
		return fmt.Errorf("%s could not start: %v", n.sim.name(n.id), err)
	}
	n.rn = rn
	n.epoch++
	n.halted = false
	n.role = RoleFollower
	if !n.restore(snap) {
		return fmt.Errorf("%s could not read its snapshot", n.sim.name(n.id))
	}
	// Without a snapshot, the configuration is the one the cluster started with.
	_, n.confState, _ = n.disk.InitialState()
	n.sim.scheduleTick(n)
	n.sim.linkStreams()
	return nil
}

// crash throws away the RawNode and every volatile thing: the state machine,
// messages raft had not handed out, and a sync still under way.
func (n *node) crash() {
	n.disk.crash()
	// A lying disk falls back to its durable image, snapshot included.
	n.readSnapshotMeta()
	n.rn = nil
	n.syncing = nil
	n.handed = nil
	n.kv, n.v3 = nil, nil
	n.lessor = lessor{}
	n.applied = 0
	n.epoch++
	n.role = RoleDown
	n.dropPausedWork()
	if n.sim.app != nil {
		n.sim.app.Crashed(n.id)
	}
}

func (n *node) tick() {
	n.raftTick()
	n.pump()
}

func (n *node) step(m *pb.Message) {
	n.raftStep(m)
	n.pump()
}

// pump takes Readys from raft until it has none, or one must wait for the
// disk; a paused process takes none, nor does any node in manual mode,
// where each Ready waits to be handed over.
func (n *node) pump() {
	if n.handling || n.paused || n.sim.manual {
		return
	}
	for n.up() && n.syncing == nil {
		rd, ok := n.raftReady()
		if !ok || !n.up() {
			return
		}
		n.sim.observeReady(n, &rd)
		mustPersist := !raft.IsEmptySnap(rd.Snapshot) || len(rd.Entries) > 0 || !raft.IsEmptyHardState(rd.HardState)
		if mustPersist && !n.lying {
			// Copied so that only Readys that wait for the disk live on the heap.
			pending := rd
			n.syncing = &pending
			n.sim.scheduleDiskSync(n)
			return
		}
		n.finish(&rd)
	}
}

// synced is called when the disk has made the pending Ready durable.
func (n *node) synced() {
	rd := n.syncing
	n.syncing = nil
	n.finish(rd)
	n.pump()
}

// finish completes a Ready in the order raft's contract sets: persist (done
// by now), send, apply, advance.
func (n *node) finish(rd *raft.Ready) {
	if n.sim.bare {
		n.finishBare(rd)
		return
	}
	n.handling = true
	defer func() { n.handling = false }()
	w := diskWrite{snap: rd.Snapshot, entries: rd.Entries, hs: rd.HardState}
	if err := n.disk.write(w, n.lying); err != nil {
		n.sim.halt(n, "disk write failed: "+err.Error())
		return
	}
	if n.lying && w.persists() && !n.disk.writeBackDue {
		n.disk.writeBackDue = true
		n.sim.scheduleWriteBack(n)
	}
	n.sim.observePersisted(n, rd)
	for _, m := range rd.Messages {
		n.sim.send(n, m)
	}
	if !raft.IsEmptySnap(rd.Snapshot) {
		n.restoredFromLeader(rd.Snapshot)
	}
	for _, e := range rd.CommittedEntries {
		if !n.up() {
			break // stopped by an entry applied just now: it removed the node
		}
		n.apply(e)
	}
	if n.up() && len(rd.CommittedEntries) > 0 {
		n.maybeSnapshot()
		n.sim.stopLostJoiners(n)
	}
	if n.sim.app != nil && (len(rd.ReadStates) > 0 || len(rd.CommittedEntries) > 0 || !raft.IsEmptySnap(rd.Snapshot)) {
		n.sim.app.ReadIndexReady(n.id, rd.ReadStates)
	}
	if n.up() {
		n.raftAdvance(rd)
	}
}

func (n *node) apply(e *pb.Entry) {
	n.applied = e.GetIndex()
	n.kv.Skip(e.GetIndex())
	if e.GetType() == pb.EntryNormal && v3store.IsEntry(e.GetData()) {
		n.applyV3(e)
		return
	}
	if e.GetType() == pb.EntryNormal && len(e.GetData()) == 0 && n.role == RoleLeader {
		// A new leader's first entry is applied: its lessor takes over.
		n.lessor.promote(n, int64(n.sim.cfg.ElectionTicks)*n.sim.cfg.TickMs)
	}
	var c v2store.Command
	var r v2store.Result
	if e.GetType() == pb.EntryNormal && len(e.GetData()) > 0 {
		var err error
		if c, err = v2store.DecodeCommand(e.GetData()); err == nil {
			r = n.kv.Apply(e.GetIndex(), c)
			n.sim.scheduleSync(n)
		}
	}
	n.sim.observeApplied(n, e, c, r)
	if e.GetType() == pb.EntryConfChange || e.GetType() == pb.EntryConfChangeV2 {
		n.applyConfChange(e)
	}
}

// logView returns the node's log as it stands: the durable entries, with the
// entries still syncing laid over them (they may replace a durable suffix).
func (n *node) logView() (ents []*pb.Entry, durableUpTo uint64) {
	ents = n.disk.entries(1)
	durableUpTo, _ = n.disk.LastIndex()
	if n.syncing != nil && len(n.syncing.Entries) > 0 {
		first := n.syncing.Entries[0].GetIndex()
		for len(ents) > 0 && ents[len(ents)-1].GetIndex() >= first {
			ents = ents[:len(ents)-1]
		}
		durableUpTo = min(durableUpTo, first-1)
		ents = append(ents[:len(ents):len(ents)], n.syncing.Entries...)
	}
	if n.disk.durable != nil {
		last, _ := n.disk.durable.LastIndex()
		durableUpTo = min(durableUpTo, last)
	}
	return ents, durableUpTo
}

func roleName(s raft.StateType) Role {
	switch s {
	case raft.StateLeader:
		return RoleLeader
	case raft.StateCandidate:
		return RoleCandidate
	case raft.StatePreCandidate:
		return RolePreCandidate
	}
	return RoleFollower
}
