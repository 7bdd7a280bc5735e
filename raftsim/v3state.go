package raftsim

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"

	pb "go.etcd.io/raft/v3/raftpb"

	"raftplay/raftsim/v2store"
	"raftplay/raftsim/v3store"
)

// Each node's state machine is etcd 3.4's: the v2 key space and the v3 one
// side by side, fed by the same log. An entry is a v3 request when its data
// says so (v3store.IsEntry); a raft snapshot holds both stores.

// applyV3 applies a v3 entry and tells the App what it answered.
func (n *node) applyV3(e *pb.Entry) {
	c, err := v3store.DecodeCommand(e.GetData())
	if err != nil {
		n.sim.observeApplied(n, e, v2store.Command{}, v2store.Result{})
		return
	}
	r := n.v3.Apply(c.Req)
	n.lessor.applied(n, c.Req, r)
	n.sim.observeApplied(n, e, v2store.Command{}, v2store.Result{})
	if n.sim.app != nil {
		n.sim.app.AppliedV3(n.id, e.GetIndex(), c, r)
	}
}

// minLeaseTTL is the shortest lease etcd grants, in seconds: one and a half
// election timeouts, rounded up (etcdserver/server.go NewServer).
func (c Config) minLeaseTTL() int64 {
	ms := float64(3*c.ElectionTicks/2) * float64(c.TickMs)
	return int64(math.Ceil(ms / 1000))
}

// stateMagic starts the data of a snapshot that holds a v3 store beside the
// v2 one. A v2 store's snapshot starts with its version byte, never 0, and
// a cluster that never used v3 keeps snapshots of its v2 store alone.
const stateMagic = "\x00v3s"

// stateSnapshot is the node's state machine as a raft snapshot's data.
func (n *node) stateSnapshot() []byte {
	v2 := n.kv.Snapshot()
	if n.v3.Fresh() {
		return v2
	}
	b := append([]byte(stateMagic), binary.AppendUvarint(nil, uint64(len(v2)))...)
	b = append(b, v2...)
	return append(b, n.v3.Snapshot()...)
}

var errStateSnapshot = errors.New("malformed state snapshot")

// restoreState rebuilds both stores from a raft snapshot's data.
func (n *node) restoreState(data []byte) error {
	v2, v3 := data, []byte(nil)
	if len(data) >= len(stateMagic) && string(data[:len(stateMagic)]) == stateMagic {
		rest := data[len(stateMagic):]
		size, k := binary.Uvarint(rest)
		if k <= 0 || size > uint64(len(rest)-k) {
			return errStateSnapshot
		}
		v2, v3 = rest[k:k+int(size)], rest[k+int(size):]
	}
	kv, err := v2store.Restore(v2, n.sim.Now)
	if err != nil {
		return err
	}
	st := v3store.NewStore(n.sim.cfg.minLeaseTTL())
	if v3 != nil {
		if st, err = v3store.Restore(v3, n.sim.cfg.minLeaseTTL()); err != nil {
			return err
		}
	}
	n.kv, n.v3 = kv, st
	n.lessor = lessor{}
	return nil
}

// freshState gives the node empty stores.
func (n *node) freshState() {
	n.kv = v2store.NewStore(n.sim.Now)
	n.v3 = v3store.NewStore(n.sim.cfg.minLeaseTTL())
	n.lessor = lessor{}
}

// stateKeys and stateHash are what the log strips show of a node's state:
// keys of both stores, and one hash over both (the v2 store's alone while
// v3 was never used).
func (n *node) stateKeys() int { return n.kv.Keys() + n.v3.Keys() }

func (n *node) stateHash() string {
	h := n.kv.Hash()
	if n.v3.Fresh() {
		return h
	}
	v2, _ := strconv.ParseUint(h, 16, 32) // v2store's Hash is 8 hex digits
	return fmt.Sprintf("%08x", uint32(v2)^n.v3.Sum())
}

// ReadV3 answers a range from node id's v3 store as it stands, with no
// consensus round: a serializable read.
func (s *Sim) ReadV3(id uint64, r v3store.Request) (v3store.Response, error) {
	n, err := s.upNode(id)
	if err != nil {
		return v3store.Response{}, err
	}
	return n.v3.Read(r), nil
}

// EventsV3 are the changes node id's v3 store holds in [key, end) from
// revision from on (see v3store.Store.Events).
func (s *Sim) EventsV3(id uint64, key, end string, from int64, prevKV bool) ([]v3store.Event, error) {
	n, err := s.upNode(id)
	if err != nil {
		return nil, err
	}
	return n.v3.Events(key, end, from, prevKV)
}

// V3Rev is node id's current v3 revision and its last compaction's.
func (s *Sim) V3Rev(id uint64) (rev, compacted int64) {
	n := s.node(id)
	if n == nil || !n.up() {
		return 0, 0
	}
	return n.v3.Rev(), n.v3.CompactRev()
}

// v3Label is a v3 entry's label on the log strip: a put's value, as a v2
// write shows its value, and a short name for the other requests.
func v3Label(data []byte) string {
	c, err := v3store.DecodeCommand(data)
	if err != nil {
		return "?"
	}
	r := c.Req
	switch r.Kind {
	case v3store.Put:
		return r.Value
	case v3store.DeleteRange:
		return "del " + r.Key
	case v3store.Compaction:
		return fmt.Sprintf("compact %d", r.Rev)
	case v3store.LeaseGrant:
		return "lease"
	case v3store.LeaseRevoke:
		return "revoke"
	}
	return r.Kind.String()
}

// StateSize is the size of node id's state machine as a snapshot would
// hold it, in bytes: what etcd's endpoint status calls its database size.
func (s *Sim) StateSize(id uint64) int {
	n := s.node(id)
	if n == nil || !n.up() {
		return 0
	}
	return len(n.stateSnapshot())
}
