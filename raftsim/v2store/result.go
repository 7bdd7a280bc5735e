package v2store

import (
	"fmt"
	"strconv"
)

// NodeView is a node as etcd's answers show it (etcd's NodeExtern).
type NodeView struct {
	Key string
	// Value is a file's value; HasValue tells a file (even with an empty
	// value) from a directory, which has none.
	Value    string
	HasValue bool
	Dir      bool
	// Expire is when the node expires, in virtual ms (0: never); TTL the
	// seconds it had left when the answer was made.
	Expire int64
	TTL    int64
	// Nodes are a listed directory's children.
	Nodes         []NodeView
	ModifiedIndex uint64
	CreatedIndex  uint64
}

// Result is what a node answers to an operation: etcd's event (action, node,
// previous node) or its error.
type Result struct {
	Kind OpKind
	// Action is etcd's name for what happened: get, set, create, update,
	// compareAndSwap, delete, compareAndDelete or expire.
	Action string
	NodeView
	// PrevNode is the node a write replaced or removed, when there was one.
	PrevNode *NodeView
	// Index is the store index the answer reflects: the write's own index,
	// or the index of the state that was read.
	Index uint64
	// ErrCode is an etcd v2 error code (0 for success), with its cause.
	ErrCode int
	Cause   string
}

// OK reports whether the operation succeeded.
func (r Result) OK() bool { return r.ErrCode == 0 }

// Err is the result's etcd error, for a failed result.
func (r Result) Err() Error { return Error{Code: r.ErrCode, Cause: r.Cause, Index: r.Index} }

// Error renders a failed result as etcdctl does:
// "Error:  101: Compare failed ([two != one]) [15]".
func (r Result) Error() string { return r.Err().Error() }

// failed is the result of an operation that failed with e.
func failed(kind OpKind, e Error) Result {
	return Result{Kind: kind, ErrCode: e.Code, Cause: e.Cause, Index: e.Index}
}

func u64(v uint64) string { return strconv.FormatUint(v, 10) }

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
		return fmt.Sprintf("listed %d keys at index %d", len(r.Nodes), r.Index)
	case r.Kind == OpWatch:
		return fmt.Sprintf("saw %s %s at index %d", r.Action, r.Key, r.Index)
	}
	return fmt.Sprintf("applied at index %d", r.Index)
}
