// Package v2store is etcd's v2 key space as the nodes' state machine: the
// operations clients send (set, create, update, compare-and-swap, delete,
// get, watch) and how reads are served, the commands writes travel through
// the raft log as, the store that applies them with etcd's answers and error
// codes, and the two ways people talk to it: etcdctl's v2 command lines and
// curl requests to /v2/keys. It knows nothing of raft or the simulator,
// which uses it.
package v2store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// OpKind is a key-value operation in etcd's v2 vocabulary.
type OpKind uint8

// The operations clients send. Writes (set, create, update, cas, delete,
// cad, and the leader's sync) go through the raft log; reads (get, ls) are
// answered by one node; a watch waits on one node for the next change.
const (
	OpSet OpKind = iota + 1
	OpDelete
	OpCAS
	OpGet
	OpLs
	OpWatch
	OpCreate // fails when the key exists (etcdctl mk, mkdir)
	OpUpdate // fails when the key does not exist (etcdctl update, updatedir)
	OpCAD    // compare-and-delete (etcdctl rm --with-value / --with-index)
	// OpSync carries the leader's clock through the log; applying it
	// expires the keys whose TTL has run out, as etcd's SYNC request does.
	OpSync
)

var opNames = [...]string{OpSet: "set", OpDelete: "delete", OpCAS: "cas", OpGet: "get", OpLs: "ls", OpWatch: "watch",
	OpCreate: "create", OpUpdate: "update", OpCAD: "cad", OpSync: "sync"}

// String is the operation's etcdctl name, e.g. "set".
func (k OpKind) String() string {
	if int(k) < len(opNames) && opNames[k] != "" {
		return opNames[k]
	}
	return "op?"
}

// IsWrite tells the operations that change the store; they go through the
// log.
func (k OpKind) IsWrite() bool {
	switch k {
	case OpSet, OpDelete, OpCAS, OpCreate, OpUpdate, OpCAD, OpSync:
		return true
	}
	return false
}

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
	// Dir makes a write make (or expect) a directory, and lets a delete
	// remove an empty one.
	Dir bool
	// Recursive makes a delete remove a directory with all below it, a get
	// list everything below Key, and a watch fire on any change under Key.
	Recursive bool
	// Sorted asks a get to list a directory's children in order.
	Sorted bool
	// Unique makes a create add an in-order key below Key, named by its index.
	Unique bool
	// TTL is a write's time to live in seconds (0: none); Expire is the
	// virtual time in ms it ends, fixed when the request is sent, as etcd
	// fixes it on the member that takes the request.
	TTL    int64
	Expire int64
	// AfterIndex makes a watch look from this index on (etcd's waitIndex),
	// in the store's recent history first.
	AfterIndex uint64
	// Time is a sync's clock, in virtual ms.
	Time int64
	// Read is how a get or ls is served.
	Read ReadMode
}

// Quorum tells etcd v2's quorum read (etcdctl get --quorum, ?quorum=true):
// a get or ls proposed through the raft log as a QGET request and answered
// from the store when its entry applies (etcd 3.4's v2_server.go, QGet →
// processRaftRequest; apply_v2.go, applyV2Request, "QGET").
func (o Op) Quorum() bool {
	return (o.Kind == OpGet || o.Kind == OpLs) && o.Read == ReadLinearizable
}

// ThroughLog tells the operations that travel through the raft log as a
// Command: every write, and a quorum read.
func (o Op) ThroughLog() bool { return o.Kind.IsWrite() || o.Quorum() }

// StampTTL fixes when a write with a TTL expires, counted from now (ms).
func (o *Op) StampTTL(now int64) {
	if o.TTL > 0 {
		o.Expire = now + o.TTL*1000
	}
}

// Command is a write or a quorum read (a QGET) as it travels through the
// log: the operation and the (client, seq) that identifies it, so a retried
// write is applied once.
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
	var flags byte
	for i, set := range []bool{c.Op.HasPrevIndex, c.Op.Dir, c.Op.Recursive, c.Op.Unique, c.Op.Sorted} {
		if set {
			flags |= 1 << i
		}
	}
	b = append(b, flags)
	b = binary.AppendVarint(b, c.Op.TTL)
	b = binary.AppendVarint(b, c.Op.Expire)
	return binary.AppendVarint(b, c.Op.Time)
}

var errBadCommand = errors.New("malformed command")

// decoder reads a command field by field, remembering the first error.
type decoder struct {
	b   []byte
	err error
}

// next reads one varint-coded field with read (binary.Uvarint or Varint).
func next[T uint64 | int64](d *decoder, read func([]byte) (T, int)) T {
	v, n := read(d.b)
	if n <= 0 {
		d.err = errBadCommand
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) uvarint() uint64 { return next(d, binary.Uvarint) }

func (d *decoder) varint() int64 { return next(d, binary.Varint) }

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
	flags := d.byte()
	c.Op.HasPrevIndex, c.Op.Dir, c.Op.Recursive, c.Op.Unique = flags&1 != 0, flags&2 != 0, flags&4 != 0, flags&8 != 0
	c.Op.Sorted = flags&16 != 0
	c.Op.TTL, c.Op.Expire, c.Op.Time = d.varint(), d.varint(), d.varint()
	if c.Op.Kind == OpGet || c.Op.Kind == OpLs {
		c.Op.Read = ReadLinearizable // the log carries quorum reads only
	}
	if d.err == nil && !c.Op.ThroughLog() {
		d.err = errBadCommand
	}
	return c, d.err
}

// ReadMode is how a client's reads are served, by the name actions, flags
// and outcomes give it.
type ReadMode string

// The read modes. An Op that reads names one; the log carries
// ReadLinearizable reads only.
const (
	// ReadLinearizable reads are etcd v2's quorum reads (etcdctl get
	// --quorum, ?quorum=true): a QGET entry through the raft log, answered
	// from the store by the node it went through when it applies it (Op.Quorum).
	ReadLinearizable ReadMode = "linearizable"
	// ReadLease reads go through ReadIndex in raft's lease mode
	// (ReadOnlyLeaseBased, raft's option, which etcd does not use; the
	// run's nodes are built with it): the leader answers from its commit
	// index at once, trusting that with CheckQuorum no other leader can
	// have been elected yet.
	ReadLease ReadMode = "lease"
	// ReadSerializable reads are answered at once from the node's own
	// state, which may be stale. etcdctl v2's plain get.
	ReadSerializable ReadMode = "serializable"
)

// ReadModes lists every read mode, safest first.
var ReadModes = [...]ReadMode{ReadLinearizable, ReadLease, ReadSerializable}

// ParseReadMode reads a read mode's name.
func ParseReadMode(name string) (ReadMode, error) {
	for _, m := range ReadModes {
		if string(m) == name {
			return m, nil
		}
	}
	return "", fmt.Errorf("read mode %q: %s", name, ReadModeChoices())
}

// ReadModeNames are the read modes' names, in the order of ReadModes.
func ReadModeNames() []string {
	names := make([]string, len(ReadModes))
	for i, m := range ReadModes {
		names[i] = string(m)
	}
	return names
}

// ReadModeChoices names the read modes for a message: "linearizable, lease
// or serializable".
func ReadModeChoices() string {
	names := ReadModeNames()
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
