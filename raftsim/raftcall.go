package raftsim

import (
	"fmt"
	"reflect"
	"unsafe"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// Every call into a node's RawNode goes through one of these wrappers. Each
// reads raft's randomness from the simulation's stream (entropy.go) and
// recovers a raft panic: the node halts, the panic becomes a violation, and the
// simulation runs on. Callers check n.up() afterwards. The wrappers are plain
// methods rather than one helper taking a closure so the hot path (ticks,
// steps, Readys) allocates nothing of its own.

func (n *node) enterRaft() { enterRaftStream(&n.sim.raftRand) }

// leaveRaft must be deferred right after enterRaft: recover only works in the
// deferred function itself.
func (n *node) leaveRaft() {
	leaveRaftStream()
	if r := recover(); r != nil {
		n.sim.halt(n, fmt.Sprint(r))
	}
}

func (n *node) raftNew(c *raft.Config) (rn *raft.RawNode, err error) {
	n.enterRaft()
	defer n.leaveRaft()
	return raft.NewRawNode(c)
}

func (n *node) raftTick() {
	n.enterRaft()
	defer n.leaveRaft()
	n.rn.Tick()
}

// raftStep steps m. Step refuses some messages (e.g. a proposal no leader
// takes); raft has then dropped it, which is the network's ordinary fate
// for a message, so only raft's scripts print the error.
func (n *node) raftStep(m *pb.Message) (err error) {
	n.enterRaft()
	defer n.leaveRaft()
	if m.GetType() == pb.MsgReadIndex {
		defer n.readOnlyFor(n.isLeaseRead(m))()
	}
	return n.rn.Step(m)
}

func (n *node) raftReady() (rd raft.Ready, ok bool) {
	n.enterRaft()
	defer n.leaveRaft()
	if !n.rn.HasReady() {
		return rd, false
	}
	return n.rn.Ready(), true
}

func (n *node) raftAdvance(rd *raft.Ready) {
	n.enterRaft()
	defer n.leaveRaft()
	n.rn.Advance(*rd)
}

func (n *node) raftCampaign() {
	n.enterRaft()
	defer n.leaveRaft()
	_ = n.rn.Campaign()
}

func (n *node) raftPropose(data []byte) error {
	n.enterRaft()
	defer n.leaveRaft()
	return n.rn.Propose(data)
}

func (n *node) raftProposeConfChange(cc *pb.ConfChangeV2) error {
	n.enterRaft()
	defer n.leaveRaft()
	return n.rn.ProposeConfChange(cc)
}

func (n *node) raftApplyConfChange(cc *pb.ConfChangeV2) *pb.ConfState {
	n.enterRaft()
	defer n.leaveRaft()
	return n.rn.ApplyConfChange(cc)
}

func (n *node) raftTransfer(to uint64) {
	n.enterRaft()
	defer n.leaveRaft()
	n.rn.TransferLeader(to)
}

func (n *node) raftReportSnapshot(to uint64, status raft.SnapshotStatus) {
	n.enterRaft()
	defer n.leaveRaft()
	n.rn.ReportSnapshot(to, status)
}

func (n *node) raftStatus() raft.BasicStatus {
	n.enterRaft()
	defer n.leaveRaft()
	return n.rn.BasicStatus()
}

// raftFullStatus is raft's Status, with the leader's progress of each member.
func (n *node) raftFullStatus() raft.Status {
	n.enterRaft()
	defer n.leaveRaft()
	return n.rn.Status()
}

// isLeaseRead reports whether a MsgReadIndex carries a lease read: raft puts
// the request's context in its one entry, and the App says what it asked.
func (n *node) isLeaseRead(m *pb.Message) bool {
	return len(m.GetEntries()) == 1 && n.sim.app != nil && n.sim.app.LeaseRead(m.GetEntries()[0].GetData())
}

// raftReadIndex asks raft for a read index; lease makes a leader answer it
// in lease mode (readOnlyFor).
func (n *node) raftReadIndex(ctx []byte, lease bool) {
	n.enterRaft()
	defer n.leaveRaft()
	defer n.readOnlyFor(lease)()
	n.rn.ReadIndex(ctx)
}

// readOnlyFor sets how raft answers the read-index request about to be
// stepped, and returns what restores the node's own setting (ReadOnlySafe).
// etcd raft fixes ReadOnlyOption per node when it is built; clients here
// choose per request, so the option is set around the one call that reads
// it for this request (stepLeader's sendMsgReadIndexResponse). The field is
// private: TestLeaseReadsSkipTheQuorumRound fails if the library renames it. A lease
// read that a new leader must postpone (it has not committed in its term
// yet) is answered later in safe mode: slower, never less safe.
func (n *node) readOnlyFor(lease bool) (restore func()) {
	if !lease {
		return func() {}
	}
	opt := readOnlyOption(n.rn)
	*opt = raft.ReadOnlyLeaseBased
	return func() { *opt = raft.ReadOnlySafe }
}

// readOnlyOption points at raft's readOnly.option of rn.
func readOnlyOption(rn *raft.RawNode) *raft.ReadOnlyOption {
	f := reflect.ValueOf(rn).Elem().FieldByName("raft").Elem().FieldByName("readOnly").Elem().FieldByName("option")
	return (*raft.ReadOnlyOption)(unsafe.Pointer(f.UnsafeAddr()))
}
