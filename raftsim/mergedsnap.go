package raftsim

import (
	pb "go.etcd.io/raft/v3/raftpb"
	"google.golang.org/protobuf/proto"
)

// mergeSnapshot gives a MsgSnap leaving node n the snapshot etcd's server
// sends in its place: its whole store at its applied index and term, with
// the configuration it has applied (server.go, applyAll's msgSnapC case →
// createMergedSnapshotMessage in snapshot_merge.go). raft's own is the last
// snapshot the node saved, which may be older than a member added since;
// raft on the receiving side ignores a snapshot whose configuration does not
// name it, so only the merged one lets a member added after a compaction
// catch up.
func (s *Sim) mergeSnapshot(n *node, m *pb.Message) {
	if m.GetType() != pb.MsgSnap || n.kv == nil {
		return
	}
	term, err := n.disk.Term(n.applied)
	if err != nil {
		return // cannot happen: a node's log reaches back to its last snapshot, at or below applied
	}
	m.Snapshot = &pb.Snapshot{
		Data: n.stateSnapshot(),
		Metadata: &pb.SnapshotMetadata{
			Index:     proto.Uint64(n.applied),
			Term:      proto.Uint64(term),
			ConfState: proto.Clone(n.confState).(*pb.ConfState),
		},
	}
}
