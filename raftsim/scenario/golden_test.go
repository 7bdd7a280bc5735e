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

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the golden files in testdata/golden from this run")

// TestGoldenStories pins every built-in story: each step's events in their
// text form and when the step ended, as raft's testdata files interleave
// commands and output, then the final snapshot, one field a line. Any change
// to the simulator, the stories or the raft library that changes what a
// reader sees shows up here as the first line that differs, in the step
// where it happened. Regenerate with: go test ./raftsim/scenario -rewrite
func TestGoldenStories(t *testing.T) {
	for _, name := range Builtins {
		t.Run(name, func(t *testing.T) {
			got := storyTranscript(t, name)
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

// storyTranscript plays story name and returns what its golden file holds:
// for each step, the events it caused and when it ended, then the final
// snapshot's JSON indented.
func storyTranscript(t *testing.T, name string) string {
	sc, err := Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	sim, err := clients.New(sc.Config)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	sim.OnEvent(func(e raftsim.Event) { fmt.Fprintln(&b, e) })
	// Each step's header goes before the step begins: a step's first
	// actions are done as it begins.
	fmt.Fprintf(&b, "step 1 begins at %d ms\n", sim.Now())
	p, err := NewPlayer(sim, sc)
	if err != nil {
		t.Fatal(err)
	}
	for {
		r := p.Finish()
		fmt.Fprintf(&b, "step %d ended at %d ms, %d expectations failed\n", r.Step+1, r.EndMs, len(r.Failures))
		if p.Last() {
			break
		}
		fmt.Fprintf(&b, "step %d begins at %d ms\n", r.Step+2, sim.Now())
		if err := p.Next(); err != nil {
			t.Fatal(err)
		}
	}
	var snap bytes.Buffer
	if err := json.Indent(&snap, p.sim.SnapshotJSON(), "", " "); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "final snapshot at %d ms:\n%s\n", p.sim.Now(), snap.Bytes())
	return b.String()
}

// firstDifference names the first line where got and want part, with the
// line before it and the step (or the final snapshot) it is in for context,
// or returns "" when they are equal.
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
			for j := min(i, len(g)) - 1; j >= 0; j-- {
				if strings.HasPrefix(g[j], "step ") || strings.HasPrefix(g[j], "final snapshot") {
					before += fmt.Sprintf(", under %q", g[j])
					break
				}
			}
			return fmt.Sprintf("line %d%s:\n got  %s\n want %s", i+1, before, line(g), line(w))
		}
	}
}
