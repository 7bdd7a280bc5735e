package v2store

import (
	"slices"
	"strings"
)

// node is one key of the tree: a file with a value, or a directory with
// children. Directories are nodes of their own, as in etcd v2: made by mkdir
// or by a write below them, and kept until removed.
type node struct {
	path     string
	value    string
	dir      bool
	children map[string]*node // directories only; looked up, listed sorted
	parent   *node
	created  uint64
	modified uint64
	// expire is the virtual time in ms at which the node expires; 0 for a
	// permanent node.
	expire int64
	// removed is set when the node leaves the tree, so the TTL list can
	// drop it lazily.
	removed bool
}

func newDir(path string, index uint64, parent *node, expire int64) *node {
	return &node{path: path, dir: true, children: map[string]*node{}, parent: parent, created: index, modified: index, expire: expire}
}

// name is the last component of the node's path.
func (n *node) name() string { return n.path[strings.LastIndexByte(n.path, '/')+1:] }

// hidden tells a node etcd leaves out of listings: its name starts with "_".
func (n *node) hidden() bool { return strings.HasPrefix(n.name(), "_") }

// sortedChildren lists a directory's children by name. etcd lists them in
// its map's order, which is no order at all; sorting keeps every node and
// every run alike.
func (n *node) sortedChildren() []*node {
	out := make([]*node, 0, len(n.children))
	for _, name := range n.childNames() {
		out = append(out, n.children[name])
	}
	return out
}

func (n *node) childNames() []string {
	names := make([]string, 0, len(n.children))
	for name := range n.children {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// compare is etcd's node.Compare: which of a prevValue / prevIndex test
// fails, if any. An empty prevValue or a zero prevIndex is not tested.
func (n *node) compare(prevValue string, prevIndex uint64) (ok bool, cause func() string) {
	valueOK := prevValue == "" || n.value == prevValue
	indexOK := prevIndex == 0 || n.modified == prevIndex
	switch {
	case valueOK && indexOK:
		return true, nil
	case valueOK:
		return false, func() string { return bracket(u64(prevIndex), u64(n.modified)) }
	case indexOK:
		return false, func() string { return bracket(prevValue, n.value) }
	}
	return false, func() string {
		return bracket(prevValue, n.value) + " " + bracket(u64(prevIndex), u64(n.modified))
	}
}

func bracket(a, b string) string { return "[" + a + " != " + b + "]" }

// view is the node as an answer shows it, with its children (and theirs,
// when recursive) for a directory that is listed.
func (n *node) view(list, recursive bool, now int64) NodeView {
	v := NodeView{Key: n.path, Dir: n.dir, CreatedIndex: n.created, ModifiedIndex: n.modified, Expire: n.expire}
	if n.path == "/" {
		// etcd's root has no name and no indices of its own.
		v = NodeView{Dir: true}
	}
	if !n.dir {
		v.Value, v.HasValue = n.value, true
	}
	v.TTL = ttlAt(n.expire, now)
	if n.dir && list {
		for _, c := range n.sortedChildren() {
			if !c.hidden() {
				v.Nodes = append(v.Nodes, c.view(recursive, recursive, now))
			}
		}
	}
	return v
}

// ttlAt is etcd's TTL: the seconds left, rounded up.
func ttlAt(expire, now int64) int64 {
	if expire == 0 {
		return 0
	}
	left := expire - now
	ttl := left / 1000
	if left%1000 > 0 {
		ttl++
	}
	return ttl
}

// walk visits the node and everything below it, depth first in name order.
func (n *node) walk(visit func(*node)) {
	visit(n)
	for _, c := range n.sortedChildren() {
		c.walk(visit)
	}
}
