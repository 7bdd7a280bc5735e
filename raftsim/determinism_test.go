package raftsim

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// busyRun is a run with crashes, a partition and writes: enough to make any
// hidden nondeterminism (map order, shared randomness) show in the bytes.
func busyRun(t testing.TB, seed int64) []byte {
	h := newHarness(t, seed)
	var log bytes.Buffer
	h.sim.OnEvent(func(e Event) { fmt.Fprintln(&log, e) })
	steps := []struct {
		at int64
		js string
	}{
		{300, `{"op":"put","value":"much"}`},
		{500, `{"op":"crash","node":2}`},
		{700, `{"op":"put","value":"wow","via":3}`},
		{900, `{"op":"partition","groups":[[1,2],[3,4,5]]}`},
		{1200, `{"op":"put","value":"cool","via":4}`},
		{1500, `{"op":"restart","node":2}`},
		{2000, `{"op":"heal"}`},
		{2100, `{"op":"timeout","node":5}`},
		{2600, `{"op":"put","value":"such","via":1}`},
	}
	for _, s := range steps {
		h.sim.AdvanceTo(s.at)
		// Some actions may be refused in some seeds (e.g. no leader yet); a
		// refusal is part of the run and must be deterministic too.
		if err := h.sim.DoJSON(s.js); err != nil {
			fmt.Fprintln(&log, "refused:", err)
		}
	}
	h.sim.AdvanceTo(4000)
	log.Write(h.sim.SnapshotJSON())
	return log.Bytes()
}

func TestSameSeedSameBytes(t *testing.T) {
	a, b := busyRun(t, 7), busyRun(t, 7)
	if !bytes.Equal(a, b) {
		t.Fatalf("seed 7 twice gave different runs (%d and %d bytes)", len(a), len(b))
	}
}

func TestSeedsDiffer(t *testing.T) {
	if bytes.Equal(busyRun(t, 7), busyRun(t, 8)) {
		t.Fatal("seeds 7 and 8 gave the same run")
	}
}

func TestParallelRunsMatchSequential(t *testing.T) {
	const n = 8
	want := make([][]byte, n)
	for i := range n {
		want[i] = busyRun(t, int64(100+i))
	}
	got := make([][]byte, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i] = busyRun(t, int64(100+i)) })
	}
	wg.Wait()
	for i := range n {
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("seed %d: parallel run differs from its sequential run", 100+i)
		}
	}
}

func TestReplayOfActionLogReproducesRun(t *testing.T) {
	h := newHarness(t, 11)
	h.run(400)
	h.do(`{"op":"put","value":"much"}`)
	h.run(150)
	h.do(`{"op":"crash","node":3}`)
	h.sim.Step()
	h.do(`{"op":"partition","groups":[[1],[2,3,4,5]]}`)
	h.run(777)
	h.do(`{"op":"restart","node":3}`)
	h.run(900)
	original := h.sim.Snapshot()

	replay := newHarness(t, 11)
	for _, a := range original.Actions {
		replay.sim.AdvanceTo(a.AtMs)
		if err := replay.sim.Do(a.Action); err != nil {
			t.Fatalf("replaying %v: %v", a, err)
		}
	}
	replay.sim.AdvanceTo(original.NowMs)
	if a, b := original.JSON(), replay.sim.SnapshotJSON(); !bytes.Equal(a, b) {
		t.Fatalf("replay differs:\n%s\n%s", a, b)
	}
}
