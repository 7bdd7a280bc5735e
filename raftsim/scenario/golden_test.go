package scenario

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the golden files in testdata/golden from this run")

// TestGoldenFinalSnapshots pins every built-in story's final snapshot: any
// change to the simulator, the stories or the raft library that changes what
// a reader sees shows up here. Regenerate with: go test ./raftsim/scenario -rewrite
func TestGoldenFinalSnapshots(t *testing.T) {
	for _, name := range Builtins {
		t.Run(name, func(t *testing.T) {
			p, _ := play(t, name)
			snap := p.sim.SnapshotJSON()
			got := fmt.Sprintf("%x %d\n", sha256.Sum256(snap), p.sim.Now())
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
			if got != string(want) {
				t.Errorf("final snapshot hash and time changed:\n got %s want %s(run with -rewrite if the change is intended)", got, strings.TrimSpace(string(want))+"\n")
			}
		})
	}
}
