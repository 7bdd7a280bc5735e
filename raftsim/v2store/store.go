package v2store

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
)

// etcd v2 error codes, with the messages etcd gives them.
const (
	ErrKeyNotFound   = 100
	ErrCompareFailed = 101
	ErrNotFile       = 102
	ErrNotDir        = 104
)

var errMessages = map[int]string{
	ErrKeyNotFound:   "Key not found",
	ErrCompareFailed: "Compare failed",
	ErrNotFile:       "Not a file",
	ErrNotDir:        "Not a directory",
}

// Result is what a node answers to an operation.
type Result struct {
	Kind  OpKind
	Key   string
	Value string
	// PrevValue is the value a set, delete or cas replaced, when there was one.
	PrevValue string
	HadPrev   bool
	// Index is the store index the answer reflects: the write's own index,
	// or the index of the state that was read.
	Index uint64
	// Dir is set when Key names a directory; Children lists an ls.
	Dir      bool
	Children []string
	// ErrCode is an etcd v2 error code (0 for success), with its cause.
	ErrCode int
	Cause   string
}

// OK reports whether the operation succeeded.
func (r Result) OK() bool { return r.ErrCode == 0 }

// Error renders a failed result as etcdctl does:
// "Error: 101: Compare failed ([two != one]) [15]".
func (r Result) Error() string {
	return fmt.Sprintf("Error: %d: %s (%s) [%d]", r.ErrCode, errMessages[r.ErrCode], r.Cause, r.Index)
}

// Store is a node's state machine: etcd v2's hierarchical key space, fed by
// committed entries. It is volatile; a restarted node rebuilds it by applying
// its log again.
type Store struct {
	files map[string]kvFile // full key -> value; directories are implicit
	dirs  map[string]int    // directory -> number of keys below it
	// index is the raft index of the last applied entry, etcd's store index.
	index uint64
	// sum is the sum of a hash of every (key, value) pair, so it does not
	// depend on map order and updates in O(1) per write.
	sum uint64
	// done remembers each client's last applied write and its result, so a
	// retried write is answered without being applied twice.
	done map[uint64]appliedWrite
}

// kvFile is a key's value and the index of the write that last changed it
// (etcd's modifiedIndex), which cas --swap-with-index compares against.
type kvFile struct {
	value    string
	modified uint64
}

type appliedWrite struct {
	seq    uint64
	result Result
}

// NewStore returns an empty key space.
func NewStore() *Store {
	return &Store{files: map[string]kvFile{}, dirs: map[string]int{}, done: map[uint64]appliedWrite{}}
}

func pairHash(k, v string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(k))
	h.Write([]byte{0})
	h.Write([]byte(v))
	return h.Sum64()
}

// Hash is the state's fingerprint as shown per node: equal states, equal hashes.
func (s *Store) Hash() string {
	return fmt.Sprintf("%08x", uint32(s.sum^(s.sum>>32)))
}

// CleanKey makes keys absolute, as etcd does: "foo" and "/foo/" are "/foo".
func CleanKey(k string) string {
	return "/" + strings.Trim(k, "/")
}

// parents returns the directories above key, outermost first.
func parents(key string) []string {
	var ps []string
	for i := 1; i < len(key); i++ {
		if key[i] == '/' {
			ps = append(ps, key[:i])
		}
	}
	return ps
}

// Keys counts the keys the store holds.
func (s *Store) Keys() int { return len(s.files) }

// Skip records that the entry at index was applied and wrote nothing (an
// empty or configuration entry): reads now reflect index.
func (s *Store) Skip(index uint64) { s.index = index }

// Apply applies a committed write at index and returns its result. A write a
// client retried after it was applied gets the first result again.
func (s *Store) Apply(index uint64, c Command) Result {
	s.index = index
	if c.Client != 0 {
		if d, ok := s.done[c.Client]; ok && d.seq >= c.Seq {
			return d.result
		}
	}
	r := s.write(index, c.Op)
	if c.Client != 0 {
		s.done[c.Client] = appliedWrite{seq: c.Seq, result: r}
	}
	return r
}

