package raftsim

import (
	"reflect"
	"unsafe"

	"go.etcd.io/raft/v3"
)

// This file is the only place that touches raft's private state: fields of
// the unexported raft struct behind a RawNode (go.etcd.io/raft/v3 v3.7.0,
// raft.go, type raft). raft offers no public way to any of them: RawNode's
// methods (rawnode.go) and BasicStatus and Status (status.go, getBasicStatus
// and getStatus: ID, HardState, SoftState, Applied, LeadTransferee, the
// tracker's Config and Progress) carry no timer, no pendingConfIndex and no
// last log index. docs/fidelity.md says the same, with the places raft
// changes each field. Each field is found by name through reflect, once,
// and read where raft keeps it, so what is read is exactly what raft acts
// on; TestRaftPrivateFields fails if the library renames or retypes one.
//
//   - The timers (electionElapsed, randomizedElectionTimeout,
//     electionTimeout, heartbeatElapsed, heartbeatTimeout), read for the arc
//     the picture draws round a node (view.go) and for manual mode's "tick
//     until the timer fires" (manual.go). A count kept outside raft would
//     have to repeat every place raft resets electionElapsed (raft.go:
//     reset, tickElection, tickHeartbeat, a granted MsgVote, stepFollower on
//     MsgApp, MsgHeartbeat and MsgSnap, a leadership transfer), a second
//     clock that could drift from the one raft acts on; raft draws
//     randomizedElectionTimeout (resetRandomizedElectionTimeout) from
//     crypto/rand and tells no one.
//   - pendingConfIndex, read to refuse a second membership change as raft's
//     stepLeader (MsgProp) would drop it, and to name the index a proposed
//     change takes (confchange.go): raft hands its new entries out only in
//     the next Ready, later still while the leader's disk syncs.
//   - The one write: randomizedElectionTimeout, for the command
//     set-randomized-election-timeout of raft's interaction scripts
//     (rafttest's handleSetRandomizedElectionTimeout), which raft serves
//     with a hook of its own tests (raft_test.go,
//     SetRandomizedElectionTimeout) that no other package can call. The
//     simulator's entropy (entropy.go) cannot stand in for it: raft draws
//     the timeout only when it resets its term or role
//     (resetRandomizedElectionTimeout, from reset), while the script sets
//     it at once, in the middle of a term.

// raftTimers are raft's own clock of a node, in ticks.
type raftTimers struct {
	electionElapsed, electionTimeout, randomizedElectionTimeout int
	heartbeatElapsed, heartbeatTimeout                          int
}

// raftState is the raft struct behind rn.
func raftState(rn *raft.RawNode) reflect.Value {
	return reflect.ValueOf(rn).Elem().FieldByName("raft").Elem()
}

// raftField is where the field of that name sits in raft's struct, found
// once so that drawing a frame looks up no names.
func raftField(name string) []int {
	rawNode, _ := reflect.TypeFor[raft.RawNode]().FieldByName("raft")
	f, _ := rawNode.Type.Elem().FieldByName(name)
	return f.Index
}

var (
	fieldElectionElapsed           = raftField("electionElapsed")
	fieldElectionTimeout           = raftField("electionTimeout")
	fieldRandomizedElectionTimeout = raftField("randomizedElectionTimeout")
	fieldHeartbeatElapsed          = raftField("heartbeatElapsed")
	fieldHeartbeatTimeout          = raftField("heartbeatTimeout")
	fieldPendingConfIndex          = raftField("pendingConfIndex")
)

// readRaftTimers reads the node's timers.
func readRaftTimers(rn *raft.RawNode) raftTimers {
	r := raftState(rn)
	f := func(at []int) int { return int(r.FieldByIndex(at).Int()) }
	return raftTimers{
		electionElapsed: f(fieldElectionElapsed), electionTimeout: f(fieldElectionTimeout),
		randomizedElectionTimeout: f(fieldRandomizedElectionTimeout),
		heartbeatElapsed:          f(fieldHeartbeatElapsed), heartbeatTimeout: f(fieldHeartbeatTimeout),
	}
}

// readPendingConfIndex reads raft's pendingConfIndex: the index of the last
// configuration change the leader accepted (at least its last index when it
// was elected). raft accepts no other change before it has applied it.
func readPendingConfIndex(rn *raft.RawNode) uint64 {
	return raftState(rn).FieldByIndex(fieldPendingConfIndex).Uint()
}

// writeRandomizedElectionTimeout sets the node's randomized election
// timeout to ticks, as raft's own test hook does.
func writeRandomizedElectionTimeout(rn *raft.RawNode, ticks int) {
	f := raftState(rn).FieldByIndex(fieldRandomizedElectionTimeout)
	reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().SetInt(int64(ticks))
}
