package clients

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"raftplay/raftsim"
)

var rewrite = flag.Bool("rewrite", false, "rewrite testdata/v3-session.txt from this run")

// TestV3SessionGolden pins a run that uses the v3 key space every way (the
// console's commands, a watch, a lease that expires, v3 stress and checking
// clients, a crash and a restart from a snapshot): what the console printed,
// each node's revision, compaction, key count and hash, and a digest of every
// event and the final snapshot, byte for byte. The wasm tests compare the same file, so the run
// is the same natively and in WebAssembly. Regenerate with
// go test ./raftsim/clients -run TestV3SessionGolden -rewrite.
func TestV3SessionGolden(t *testing.T) {
	cfg := raftsim.DefaultConfig()
	cfg.Seed, cfg.SnapshotCount, cfg.SnapshotCatchUpEntries = 11, 50, 10
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, sim: s, cs: Of(s)}
	var console strings.Builder
	events := sha256.New()
	s.OnEvent(func(e raftsim.Event) {
		fmt.Fprintln(events, e)
		if e.Kind == raftsim.EvConsole {
			fmt.Fprintln(&console, e.Text)
		}
	})
	h.leader(2000)
	for _, js := range []string{
		`{"op":"console","line":"watch --prefix k --prev-kv"}`, `{"op":"console","line":"put k1 v1"}`,
		`{"op":"console","line":"lease grant 1"}`, `{"op":"console","line":"put k1 v2 --prev-kv -w json"}`,
		`{"op":"console","line":"txn\nvalue(\"k1\") = \"v2\"\n\nput k2 x\ndel k1 --prev-kv\n\nget k1\n"}`,
		`{"op":"stress","on":true,"api":3}`, `{"op":"clients","count":2,"api":3}`,
		`{"op":"crash","node":3}`, `{"op":"console","line":"compaction 20"}`, `{"op":"restart","node":3}`,
		`{"op":"stress","on":false}`, `{"op":"console","line":"get k --prefix -w json"}`,
		`{"op":"console","line":"get stress/k --prefix --rev 10"}`, `{"op":"console","line":"curl -L http://n2:2379/v3/kv/range -X POST -d '{\"key\":\"aw==\",\"range_end\":\"bA==\"}'"}`,
	} {
		h.do(js)
		h.run(700)
	}
	h.run(2000)
	snap := s.Snapshot()
	events.Write(s.SnapshotJSON())
	got := console.String()
	for _, n := range snap.Nodes {
		got += fmt.Sprintf("%s: revision %d, compacted %d, %d keys, hash %s\n", snap.NodeName(n.ID), n.Revision, n.CompactRevision, n.Keys, n.Hash)
	}
	got += fmt.Sprintf("events and snapshot: sha256 %x\n", events.Sum(nil))
	path := filepath.Join("testdata", "v3-session.txt")
	if *rewrite {
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
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("%s line %d:\n got  %q\n want %q\n(run with -rewrite if the change is intended)", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s: %d lines, want %d (run with -rewrite if the change is intended)", path, len(gl), len(wl))
	}
}
