package v2store

import (
	"encoding/binary"
	"errors"
	"slices"
)

// A store's snapshot is what etcd's v2 store saves for a raft snapshot: the
// tree and the store index, plus the last applied write of each client (so a
// write retried after the snapshot is still applied once). It is a compact
// binary form, the same bytes for the same state on every node and platform:
// nodes in depth-first name order, clients in ID order, varint numbers.
//
// The watch history is not kept, so that snapshots stay small: a store
// restored from one starts with none, and a watch that looks back before the
// snapshot is told the history was cleared (etcd's error 401).

// snapshotVersion is the first byte of every snapshot, so a reader can tell
// one it does not know.
const snapshotVersion = 1

var errBadSnapshot = errors.New("malformed store snapshot")

// Snapshot returns the store's state as bytes that Restore reads back.
func (s *Store) Snapshot() []byte {
	b := []byte{snapshotVersion}
	b = binary.AppendUvarint(b, s.index)
	var nodes []*node
	s.root.walk(func(n *node) {
		if n != s.root {
			nodes = append(nodes, n)
		}
	})
	b = binary.AppendUvarint(b, uint64(len(nodes)))
	for _, n := range nodes {
		b = appendString(b, n.path)
		b = appendBool(b, n.dir)
		b = appendString(b, n.value)
		b = binary.AppendUvarint(b, n.created)
		b = binary.AppendUvarint(b, n.modified)
		b = binary.AppendVarint(b, n.expire)
	}
	clients := make([]uint64, 0, len(s.done))
	for c := range s.done {
		clients = append(clients, c)
	}
	slices.Sort(clients)
	b = binary.AppendUvarint(b, uint64(len(clients)))
	for _, c := range clients {
		d := s.done[c]
		b = binary.AppendUvarint(b, c)
		b = binary.AppendUvarint(b, d.seq)
		b = appendResult(b, d.result)
	}
	return b
}

// Restore returns the store a snapshot describes, reading the virtual clock
// (ms) now.
func Restore(data []byte, now func() int64) (*Store, error) {
	d := &decoder{b: data}
	if d.byte() != snapshotVersion {
		return nil, errBadSnapshot
	}
	s := NewStore(now)
	s.index = d.uvarint()
	s.events.from = s.index + 1
	dirs := map[string]*node{"/": s.root}
	for range d.count() {
		n := &node{path: d.string(), dir: d.bool(), value: d.string(), created: d.uvarint(), modified: d.uvarint(), expire: d.varint()}
		// Parents come before their children in depth-first order.
		n.parent = dirs[parentPath(n.path)]
		if d.err != nil || n.parent == nil {
			return nil, errBadSnapshot
		}
		if n.dir {
			n.children = map[string]*node{}
			dirs[n.path] = n
		}
		s.attach(n)
	}
	for range d.count() {
		c, seq := d.uvarint(), d.uvarint()
		s.done[c] = appliedWrite{seq: seq, result: d.result()}
	}
	if d.err != nil || len(d.b) > 0 {
		return nil, errBadSnapshot
	}
	return s, nil
}

// oldest is the first index the history can answer a watch from, and
// whether events before it were lost (dropped from a full history, or left
// behind in a snapshot).
func (h *eventHistory) oldest() (uint64, bool) {
	if h.dropped {
		return h.at(0).Index, true
	}
	return h.from, h.from > 0
}

// parentPath is the path of the directory holding key.
func parentPath(key string) string {
	for i := len(key) - 1; i > 0; i-- {
		if key[i] == '/' {
			return key[:i]
		}
	}
	return "/"
}

// appendResult writes a write's result: its action, node, previous node,
// index and error. A write's answer lists no children.
func appendResult(b []byte, r Result) []byte {
	b = append(b, byte(r.Kind))
	b = appendString(b, r.Action)
	b = appendNodeView(b, r.NodeView)
	b = appendBool(b, r.PrevNode != nil)
	if r.PrevNode != nil {
		b = appendNodeView(b, *r.PrevNode)
	}
	b = binary.AppendUvarint(b, r.Index)
	b = binary.AppendVarint(b, int64(r.ErrCode))
	return appendString(b, r.Cause)
}

func appendNodeView(b []byte, v NodeView) []byte {
	b = appendString(b, v.Key)
	b = appendString(b, v.Value)
	b = appendBool(b, v.HasValue)
	b = appendBool(b, v.Dir)
	b = binary.AppendVarint(b, v.Expire)
	b = binary.AppendVarint(b, v.TTL)
	b = binary.AppendUvarint(b, v.ModifiedIndex)
	return binary.AppendUvarint(b, v.CreatedIndex)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func (d *decoder) bool() bool { return d.byte() != 0 }

// count reads a length, bounded by what is left to read so a corrupt one
// cannot make a huge loop.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errBadSnapshot
		return 0
	}
	return int(n)
}

func (d *decoder) result() Result {
	r := Result{Kind: OpKind(d.byte()), Action: d.string(), NodeView: d.nodeView()}
	if d.bool() {
		prev := d.nodeView()
		r.PrevNode = &prev
	}
	r.Index = d.uvarint()
	r.ErrCode = int(d.varint())
	r.Cause = d.string()
	return r
}

func (d *decoder) nodeView() NodeView {
	return NodeView{Key: d.string(), Value: d.string(), HasValue: d.bool(), Dir: d.bool(),
		Expire: d.varint(), TTL: d.varint(), ModifiedIndex: d.uvarint(), CreatedIndex: d.uvarint()}
}
