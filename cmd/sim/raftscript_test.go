package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// raftScriptPath is one of raft v3.7.0's scripts in the module cache.
func raftScriptPath(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env GOMODCACHE: %v", err)
	}
	p := filepath.Join(strings.TrimSpace(string(out)), "go.etcd.io", "raft", "v3@v3.7.0", "testdata", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("raft's testdata is not in the module cache: %v", err)
	}
	return p
}

// -raft-script prints raft's script back with raftplay's output under each
// command: for each of raft's 28 scripts, byte for byte the file, and
// exits 0.
func TestRaftScriptPrintsTheScript(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(filepath.Dir(raftScriptPath(t, "campaign.txt")), "*.txt"))
	if len(paths) != 28 {
		t.Fatalf("%d of raft's scripts, want 28", len(paths))
	}
	for _, p := range paths {
		name := filepath.Base(p)
		want, _ := os.ReadFile(p)
		code, stdout, stderr := runSim(t, "-raft-script", p)
		if code != 0 || stdout != string(want) {
			t.Errorf("%s: exit %d (%s), printed:\n%s", name, code, stderr, stdout)
		}
	}
}

// A script whose lines differ exits 1 naming the first; a missing one 2.
func TestRaftScriptDiffersOrIsMissing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "wrong.txt")
	script := "add-nodes 1 voters=(1) index=2\n----\nINFO 1 became leader at term 7\n"
	if err := os.WriteFile(p, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runSim(t, "-raft-script", p); code != 1 || !strings.Contains(stderr, `wrong.txt:1 add-nodes 1 voters=(1) index=2: the file has "INFO 1 became leader at term 7", raftplay printed "INFO 1 switched to configuration voters=(1)"`) {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if code, _, stderr := runSim(t, "-raft-script", filepath.Join(dir, "none.txt")); code != 2 || !strings.Contains(stderr, "none.txt") {
		t.Errorf("a missing script: exit %d: %s", code, stderr)
	}
}
