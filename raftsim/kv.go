package raftsim

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"

	pb "go.etcd.io/raft/v3/raftpb"
)

// command is what a client proposes: put value at key. Request identifies
// the client request so its outcome can be reported when it is applied.
type command struct {
	request uint64
	key     string
	value   string
}

// encode lays a command out as uvarint(request) uvarint(len(key)) key value.
func (c command) encode() []byte {
	b := binary.AppendUvarint(nil, c.request)
	b = binary.AppendUvarint(b, uint64(len(c.key)))
	b = append(b, c.key...)
	return append(b, c.value...)
}

var errBadCommand = errors.New("malformed command")

func decodeCommand(b []byte) (command, error) {
	req, n := binary.Uvarint(b)
	if n <= 0 {
		return command{}, errBadCommand
	}
	b = b[n:]
	klen, n := binary.Uvarint(b)
	if n <= 0 || uint64(len(b)-n) < klen {
		return command{}, errBadCommand
	}
	b = b[n:]
	return command{request: req, key: string(b[:klen]), value: string(b[klen:])}, nil
}

// entryLabel is the short text shown for an entry: the value it writes, or a
// name for entries clients did not write.
func entryLabel(e *pb.Entry) string {
	if e.GetType() != pb.EntryNormal {
		return "conf"
	}
	if len(e.GetData()) == 0 {
		// A new leader's empty entry, which commits entries of earlier terms (§5.4.2).
		return "·"
	}
	c, err := decodeCommand(e.GetData())
	if err != nil {
		return "?"
	}
	return c.value
}

// kvStore is a node's state machine: a map fed by committed entries. It is
// volatile; a restarted node rebuilds it by applying its log again.
type kvStore struct {
	data map[string]string
	// sum is the sum of a hash of every (key, value) pair, so it does not
	// depend on map order and updates in O(1) per write.
	sum uint64
}

func newKVStore() *kvStore { return &kvStore{data: map[string]string{}} }

func pairHash(k, v string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(k))
	h.Write([]byte{0})
	h.Write([]byte(v))
	return h.Sum64()
}

func (s *kvStore) put(k, v string) {
	if old, ok := s.data[k]; ok {
		s.sum -= pairHash(k, old)
	}
	s.data[k] = v
	s.sum += pairHash(k, v)
}

// hash is the state's fingerprint as shown per node: equal states, equal hashes.
func (s *kvStore) hash() string {
	return fmt.Sprintf("%08x", uint32(s.sum^(s.sum>>32)))
}
