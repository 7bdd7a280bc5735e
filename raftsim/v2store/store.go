package v2store

import (
	"fmt"
	"hash/fnv"
	"path"
)

// Store is a node's state machine: etcd v2's tree of keys and directories,
// fed by committed entries. It is volatile; a restarted node rebuilds it by
// applying its log again.
type Store struct {
	root *node
	// index is the raft index of the last applied entry, etcd's store index.
	index uint64
	// now is the virtual clock in ms, for the TTLs answers show.
	now func() int64
	// sum is the sum of a hash of every node, so it does not depend on
	// map order and updates in O(1) per change.
	sum uint64
	// files counts the keys that hold values.
	files int
	// ttl holds the nodes given a TTL; removed or made permanent ones are
	// dropped when a sync looks through it.
	ttl []*node
	// events is the recent history watches with an index look through;
	// changes the events of the last applied entry.
	events  eventHistory
	changes []Result
	// done remembers each client's last applied write and its result, so a
	// retried write is answered without being applied twice.
	done map[uint64]appliedWrite
}

type appliedWrite struct {
	seq    uint64
	result Result
}

// NewStore returns an empty key space reading the virtual clock (ms) now.
func NewStore(now func() int64) *Store {
	return &Store{root: newDir("/", 0, nil, 0), now: now, done: map[uint64]appliedWrite{}}
}

func nodeHash(n *node) uint64 {
	h := fnv.New64a()
	h.Write([]byte(n.path))
	if n.dir {
		h.Write([]byte{1})
	} else {
		h.Write([]byte{0})
		h.Write([]byte(n.value))
	}
	return h.Sum64()
}

// Hash is the state's fingerprint as shown per node: equal states, equal hashes.
func (s *Store) Hash() string {
	return fmt.Sprintf("%08x", uint32(s.sum^(s.sum>>32)))
}

// CleanKey makes keys absolute, as etcd does: "foo" and "/foo/" are "/foo".
func CleanKey(k string) string {
	return path.Clean(path.Join("/", k))
}

// Keys counts the keys that hold values.
func (s *Store) Keys() int { return s.files }

// Skip records that the entry at index was applied and wrote nothing (an
// empty or configuration entry): reads now reflect index.
func (s *Store) Skip(index uint64) {
	s.index = index
	s.changes = s.changes[:0]
}

// Apply applies a committed write at index and returns its result, or
// answers a quorum read as of index. A write a client retried after it was
// applied gets the first result again.
func (s *Store) Apply(index uint64, c Command) Result {
	s.Skip(index)
	if c.Client != 0 {
		if d, ok := s.done[c.Client]; ok && d.seq >= c.Seq {
			return d.result
		}
	}
	if c.Op.Quorum() {
		// A QGET changes nothing: etcd's applyV2Request answers it with
		// store.Get, as of the entry's index.
		return s.Read(c.Op)
	}
	r := s.write(index, c.Op)
	r.Kind = c.Op.Kind
	if r.OK() && c.Op.Kind != OpSync {
		s.record(r)
	}
	if c.Client != 0 {
		s.done[c.Client] = appliedWrite{seq: c.Seq, result: r}
	}
	return r
}

// Changes are the events the last applied entry made: the write's own, or
// the expiries of a sync.
func (s *Store) Changes() []Result { return s.changes }

func (s *Store) record(e Result) {
	s.changes = append(s.changes, e)
	s.events.add(e)
}

func (s *Store) write(index uint64, op Op) Result {
	key := CleanKey(op.Key)
	var r Result
	var err *Error
	switch op.Kind {
	case OpSet:
		r, err = s.set(index, key, op)
	case OpCreate:
		r, err = s.create(index, key, op, false)
	case OpUpdate:
		r, err = s.update(index, key, op)
	case OpCAS:
		r, err = s.compareAndSwap(index, key, op)
	case OpDelete:
		r, err = s.delete(index, key, op)
	case OpCAD:
		r, err = s.compareAndDelete(index, key, op)
	case OpSync:
		s.expire(index, op.Time)
		return Result{Action: "sync", Index: index}
	}
	if err != nil {
		return failed(op.Kind, *err)
	}
	r.Index = index
	return r
}

func (s *Store) fail(code int, cause string) *Error {
	return &Error{Code: code, Cause: cause, Index: s.index}
}

// get finds the node at key (etcd's internalGet).
func (s *Store) get(key string) (*node, *Error) {
	n := s.root
	for _, name := range components(key) {
		if !n.dir {
			return nil, s.fail(ErrNotDir, n.path)
		}
		child, ok := n.children[name]
		if !ok {
			return nil, s.fail(ErrKeyNotFound, path.Join(n.path, name))
		}
		n = child
	}
	return n, nil
}

// components splits a clean key into its names: "/a/b" is [a b].
func components(key string) []string {
	var out []string
	for start, i := 1, 1; i <= len(key); i++ {
		if i == len(key) || key[i] == '/' {
			if i > start {
				out = append(out, key[start:i])
			}
			start = i + 1
		}
	}
	return out
}

// mkdirs walks to the directory dir, making the missing ones at index
// (etcd's walk with checkDir): a file in the way is error 104.
func (s *Store) mkdirs(dir string, index uint64) (*node, *Error) {
	n := s.root
	for _, name := range components(dir) {
		child, ok := n.children[name]
		switch {
		case !ok:
			child = newDir(path.Join(n.path, name), index, n, 0)
			s.attach(child)
		case !child.dir:
			return nil, s.fail(ErrNotDir, child.path)
		}
		n = child
	}
	return n, nil
}

func (s *Store) attach(n *node) {
	n.parent.children[n.name()] = n
	s.sum += nodeHash(n)
	if !n.dir {
		s.files++
	}
	if n.expire != 0 {
		s.ttl = append(s.ttl, n)
	}
}

