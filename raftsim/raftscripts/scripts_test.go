package raftscripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The bundled copies are raft v3.7.0's testdata scripts, all of them, byte
// for byte, as the module cache holds them.
func TestCopiesAreRafts(t *testing.T) {
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env GOMODCACHE: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "go.etcd.io", "raft", "v3@v3.7.0", "testdata")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skipf("raft's testdata is not in the module cache (%s)", dir)
	}
	if got := len(Names()); got != len(paths) {
		t.Errorf("%d scripts bundled, raft has %d", got, len(paths))
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Text(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got != string(want) {
			t.Errorf("%s: the bundled copy differs from raft's", name)
		}
	}
}

// An unknown name is refused with a message that says what the names are.
func TestUnknownScriptIsNamed(t *testing.T) {
	_, err := Text("no_such_script")
	if err == nil || !strings.Contains(err.Error(), "not one of raft v3.7.0's 28 scripts") {
		t.Errorf("Text(no_such_script) = %v", err)
	}
}
