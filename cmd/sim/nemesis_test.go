package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"raftplay/raftsim/nemesis"
)

// runAsSim makes this test binary act as cmd/sim when the campaign starts it
// as a worker process.
const runAsSim = "RAFTPLAY_TEST_RUN_AS_SIM"

func TestMain(m *testing.M) {
	if os.Getenv(runAsSim) != "" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Setenv(runAsSim, "1")
	os.Exit(m.Run())
}

// A campaign over worker processes reports every run, and for a failing one
// the commands that reproduce it and an action file that replays it.
func TestNemesisReportsFailuresWithTheirReplay(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := runSim(t, "-nemesis", "-seeds", "1-5", "-lying", "-workers", "2", "-out", dir)
	if code != 1 {
		t.Fatalf("lying disks over seeds 1-5: exit %d, want 1:\n%s", code, errs)
	}
	if !strings.Contains(errs, "nemesis: 5 runs (seeds 1-5, lying disks)") || !strings.Contains(errs, "reproduce: go run ./cmd/sim -nemesis -seeds ") {
		t.Fatalf("no summary or reproduce line:\n%s", errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "seed-*.json"))
	if len(files) == 0 || strings.Count(errs, "reproduce: ") != len(files) {
		t.Fatalf("%d action files for %d failures:\n%s", len(files), strings.Count(errs, "reproduce: "), errs)
	}
	// The replay line, run as it is printed, fails the same way.
	line := errs[strings.Index(errs, "replay:    go run ./cmd/sim ")+len("replay:    go run ./cmd/sim "):]
	line = line[:strings.Index(line, "\n")]
	code, _, rerrs := runSim(t, strings.Fields(strings.Replace(line, " -v ", " ", 1))...)
	if code != 1 || !strings.Contains(rerrs, "sim: invariant ") {
		t.Fatalf("replaying %q: exit %d:\n%s", line, code, rerrs)
	}
}

// A lease-read seed's replay line builds its nodes with raft's lease option,
// so its checking clients start as they did in the campaign.
func TestNemesisReplayLineOfALeaseSeed(t *testing.T) {
	file := filepath.Join(t.TempDir(), "seed-1.json")
	if err := os.WriteFile(file, []byte(`[{"at_ms":0,"op":"clients","count":3,"read":"lease"}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	o := nemesis.Outcome{Seed: 1, Nodes: 3, Read: "lease", EndMs: 3000}
	line := strings.TrimPrefix(o.ReplayCommand(file), "go run ./cmd/sim ")
	code, _, errs := runSim(t, strings.Fields(strings.Replace(line, " -v ", " ", 1))...)
	if code != 0 || strings.Contains(errs, "refused") || !strings.Contains(errs, "linearizable") {
		t.Fatalf("replaying %q: exit %d:\n%s", line, code, errs)
	}
}

func TestNemesisSafeSeedsPass(t *testing.T) {
	code, _, errs := runSim(t, "-nemesis", "-seeds", "1-6", "-workers", "2", "-out", t.TempDir())
	if code != 0 || !strings.Contains(errs, "nemesis: 6 runs (seeds 1-6) ") || !strings.Contains(errs, "0 failed") {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
}

func TestNemesisRefusesBadSeeds(t *testing.T) {
	for _, seeds := range []string{"0", "9-3", "x"} {
		if code, _, errs := runSim(t, "-nemesis", "-seeds", seeds); code != 2 || !strings.Contains(errs, "seeds") {
			t.Errorf("-seeds %s: exit %d: %s", seeds, code, errs)
		}
	}
}
