package v3store

// Kind is a v3 request, as etcd's InternalRaftRequest carries one.
type Kind uint8

// The requests. Range is a read (served by one node, or within a txn);
// the rest are writes and travel through the raft log.
const (
	Range Kind = iota + 1
	Put
	DeleteRange
	Txn
	Compaction
	LeaseGrant
	LeaseRevoke
)

var kindNames = [...]string{Range: "range", Put: "put", DeleteRange: "del", Txn: "txn", Compaction: "compact",
	LeaseGrant: "grant", LeaseRevoke: "revoke"}

// String is the request's short name, as a log strip labels it.
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "v3?"
}

// SortOrder and SortTarget are a range's ordering (etcd's RangeRequest
// enums, same numbering).
type (
	SortOrder  uint8
	SortTarget uint8
)

// Orders and targets.
const (
	SortNone SortOrder = iota
	SortAscend
	SortDescend
)

// The sort targets.
const (
	ByKey SortTarget = iota
	ByVersion
	ByCreate
	ByMod
	ByValue
)

// Request is one v3 request. Which fields count depends on Kind; Key and
// End name a range as etcd does (End "" the single key Key, FromKey every
// key from Key on).
type Request struct {
	Kind     Kind
	Key, End string
	// Value and Lease are what a put writes.
	Value string
	Lease int64
	// PrevKV asks a put or delete for what it replaced.
	PrevKV bool
	// A range's options: at revision Rev (0: the current one), at most
	// Limit keys (0: all), in an order, keys only, or only their count.
	Rev       int64
	Limit     int64
	Order     SortOrder
	Target    SortTarget
	KeysOnly  bool
	CountOnly bool
	// A txn's compares and the requests of each branch.
	Compare []Compare
	Success []Request
	Failure []Request
	// ID and TTL are a lease's (grant, revoke); a compaction's revision is Rev.
	ID, TTL int64
}

// IsWrite tells requests that go through the log. Every txn does: etcd
// serves a txn of reads only by ReadIndex instead, with the same answer.
func (r Request) IsWrite() bool { return r.Kind != Range }

// CompareTarget is what a compare looks at (etcd's Compare_CompareTarget).
type CompareTarget uint8

// The compare targets.
const (
	CmpVersion CompareTarget = iota
	CmpCreate
	CmpMod
	CmpValue
	CmpLease
)

// CompareResult is a compare's relation (etcd's Compare_CompareResult).
type CompareResult uint8

// The relations.
const (
	Equal CompareResult = iota
	Greater
	Less
	NotEqual
)

// Compare is one condition of a txn: the target of every key in [Key, End)
// against Value (value target) or Number (the others).
type Compare struct {
	Key, End string
	Target   CompareTarget
	Result   CompareResult
	Value    string
	Number   int64
}

// Response is a request's answer. Revision is the store's revision after
// it (etcd's response header); Err a request refused whole.
type Response struct {
	Kind     Kind
	Revision int64
	Err      error
	// A range's keys, how many matched in all, and whether Limit cut some.
	KVs   []KeyValue
	Count int64
	More  bool
	// PrevKVs is what a put (at most one) or delete replaced, when asked.
	PrevKVs []KeyValue
	// Deleted counts the keys a delete removed.
	Deleted int64
	// A txn's branch and its requests' answers.
	Succeeded bool
	Responses []Response
	// A lease grant's lease.
	ID, TTL int64
}
