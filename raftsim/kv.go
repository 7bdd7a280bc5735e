package raftsim

import (
	"encoding/binary"
	"errors"

	pb "go.etcd.io/raft/v3/raftpb"
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

func (k OpKind) String() string {
	if int(k) < len(opNames) && opNames[k] != "" {
		return opNames[k]
	}
	return "op?"
}

// isWrite tells operations that go through the log.
func (k OpKind) isWrite() bool { return k == OpSet || k == OpDelete || k == OpCAS }

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

// command is a write as it travels through the log: the operation and the
// (client, seq) that identifies it, so a retried write is applied once.
type command struct {
	client, seq uint64
	op          Op
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func (c command) encode() []byte {
	b := binary.AppendUvarint(nil, c.client)
	b = binary.AppendUvarint(b, c.seq)
	b = append(b, byte(c.op.Kind))
	b = appendString(b, c.op.Key)
	b = appendString(b, c.op.Value)
	b = appendString(b, c.op.PrevValue)
	b = binary.AppendUvarint(b, c.op.PrevIndex)
	if c.op.HasPrevIndex {
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

func decodeCommand(b []byte) (command, error) {
	d := &decoder{b: b}
	var c command
	c.client = d.uvarint()
	c.seq = d.uvarint()
	c.op.Kind = OpKind(d.byte())
	c.op.Key = d.string()
	c.op.Value = d.string()
	c.op.PrevValue = d.string()
	c.op.PrevIndex = d.uvarint()
	c.op.HasPrevIndex = d.byte() == 1
	if d.err == nil && !c.op.Kind.isWrite() {
		d.err = errBadCommand
	}
	return c, d.err
}

// entryLabel is the short text shown for an entry: the value it writes, or a
// name for entries that write none.
func entryLabel(e *pb.Entry) string {
	if e.GetType() != pb.EntryNormal {
		return "conf"
	}
	if len(e.GetData()) == 0 {
		// A new leader's empty entry, which commits entries of earlier terms (§5.4.2).
		return "·"
	}
	c, err := decodeCommand(e.GetData())
	switch {
	case err != nil:
		return "?"
	case c.op.Kind == OpDelete:
		return "rm " + c.op.Key
	}
	return c.op.Value
}
