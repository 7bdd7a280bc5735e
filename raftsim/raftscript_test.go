package raftsim

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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

// Every script of raft's testdata plays on raftplay's nodes; raft's own
// lines come out as raft's file says for the scripts listed as equal in the
// README, and the test reports the first differing line of each other.
func TestRaftScripts(t *testing.T) {
	dir := raftTestdata(t)
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(paths) != 28 {
		t.Fatalf("%d scripts in %s, want raft v3.7.0's 28", len(paths), dir)
	}
	var equal []string
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		if diff := playScript(t, p); diff != "" {
			t.Logf("%-45s differs: %s", name, diff)
		} else {
			t.Logf("%-45s equal", name)
			equal = append(equal, name)
		}
	}
	for _, name := range scriptsEqual {
		if !slices.Contains(equal, name) {
			t.Errorf("%s no longer plays as raft's file says", name)
		}
	}
	t.Logf("%d of %d scripts equal", len(equal), len(paths))
}

// scriptsEqual are the scripts whose raft lines come out as raft's files
// say (the README's table).
var scriptsEqual = []string{
	"campaign", "campaign_learner_must_vote", "checkquorum", "confchange_disable_validation",
	"confchange_v1_add_single", "confchange_v1_remove_leader", "confchange_v1_remove_leader_stepdown",
	"confchange_v2_add_double_auto", "confchange_v2_add_double_implicit", "confchange_v2_add_single_auto",
	"confchange_v2_add_single_explicit", "confchange_v2_replace_leader", "confchange_v2_replace_leader_stepdown",
	"forget_leader", "forget_leader_prevote_checkquorum", "forget_leader_read_only_lease_based",
	"heartbeat_resp_recovers_from_probing", "lagging_commit", "prevote", "prevote_checkquorum",
	"probe_and_replicate", "replicate_pause", "single_node", "slow_follower_after_compaction",
	"snapshot_succeed_via_app_resp", "snapshot_succeed_via_app_resp_behind",
}
