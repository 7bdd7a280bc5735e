package raftsim

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// raftTestdata is raft v3.7.0's testdata in the module cache.
func raftTestdata(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Skipf("go env GOMODCACHE: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "go.etcd.io", "raft", "v3@v3.7.0", "testdata")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("raft's testdata is not in the module cache: %v", err)
	}
	return dir
}

// playScript plays a script file on a ScriptEnv and returns "" when raft's
// own lines came out as the file expects, command by command, or the first
// line that differs.
func playScript(t *testing.T, path string) string {
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	steps, err := ParseScript(filepath.Base(path), string(text))
	if err != nil {
		t.Fatal(err)
	}
	env := NewScriptEnv()
	for _, st := range steps {
		if g, w, differ := RaftLinesDiffer(env.Run(st.Command), st.Want); differ {
			return fmt.Sprintf("%s %s: want %q, got %q", st.Pos, st.Line, w, g)
		}
	}
	return ""
}

// Every script of raft's testdata plays on raftplay's nodes, and raft's own
// lines come out as raft's file says, command by command; a script that
// does not reports its first differing line.
func TestRaftScripts(t *testing.T) {
	dir := raftTestdata(t)
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) != 28 {
		t.Fatalf("%d scripts in %s, want raft v3.7.0's 28", len(paths), dir)
	}
	for _, p := range paths {
		if diff := playScript(t, p); diff != "" {
			t.Errorf("%s differs: %s", filepath.Base(p), diff)
		}
	}
}