// detach removes n and everything below it.
func (s *Store) detach(n *node) {
	delete(n.parent.children, n.name())
	n.walk(func(m *node) {
		m.removed = true
		s.sum -= nodeHash(m)
		if !m.dir {
			s.files--
		}
	})
}

// setValue changes a node's value (and modified index) in place.
func (s *Store) setValue(n *node, value string, index uint64) {
	s.sum -= nodeHash(n)
	n.value, n.modified = value, index
	s.sum += nodeHash(n)
}

// setExpire gives a node a new expiry, or makes it permanent (etcd's UpdateTTL).
func (s *Store) setExpire(n *node, expire int64) {
	n.expire = expire
	if expire != 0 {
		s.ttl = append(s.ttl, n)
	}
}

// create makes the node at key (etcd's internalCreate). With replace it
// replaces a file already there; without, an existing node is error 105.
func (s *Store) create(index uint64, key string, op Op, replace bool) (Result, *Error) {
	action := "create"
	if replace {
		action = "set"
	}
	if op.Unique {
		key = path.Join(key, fmt.Sprintf("%020d", index))
	}
	if key == "/" {
		return Result{}, s.fail(ErrRootReadOnly, "/")
	}
	dir, name := path.Split(key)
	parent, err := s.mkdirs(dir, index)
	if err != nil {
		return Result{}, err
	}
	r := Result{Action: action}
	if old, ok := parent.children[name]; ok {
		if !replace {
			return Result{}, s.fail(ErrNodeExist, key)
		}
		if old.dir {
			return Result{}, s.fail(ErrNotFile, key)
		}
		prev := old.view(false, false, s.now())
		r.PrevNode = &prev
		s.detach(old)
	}
	var n *node
	if op.Dir {
		n = newDir(key, index, parent, op.Expire)
	} else {
		n = &node{path: key, value: op.Value, parent: parent, created: index, modified: index, expire: op.Expire}
	}
	s.attach(n)
	r.NodeView = n.view(false, false, s.now())
	return r, nil
}

func (s *Store) set(index uint64, key string, op Op) (Result, *Error) {
	if _, err := s.get(key); err != nil && err.Code != ErrKeyNotFound {
		return Result{}, err
	}
	return s.create(index, key, op, true)
}

// update changes an existing node: a file's value and TTL, or only a
// directory's TTL.
func (s *Store) update(index uint64, key string, op Op) (Result, *Error) {
	n, err := s.writable(key)
	if err != nil {
		return Result{}, err
	}
	if n.dir && op.Value != "" {
		return Result{}, s.fail(ErrNotFile, key)
	}
	return s.rewrite(index, n, op, "update"), nil
}

// compareAndSwap writes a file whose value or index is what the op expects.
func (s *Store) compareAndSwap(index uint64, key string, op Op) (Result, *Error) {
	n, err := s.compared(key, op)
	if err != nil {
		return Result{}, err
	}
	return s.rewrite(index, n, op, "compareAndSwap"), nil
}

// rewrite gives an existing node the op's value and TTL in place (its
// created index stays).
func (s *Store) rewrite(index uint64, n *node, op Op, action string) Result {
	prev := n.view(false, false, s.now())
	s.setValue(n, op.Value, index)
	s.setExpire(n, op.Expire)
	return Result{Action: action, NodeView: n.view(false, false, s.now()), PrevNode: &prev}
}

// writable finds the node at key for a write that changes or removes it:
// the root is etcd's read-only node.
func (s *Store) writable(key string) (*node, *Error) {
	if key == "/" {
		return nil, s.fail(ErrRootReadOnly, "/")
	}
	return s.get(key)
}

// compared finds the file at key and tests it as a compare-and-swap or
// compare-and-delete does.
func (s *Store) compared(key string, op Op) (*node, *Error) {
	n, err := s.writable(key)
	if err != nil {
		return nil, err
	}
	if n.dir {
		return nil, s.fail(ErrNotFile, key)
	}
	if ok, cause := n.compare(op.PrevValue, op.PrevIndex); !ok {
		return nil, s.fail(ErrCompareFailed, cause())
	}
	return n, nil
}

// delete removes a file, an empty directory (with Dir) or a directory and
// all below it (with Recursive).
func (s *Store) delete(index uint64, key string, op Op) (Result, *Error) {
	n, err := s.writable(key)
	if err != nil {
		return Result{}, err
	}
	if n.dir {
		if !op.Dir && !op.Recursive {
			return Result{}, s.fail(ErrNotFile, key)
		}
		if len(n.children) > 0 && !op.Recursive {
			return Result{}, s.fail(ErrDirNotEmpty, key)
		}
	}
	return s.removed(index, n, "delete"), nil
}

func (s *Store) compareAndDelete(index uint64, key string, op Op) (Result, *Error) {
	n, err := s.compared(key, op)
	if err != nil {
		return Result{}, err
	}
	return s.removed(index, n, "compareAndDelete"), nil
}

// removed takes n out of the tree and returns the event that says so.
func (s *Store) removed(index uint64, n *node, action string) Result {
	prev := n.view(false, false, s.now())
	s.detach(n)
	return Result{Action: action, NodeView: NodeView{Key: n.path, Dir: n.dir, ModifiedIndex: index, CreatedIndex: n.created}, PrevNode: &prev}
}

// Read answers a get or an ls from the node's current state.
func (s *Store) Read(op Op) Result {
	n, err := s.get(CleanKey(op.Key))
	if err != nil {
		return failed(op.Kind, *err)
	}
	return Result{Kind: op.Kind, Action: "get", NodeView: n.view(true, op.Recursive, s.now()), Index: s.index}
}
