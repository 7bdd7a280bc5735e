package raftsim

import (
	"io"
	"math/rand/v2"
)

// newRaftStream is the stream raft's election-timeout draws read: the
// simulation's own ChaCha8 stream, or, with the what-if TimeoutSpreadTicks
// set, a stream that narrows the draws.
func newRaftStream(cfg Config, seed uint64) io.Reader {
	stream := rand.NewChaCha8(seedBytes(seed))
	if cfg.TimeoutSpreadTicks == 0 {
		return stream
	}
	return spreadReader{rng: rand.New(stream), spread: cfg.TimeoutSpreadTicks}
}

// spreadReader serves raft's election-timeout draws from [0, spread) instead
// of etcd raft's [0, ElectionTick): a what-if for the Raft paper's Figure 16
// (upper graph, e.g. 150–155 ms), which no etcd configuration gives. raft
// draws Intn(ElectionTick) through crypto/rand.Int, which reads the value
// big-endian from as many bytes as ElectionTick-1 needs and draws again when
// it is too large; a value below spread (at most ElectionTick) is taken at
// once. TestTimeoutSpreadNarrowsDraws guards this reading of the library.
type spreadReader struct {
	rng    *rand.Rand
	spread int
}

func (r spreadReader) Read(p []byte) (int, error) {
	v := uint64(r.rng.IntN(r.spread))
	for i := len(p) - 1; i >= 0; i-- {
		p[i] = byte(v)
		v >>= 8
	}
	return len(p), nil
}
