package raftsim

import (
	"fmt"

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

func (n *node) raftProposeConfChange(cc pb.ConfChangeI) error {
	n.enterRaft()
	defer n.leaveRaft()
	return n.rn.ProposeConfChange(cc)
}

func (n *node) raftApplyConfChange(cc pb.ConfChangeI) *pb.ConfState {
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

// raftReadIndex asks raft for a read index, answered as the node's
// ReadOnlyOption says (Config.ReadOnly).
func (n *node) raftReadIndex(ctx []byte) {
	n.enterRaft()
	defer n.leaveRaft()
	n.rn.ReadIndex(ctx)
}
