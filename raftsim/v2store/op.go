// Package v2store is etcd's v2 key space as the nodes' state machine: the
// operations clients send (set, get, ls, rm, cas, watch) and how reads are
// served, the commands writes travel through the raft log as, the store that
// applies them with etcd's answers and error codes, and etcdctl's v2 command
// lines. It knows nothing of raft or the simulator, which uses it.
package v2store

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// OpKind is a key-value operation in etcd's v2 vocabulary.
type OpKind uint8

// The operations clients send. Writes (set, delete, cas) go through the raft
// log; reads (get, ls) are answered by one node; a watch waits on one node
// for the next change.
const (
	OpSet OpKind = iota + 1
	OpDelete
	OpCAS
	OpGet
	OpLs
	OpWatch
)

var opNames = [...]string{OpSet: "set", OpDelete: "delete", OpCAS: "cas", OpGet: "get", OpLs: "ls", OpWatch: "watch"}

// String is the operation's etcdctl name, e.g. "set".
func (k OpKind) String() string {
	if int(k) < len(opNames) && opNames[k] != "" {
		return opNames[k]
	}
	return "op?"
}

// IsWrite tells operations that go through the log.
func (k OpKind) IsWrite() bool { return k == OpSet || k == OpDelete || k == OpCAS }

// Op is one client operation.
type Op struct {
	Kind  OpKind
	Key   string
	Value string // set, cas: the new value
	// PrevValue or PrevIndex is what a cas compares with (etcdctl's
	// --swap-with-value and --swap-with-index); HasPrevIndex tells which.
	PrevValue    string
	PrevIndex    uint64
	HasPrevIndex bool
	// Recursive makes a watch fire on any change under Key.
	Recursive bool
	// Read is how a get or ls is served.
	Read ReadMode
}

// Command is a write as it travels through the log: the operation and the
// (client, seq) that identifies it, so a retried write is applied once.
type Command struct {
	Client, Seq uint64
	Op          Op
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Encode is the command as the data of a raft entry.
func (c Command) Encode() []byte {
	b := binary.AppendUvarint(nil, c.Client)
	b = binary.AppendUvarint(b, c.Seq)
	b = append(b, byte(c.Op.Kind))
	b = appendString(b, c.Op.Key)
	b = appendString(b, c.Op.Value)
	b = appendString(b, c.Op.PrevValue)
	b = binary.AppendUvarint(b, c.Op.PrevIndex)
	if c.Op.HasPrevIndex {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	return b
}

var errBadCommand = errors.New("malformed command")

// decoder reads a command field by field, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errBadCommand
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.err = errBadCommand
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.err != nil || uint64(len(d.b)) < n {
		d.err = errBadCommand
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

// DecodeCommand reads a command from the data of a raft entry.
func DecodeCommand(b []byte) (Command, error) {
	d := &decoder{b: b}
	var c Command
	c.Client = d.uvarint()
	c.Seq = d.uvarint()
	c.Op.Kind = OpKind(d.byte())
	c.Op.Key = d.string()
	c.Op.Value = d.string()
	c.Op.PrevValue = d.string()
	c.Op.PrevIndex = d.uvarint()
	c.Op.HasPrevIndex = d.byte() == 1
	if d.err == nil && !c.Op.Kind.IsWrite() {
		d.err = errBadCommand
	}
	return c, d.err
}

// ReadMode is how a client's reads are served.
type ReadMode uint8

const (
	// ReadLinearizable reads go through raft's ReadIndex in its safe mode
	// (ReadOnlySafe): the node learns the leader's commit index, which the
	// leader confirms with a round of heartbeats to a quorum, waits until it
	// has applied that far, then answers. etcdctl get --quorum.
	ReadLinearizable ReadMode = iota
	// ReadLease reads go through ReadIndex in raft's lease mode
	// (ReadOnlyLeaseBased): the leader answers from its commit index at
	// once, trusting that with CheckQuorum no other leader can have been
	// elected yet.
	ReadLease
	// ReadSerializable reads are answered at once from the node's own
	// state, which may be stale. etcdctl v2's plain get.
	ReadSerializable
)

var readModeNames = [...]string{ReadLinearizable: "linearizable", ReadLease: "lease", ReadSerializable: "serializable"}

// String is the read mode's name, as ParseReadMode reads it.
func (m ReadMode) String() string { return readModeNames[m] }

// ParseReadMode reads a read mode's name.
func ParseReadMode(name string) (ReadMode, error) {
	for m, n := range readModeNames {
		if n == name {
			return ReadMode(m), nil
		}
	}
	return 0, fmt.Errorf("read mode %q: linearizable, lease or serializable", name)
}
