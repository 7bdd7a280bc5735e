package raftsim

import (
	"fmt"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// MsgType is raft's message type (raftpb.MessageType) as events, snapshots
// and traces carry it. It is written by raft's name for it ("MsgHeartbeat"),
// so JSON and text read as raft's own logs do, while code compares raft's
// values and asks raft's IsResponseMsg rather than reading the name.
type MsgType pb.MessageType

// Raft is the type as raftpb declares it.
func (t MsgType) Raft() pb.MessageType { return pb.MessageType(t) }

// IsResponse reports whether the message answers another, as raft's
// IsResponseMsg says.
func (t MsgType) IsResponse() bool { return raft.IsResponseMsg(t.Raft()) }

// String is raft's name of the type, e.g. "MsgHeartbeat".
func (t MsgType) String() string {
	if int(t) < len(msgTypeNames) {
		return msgTypeNames[t]
	}
	return t.Raft().String()
}

// MarshalText writes the type by its name.
func (t MsgType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads a type by its name.
func (t *MsgType) UnmarshalText(b []byte) error {
	v, ok := pb.MessageType_value[string(b)]
	if !ok {
		return fmt.Errorf("no raft message type is called %q", b)
	}
	*t = MsgType(v)
	return nil
}

// msgTypeNames holds raft's message type names by number, so that naming the
// message of every event costs an index, not a protobuf enum lookup.
var msgTypeNames = func() []string {
	names := make([]string, len(pb.MessageType_name))
	for i := range names {
		names[i] = pb.MessageType(i).String()
	}
	return names
}()
