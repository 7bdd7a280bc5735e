package v3store

import "errors"

// etcd's v3 errors as a client prints them (etcd's rpctypes, which put
// "etcdserver: " before the server's own text).
var (
	ErrCompacted        = errors.New("etcdserver: mvcc: required revision has been compacted")
	ErrFutureRev        = errors.New("etcdserver: mvcc: required revision is a future revision")
	ErrLeaseNotFound    = errors.New("etcdserver: requested lease not found")
	ErrLeaseExist       = errors.New("etcdserver: lease already exists")
	ErrLeaseTTLTooLarge = errors.New("etcdserver: too large lease TTL")
	ErrDuplicateKey     = errors.New("etcdserver: duplicate key given in txn request")
)

// ErrNoLeader is what a request that needs the leader gets while there is
// none (etcd's rpctypes.ErrNoLeader).
var ErrNoLeader = errors.New("etcdserver: no leader")
