package raftsim

import (
	"crypto/rand"
	"io"
	"sync"
	"sync/atomic"
)

// etcd raft draws its randomized election timeout from crypto/rand.Reader
// (raft.go: globalRand.Intn -> rand.Int(rand.Reader, ...)) and offers no hook
// to change that. To make runs reproducible, the package replaces
// crypto/rand.Reader once with a reader that, while a simulation is inside a
// raft call, serves that simulation's own seeded stream, and otherwise the
// operating system's generator. The raftCall lock lets only one simulation be
// inside raft at a time, so many simulations in one process (parallel tests,
// batch experiments) each keep their own draws. TestRaftDrawsFromSimStream
// fails if the library changes where its randomness comes from.
//
// The lock stays process-wide, and batch work across cores (nemesis seeds,
// election experiments) runs simulations in separate processes. A scheme per
// simulation would need the reader to know which simulation is calling, and
// Go gives a goroutine no identity to key that on (short of parsing
// runtime.Stack on every raft call) nor raft a hook to pass one. Measured on
// two cores (BenchmarkSimsInGoroutines, and the lock's hold time timed around
// every raft call): a simulation with three checking clients spends 60-90% of
// its time inside raft calls, holding the lock, so two simulations in
// goroutines can at best go 1.1-1.7 times as fast as one (on a busy machine
// they ran 62-167 virtual s per wall s together against 123-147 for one
// alone), while two processes are independent.

var (
	// raftCall serializes raft calls of all simulations in the process.
	raftCall sync.Mutex
	// raftStream is the stream raft reads while a raft call is under way.
	raftStream atomic.Pointer[io.Reader]
)

type dispatchReader struct{ system io.Reader }

func (d dispatchReader) Read(p []byte) (int, error) {
	if r := raftStream.Load(); r != nil {
		return (*r).Read(p)
	}
	return d.system.Read(p)
}

func init() {
	rand.Reader = dispatchReader{system: rand.Reader}
}

// enterRaftStream makes raft read stream until leaveRaftStream. Calls into
// raft sit between the two; nothing between them may call back into the
// simulator, so the lock is never taken twice.
func enterRaftStream(stream *io.Reader) {
	raftCall.Lock()
	raftStream.Store(stream)
}

func leaveRaftStream() {
	raftStream.Store(nil)
	raftCall.Unlock()
}