func (s *Store) write(index uint64, op Op) Result {
	key := CleanKey(op.Key)
	r := Result{Kind: op.Kind, Key: key, Index: index}
	if _, isDir := s.dirs[key]; isDir || key == "/" {
		return s.fail(r, ErrNotFile, key)
	}
	for _, p := range parents(key) {
		if _, isFile := s.files[p]; isFile {
			return s.fail(r, ErrNotDir, p)
		}
	}
	old, had := s.files[key]
	r.PrevValue, r.HadPrev = old.value, had
	switch op.Kind {
	case OpCAS:
		switch {
		case !had:
			return s.fail(r, ErrKeyNotFound, key)
		case op.HasPrevIndex:
			if op.PrevIndex != old.modified {
				return s.fail(r, ErrCompareFailed, fmt.Sprintf("[%d != %d]", op.PrevIndex, old.modified))
			}
		case op.PrevValue != old.value:
			return s.fail(r, ErrCompareFailed, fmt.Sprintf("[%s != %s]", op.PrevValue, old.value))
		}
		fallthrough
	case OpSet:
		s.put(key, op.Value, index)
		r.Value = op.Value
	case OpDelete:
		if !had {
			return s.fail(r, ErrKeyNotFound, key)
		}
		s.remove(key)
	}
	return r
}

func (s *Store) fail(r Result, code int, cause string) Result {
	r.ErrCode, r.Cause, r.Index = code, cause, s.index
	return r
}

func (s *Store) put(k, v string, index uint64) {
	if old, ok := s.files[k]; ok {
		s.sum -= pairHash(k, old.value)
	} else {
		for _, p := range parents(k) {
			s.dirs[p]++
		}
	}
	s.files[k] = kvFile{value: v, modified: index}
	s.sum += pairHash(k, v)
}

func (s *Store) remove(k string) {
	s.sum -= pairHash(k, s.files[k].value)
	delete(s.files, k)
	for _, p := range parents(k) {
		if s.dirs[p]--; s.dirs[p] == 0 {
			delete(s.dirs, p)
		}
	}
}

// Read answers a get or an ls from the node's current state.
func (s *Store) Read(op Op) Result {
	key := CleanKey(op.Key)
	r := Result{Kind: op.Kind, Key: key, Index: s.index}
	f, isFile := s.files[key]
	_, isDir := s.dirs[key]
	isDir = isDir || key == "/"
	switch {
	case isFile && op.Kind == OpLs:
		r.Children = []string{key}
	case isFile:
		r.Value = f.value
	case isDir:
		r.Dir = true
		if op.Kind == OpLs {
			r.Children = s.children(key)
		}
	default:
		return s.fail(r, ErrKeyNotFound, key)
	}
	return r
}

// children lists the keys and directories right below dir, sorted.
func (s *Store) children(dir string) []string {
	prefix := strings.TrimSuffix(dir, "/") + "/"
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		if !strings.HasPrefix(k, prefix) {
			return
		}
		child := prefix + strings.SplitN(k[len(prefix):], "/", 2)[0]
		if !seen[child] {
			seen[child] = true
			out = append(out, child)
		}
	}
	for k := range s.files {
		add(k)
	}
	for d := range s.dirs {
		add(d)
	}
	slices.Sort(out)
	return out
}

// Wakes reports whether a write to key is a change the watch w sees.
func (w Op) Wakes(key string) bool {
	wk := CleanKey(w.Key)
	return key == wk || w.Recursive && strings.HasPrefix(key, strings.TrimSuffix(wk, "/")+"/")
}

// Summary is the result in a few words, for an event log.
func (r Result) Summary() string {
	switch {
	case !r.OK():
		return "failed: " + r.Error()
	case r.Kind == OpGet && r.Dir:
		return fmt.Sprintf("read a directory at index %d", r.Index)
	case r.Kind == OpGet:
		return fmt.Sprintf("read %q at index %d", r.Value, r.Index)
	case r.Kind == OpLs:
		return fmt.Sprintf("listed %d keys at index %d", len(r.Children), r.Index)
	case r.Kind == OpWatch:
		return fmt.Sprintf("saw %s at index %d", r.Key, r.Index)
	}
	return fmt.Sprintf("applied at index %d", r.Index)
}
