package raftsim

import (
	"bytes"
	crand "crypto/rand"
	"io"
	"testing"

	"go.etcd.io/raft/v3"
)

// constReader is an endless stream of one byte.
type constReader byte

func (c constReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(c)
	}
	return len(p), nil
}

// TestRaftDrawsFromSimStream pins down where etcd raft's randomness comes
// from. With the stream serving byte b, raft's Intn(ET) must give b (for b <
// ET), so a fresh node's randomized election timeout is ET+b. If the library
// draws from anywhere else, runs stop being reproducible and this fails.
func TestRaftDrawsFromSimStream(t *testing.T) {
	const et = 15
	for _, b := range []byte{0, 7, 14} {
		var stream io.Reader = constReader(b)
		enterRaftStream(&stream)
		rn, err := raft.NewRawNode(&raft.Config{
			ID: 1, ElectionTick: et, HeartbeatTick: 1, Storage: newDisk([]uint64{1, 2, 3}),
			MaxSizePerMsg: 1 << 20, MaxInflightMsgs: 16, Logger: raftLogger{},
		})
		leaveRaftStream()
		if err != nil {
			t.Fatal(err)
		}
		if _, timeout := raftTimer(rn, false); timeout != et+int64(b) {
			t.Errorf("stream byte %d: randomized election timeout %d ticks, want %d", b, timeout, et+int64(b))
		}
	}
}

// TestOutsideReadsUseSystemRandomness checks that code outside a raft call
// still gets unpredictable bytes from crypto/rand.
func TestOutsideReadsUseSystemRandomness(t *testing.T) {
	a, b := make([]byte, 16), make([]byte, 16)
	if _, err := io.ReadFull(crand.Reader, a); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(crand.Reader, b); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, b) {
		t.Fatal("two reads of crypto/rand outside raft calls were equal")
	}
}
