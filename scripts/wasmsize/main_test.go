package main

import "testing"

// Functions count towards the package Go names them after, host names with
// dots, methods and closures included.
func TestGoPackage(t *testing.T) {
	for name, want := range map[string]string{
		"go.etcd.io_raft_v3.stepLeader":                                              "go.etcd.io_raft_v3",
		"raftplay_raftsim.(*Sim).Advance":                                            "raftplay_raftsim",
		"github.com_hajimehoshi_ebiten_v2_internal_shader.__compileState_.parseExpr": "github.com_hajimehoshi_ebiten_v2_internal_shader",
		"runtime.gcStart":    "runtime",
		"unicode.map.init.2": "unicode",
		"main.main.func1":    "main",
	} {
		if got := goPackage(name); got != want {
			t.Errorf("goPackage(%q) = %q, want %q", name, got, want)
		}
	}
}
