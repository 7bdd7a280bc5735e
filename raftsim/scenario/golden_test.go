package scenario

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the golden files in testdata/golden from this run")

// TestGoldenStories pins every built-in story: when each step ended, then the
// final snapshot, one field a line. Any change to the simulator, the stories
// or the raft library that changes what a reader sees shows up here as the
// first line that differs. Regenerate with: go test ./raftsim/scenario -rewrite
func TestGoldenStories(t *testing.T) {
	for _, name := range Builtins {
		t.Run(name, func(t *testing.T) {
			p, results := play(t, name)
			got := storyTranscript(t, p, results)
			path := filepath.Join("testdata", "golden", name+".txt")
			if *rewrite {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -rewrite to create it)", err)
			}
			if diff := firstDifference(got, string(want)); diff != "" {
				t.Errorf("%s: %s\n(run with -rewrite if the change is intended)", path, diff)
			}
		})
	}
}

// storyTranscript is what a golden file holds: a line per step, then the
// final snapshot's JSON indented.
func storyTranscript(t *testing.T, p *Player, results []StepResult) string {
	var b strings.Builder
	for _, r := range results {
		fmt.Fprintf(&b, "step %d ended at %d ms, %d expectations failed\n", r.Step+1, r.EndMs, len(r.Failures))
	}
	var snap bytes.Buffer
	if err := json.Indent(&snap, p.sim.SnapshotJSON(), "", " "); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "final snapshot at %d ms:\n%s\n", p.sim.Now(), snap.Bytes())
	return b.String()
}

// firstDifference names the first line where got and want part, with the
// line before it for context, or returns "" when they are equal.
func firstDifference(got, want string) string {
	if got == want {
		return ""
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; ; i++ {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			line := func(ls []string) string {
				if i < len(ls) {
					return fmt.Sprintf("%q", ls[i])
				}
				return "(end of text)"
			}
			before := ""
			if i > 0 {
				before = fmt.Sprintf(" after %q", g[i-1])
			}
			return fmt.Sprintf("line %d%s:\n got  %s\n want %s", i+1, before, line(g), line(w))
		}
	}
}
