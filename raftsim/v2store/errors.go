package v2store

import "fmt"

// etcd v2 error codes (etcd's v2error package), with the messages etcd
// gives them.
const (
	ErrKeyNotFound    = 100
	ErrCompareFailed  = 101
	ErrNotFile        = 102
	ErrNotDir         = 104
	ErrNodeExist      = 105
	ErrRootReadOnly   = 107
	ErrDirNotEmpty    = 108
	ErrPrevValueNone  = 201
	ErrTTLNaN         = 202
	ErrIndexNaN       = 203
	ErrInvalidField   = 209
	ErrHistoryCleared = 401
)

var errMessages = map[int]string{
	ErrKeyNotFound:    "Key not found",
	ErrCompareFailed:  "Compare failed",
	ErrNotFile:        "Not a file",
	ErrNotDir:         "Not a directory",
	ErrNodeExist:      "Key already exists",
	ErrRootReadOnly:   "Root is read only",
	ErrDirNotEmpty:    "Directory not empty",
	ErrPrevValueNone:  "PrevValue is Required in POST form",
	ErrTTLNaN:         "The given TTL in POST form is not a number",
	ErrIndexNaN:       "The given index in POST form is not a number",
	ErrInvalidField:   "Invalid field",
	ErrHistoryCleared: "The event in requested index is outdated and cleared",
}

// Error is an etcd v2 error: its code, its cause and the store index when
// it happened.
type Error struct {
	Code  int
	Cause string
	Index uint64
}

// Message is the text etcd gives the error's code.
func (e Error) Message() string { return errMessages[e.Code] }

// Error renders the error as etcdctl prints it, with two spaces after
// "Error:": "Error:  101: Compare failed ([two != one]) [15]".
func (e Error) Error() string {
	return fmt.Sprintf("Error:  %d: %s (%s) [%d]", e.Code, e.Message(), e.Cause, e.Index)
}
