package raftsim

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
)

// busyRun is a run with crashes, a partition and writes: enough to make any
// hidden nondeterminism (map order, shared randomness) show in the bytes.
func busyRun(t testing.TB, seed int64) []byte {
	h := newHarness(t, seed)
	var log bytes.Buffer
	h.sim.OnEvent(func(e Event) { fmt.Fprintln(&log, e) })
	actions, err := ParseActionRecords(`[
		{"at_ms":300,"op":"put","value":"much"},
		{"at_ms":500,"op":"crash","node":2},
		{"at_ms":700,"op":"put","value":"wow","via":3},
		{"at_ms":900,"op":"partition","groups":[[1,2],[3,4,5]]},
		{"at_ms":1200,"op":"put","value":"cool","via":4},
		{"at_ms":1500,"op":"restart","node":2},
		{"at_ms":2000,"op":"heal"},
		{"at_ms":2100,"op":"timeout","node":5},
		{"at_ms":2600,"op":"put","value":"such","via":1}]`)
	if err != nil {
		t.Fatal(err)
	}
	refused, err := h.sim.Replay(Run{Config: h.sim.Config(), Actions: actions, NowMs: 4000})
	if err != nil {
		t.Fatal(err)
	}
	// Some actions may be refused in some seeds (e.g. no leader yet); a
	// refusal is part of the run and must be deterministic too.
	for _, r := range refused {
		fmt.Fprintln(&log, r)
	}
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
	before := replay.sim.Snapshot().Generation
	refused, err := replay.sim.Replay(Run{Config: h.sim.Config(), Actions: original.Actions, NowMs: original.NowMs})
	if err != nil || refused != nil {
		t.Fatalf("replaying the log: %v %v", err, refused)
	}
	if a, b := original.JSON(), replay.sim.SnapshotJSON(); !bytes.Equal(a, b) {
		t.Fatalf("replay differs:\n%s\n%s", a, b)
	}
	if replay.sim.Snapshot().Generation == before {
		t.Error("a replay kept the generation of the run it replaced")
	}
}

// A replay skips an action it cannot do, says which and why, and goes on:
// the actions after it still happen.
func TestReplaySkipsRefusedActions(t *testing.T) {
	h := newHarness(t, 5)
	run := Run{Config: h.sim.Config(), NowMs: 2000, Actions: []ActionRecord{
		{AtMs: 100, Action: Action{Op: ActRestart, Node: 2}}, // n2 is up: refused
		{AtMs: 200, Action: Action{Op: ActCrash, Node: 2}},
		{AtMs: 2500, Action: Action{Op: ActCrash, Node: 3}}, // after the end: not reached
	}}
	refused, err := h.sim.Replay(run)
	if err != nil {
		t.Fatal(err)
	}
	if len(refused) != 1 || refused[0].Index != 0 || !strings.Contains(refused[0].Error(), "n2 is already running") {
		t.Fatalf("refusals %v, want the restart of a running n2", refused)
	}
	s := h.sim.Snapshot()
	if s.NowMs != 2000 || s.Node(2).Up || !s.Node(3).Up || len(s.Actions) != 1 {
		t.Fatalf("after the replay: now %d, n2 up %v, n3 up %v, log %v", s.NowMs, s.Node(2).Up, s.Node(3).Up, s.Actions)
	}
}

// Every reset starts a new generation, so views can tell a new run from
// time moving back.
func TestResetStartsANewGeneration(t *testing.T) {
	h := newHarness(t, 5)
	g := h.sim.Snapshot().Generation
	h.do(`{"op":"reset"}`)
	if h.sim.Snapshot().Generation == g {
		t.Fatal("a reset to the same seed kept the generation")
	}
}

// An action done between two events of one millisecond (a story acts at the
// event that makes its condition hold) replays at that very point.
func TestReplayPlacesActionsBetweenEventsOfOneMillisecond(t *testing.T) {
	h := newHarness(t, 3)
	h.leader(2000)
	h.do(`{"op":"put","value":"much"}`)
	for {
		h.sim.Step()
		if at, ok := h.sim.NextEventAt(); ok && at == h.sim.Now() {
			break // another event is due this very millisecond
		}
	}
	h.do(`{"op":"crash-all"}`)
	h.run(50)
	original := h.sim.Run()
	replay := newHarness(t, 1)
	if refused, err := replay.sim.Replay(original); err != nil || refused != nil {
		t.Fatal(err, refused)
	}
	if a, b := h.sim.SnapshotJSON(), replay.sim.SnapshotJSON(); !bytes.Equal(a, b) {
		t.Fatalf("replay differs:\n%s\n%s", a, b)
	}
}
