package timeline

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
)

// faults are what the faulty test run does, at these virtual times.
var faults = []struct {
	atMs   int64
	action string
}{
	{2000, `{"op":"put","key":"a","value":"much"}`},
	{5000, `{"op":"crash","node":1}`},
	{9000, `{"op":"partition","groups":[[1,2],[3,4,5]]}`},
	{12000, `{"op":"restart","node":1}`},
	{15000, `{"op":"put","key":"b","value":"wow"}`},
	{20000, `{"op":"heal"}`},
	{26000, `{"op":"loss","rate":0.05}`},
	{31000, `{"op":"crash","node":3}`},
	{33000, `{"op":"put","key":"a","value":"such"}`},
	{40000, `{"op":"restart","node":3}`},
	{45000, `{"op":"loss","rate":0}`},
	{52000, `{"op":"put","key":"c","value":"raft"}`},
}

// livePlay runs sim as the playground does, a frame of frameMs at a time,
// doing the faults due, with tl watching every frame, until untilMs.
func livePlay(t testing.TB, sim *raftsim.Sim, tl *Timeline, untilMs, frameMs int64) {
	t.Helper()
	next := 0
	for sim.Now() < untilMs {
		for next < len(faults) && faults[next].atMs <= sim.Now() {
			if err := sim.DoJSON(faults[next].action); err != nil {
				t.Fatalf("at %d ms: %s: %v", sim.Now(), faults[next].action, err)
			}
			next++
		}
		sim.Advance(min(frameMs, untilMs-sim.Now()))
		tl.Observe(sim.Snapshot())
	}
}

// newLive builds a live simulation the way the playground does.
func newLive(t testing.TB, seed int64) *raftsim.Sim {
	t.Helper()
	cfg := raftsim.DefaultConfig()
	cfg.Seed = seed
	sim, err := judged.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return sim
}

// played is a live simulation of seed played to untilMs in 16 ms frames,
// with the timeline (made with opts, if given) that watched it.
func played(t testing.TB, seed, untilMs int64, opts ...Options) (*raftsim.Sim, *Timeline) {
	t.Helper()
	sim := newLive(t, seed)
	tl := New(sim, judged.New, append(opts, Options{})[0])
	t.Cleanup(tl.Close)
	livePlay(t, sim, tl, untilMs, 16)
	return sim, tl
}

var (
	simOnce sync.Once
	simBin  string
	simErr  error
)

// cmdSim builds cmd/sim once and returns its path; tests that compare with
// what it prints skip where programs cannot be run (wasm).
func cmdSim(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "js" {
		t.Skip("cmd/sim cannot be run from a wasm test")
	}
	simOnce.Do(func() {
		dir, err := os.MkdirTemp("", "timeline-sim")
		if err != nil {
			simErr = err
			return
		}
		simBin = filepath.Join(dir, "sim")
		out, err := exec.Command("go", "build", "-o", simBin, "raftplay/cmd/sim").CombinedOutput()
		if err != nil {
			simErr = &buildError{out}
		}
	})
	if simErr != nil {
		t.Fatal(simErr)
	}
	return simBin
}

type buildError struct{ out []byte }

func (e *buildError) Error() string { return "building cmd/sim: " + string(e.out) }

// runSim runs cmd/sim with args and returns what it printed on stdout.
func runSim(t *testing.T, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(cmdSim(t), args...)
	var stderr []byte
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	}
	if err != nil {
		t.Fatalf("cmd/sim %v: %v\n%s", args, err, stderr)
	}
	return out
}
