package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func runSim(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestSameFlagsSameBytes(t *testing.T) {
	_, a, _ := runSim(t, "-seed", "7", "-for", "10s")
	_, b, _ := runSim(t, "-seed", "7", "-for", "10s")
	_, c, _ := runSim(t, "-seed", "8", "-for", "10s")
	if a != b {
		t.Fatal("seed 7 twice printed different bytes")
	}
	if a == c {
		t.Fatal("seeds 7 and 8 printed the same bytes")
	}
	if !strings.HasPrefix(a, `{"seed":7,"now_ms":10000,`) {
		t.Fatalf("output does not start with the snapshot: %.80s", a)
	}
}

func TestActionsFileIsApplied(t *testing.T) {
	f := filepath.Join(t.TempDir(), "actions.json")
	os.WriteFile(f, []byte(`[{"at_ms":1000,"op":"put","value":"much"},{"at_ms":1500,"op":"crash","node":2}]`), 0o644)
	code, out, errs := runSim(t, "-seed", "3", "-for", "3s", "-actions", f, "-v")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"label":"much","committed":true`) || !regexp.MustCompile(`\{"at_ms":1500,"fired":\d+,"op":"crash","node":2\}`).MatchString(out) {
		t.Fatalf("snapshot lacks the write or the crash: %.300s", out)
	}
	if !strings.Contains(errs, "n2 crashed") {
		t.Fatalf("-v event log lacks the crash: %.300s", errs)
	}
}

func TestBadInputExits2WithAMessage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`[{"at_ms":10,"op":"crash","node":"x"}]`), 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-nodes", "12"}, "nodes must be 3 to 9"},
		{[]string{"-for", "-1s"}, "-for must be a positive"},
		{[]string{"-for", "ten"}, "invalid value"},
		{[]string{"-bogus"}, "flag provided but not defined"},
		{[]string{"-actions", filepath.Join(dir, "missing.json")}, "no such file"},
		{[]string{"-actions", bad}, `actions[0]: crash needs "node"`},
		{[]string{"extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		code, out, errs := runSim(t, tt.args...)
		if code != 2 || out != "" || !strings.Contains(errs, tt.want) {
			t.Errorf("%v: exit %d, stdout %.40q, stderr %q; want exit 2 and %q", tt.args, code, out, errs, tt.want)
		}
	}
}

func TestEveryBuiltinScenarioExits0(t *testing.T) {
	for _, name := range []string{"election", "split-vote", "replication", "follower-failures", "leader-failure", "all-nodes-failure", "partition", "stale-leader"} {
		code, out, errs := runSim(t, "-scenario", name)
		if code != 0 || !strings.Contains(out, "ok   step 1/") || strings.Contains(out, "FAIL") {
			t.Errorf("-scenario %s: exit %d\n%s%s", name, code, out, errs)
		}
	}
}

func TestFailingScenarioExits1NamingStepAndExpectation(t *testing.T) {
	f := filepath.Join(t.TempDir(), "story.json")
	os.WriteFile(f, []byte(`{"name":"wrong","title":"A wrong claim","config":{"seed":1},
		"steps":[{"caption":"a leader appears","until":{"leader":true},"within_ms":2000,"expect":[{"leader_is":3}]}]}`), 0o644)
	code, out, errs := runSim(t, "-scenario", f)
	if code != 1 || !strings.Contains(out, "FAIL step 1/1") || !strings.Contains(errs, "wrong step 1: steps[0].expect[0]: expected n3 leads") {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = runSim(t, "-scenario", "nope")
	if code != 2 || !strings.Contains(errs, `no built-in scenario "nope"`) {
		t.Fatalf("unknown story: exit %d, %s", code, errs)
	}
}

func TestCheckVerdictAndExitStatus(t *testing.T) {
	code, out, errs := runSim(t, "-seed", "4", "-for", "15s", "-clients", "3", "-check")
	if code != 0 || !strings.Contains(errs, ": linearizable (") || !strings.Contains(errs, "every invariant held") || !strings.Contains(out, `"linearizability":{"status":"linearizable"`) {
		t.Fatalf("linearizable reads: exit %d\n%s", code, errs)
	}
	part := filepath.Join(t.TempDir(), "partition.json")
	os.WriteFile(part, []byte(`[{"at_ms":3000,"op":"partition","groups":[[1,2],[3,4,5]]},{"at_ms":9000,"op":"heal"}]`), 0o644)
	code, _, errs = runSim(t, "-seed", "1", "-for", "15s", "-clients", "3", "-read-mode", "serializable", "-actions", part, "-check")
	if code != 1 || !strings.Contains(errs, "not linearizable") || !strings.Contains(errs, "no order of these operations") {
		t.Fatalf("serializable reads in a partition: exit %d\n%s", code, errs)
	}
	code, _, errs = runSim(t, "-seed", "2", "-for", "15s", "-clients", "3", "-api", "3", "-read-mode", "serializable", "-actions", part, "-check")
	if code != 1 || !strings.Contains(errs, "not linearizable") || !strings.Contains(errs, "key /v3/k") {
		t.Fatalf("v3 serializable reads in a partition: exit %d\n%s", code, errs)
	}
	code, out, errs = runSim(t, "-seed", "4", "-for", "15s", "-clients", "3", "-stress", "-api", "3", "-check")
	if code != 0 || !strings.Contains(errs, ": linearizable (") || !strings.Contains(out, `"revision":`) {
		t.Fatalf("v3 clients and stress: exit %d\n%s", code, errs)
	}
	code, _, errs = runSim(t, "-api", "4")
	if code != 2 || !strings.Contains(errs, "-api must be 2 or 3") {
		t.Fatalf("bad api: exit %d %s", code, errs)
	}
	code, _, errs = runSim(t, "-read-mode", "sloppy")
	if code != 2 || !strings.Contains(errs, "-read-mode must be") {
		t.Fatalf("bad read mode: exit %d %s", code, errs)
	}
}

// -trace writes one JSON line per message: each message the run sent ends
// in the file exactly once, with its stream, and a path that cannot be
// written is refused.
func TestTraceWritesEveryMessageOnce(t *testing.T) {
	f := filepath.Join(t.TempDir(), "trace.jsonl")
	code, _, errs := runSim(t, "-seed", "3", "-for", "2s", "-trace", f)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	seen := map[string]bool{}
	line := regexp.MustCompile(`^\{"id":(\d+),"from":\d,"to":\d,"type":"Msg\w+","stream":"(msgappv2|message|pipeline)","sent_ms":\d+,"end_ms":\d+,"fate":"(delivered|dropped|in flight)"`)
	for _, l := range lines {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("not a trace line: %s", l)
		}
		if seen[m[1]] {
			t.Fatalf("message %s traced twice", m[1])
		}
		seen[m[1]] = true
	}
	for id := 1; id <= len(lines); id++ {
		if !seen[strconv.Itoa(id)] {
			t.Fatalf("%d lines, but message %d is not among them", len(lines), id)
		}
	}
	if code, _, errs := runSim(t, "-seed", "3", "-for", "1s", "-trace", filepath.Join(t.TempDir(), "no", "such", "dir", "t")); code != 2 || !strings.Contains(errs, "-trace") {
		t.Errorf("an unwritable trace: exit %d, %q; want 2 naming -trace", code, errs)
	}
}
