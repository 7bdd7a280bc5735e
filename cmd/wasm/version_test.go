package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionString(t *testing.T) {
	info := &debug.BuildInfo{Deps: []*debug.Module{
		{Path: "github.com/tidwall/gjson", Version: "v1.20.1"},
		{Path: "go.etcd.io/raft/v3", Version: "v3.7.0"},
	}}
	for _, tc := range []struct {
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{info, true, "raftplay 0.1.0 with go.etcd.io/raft/v3 v3.7.0"},
		{&debug.BuildInfo{}, true, "raftplay 0.1.0 with go.etcd.io/raft/v3 unknown"},
		{nil, false, "raftplay 0.1.0 with go.etcd.io/raft/v3 unknown"},
		{&debug.BuildInfo{Deps: []*debug.Module{{Path: "go.etcd.io/raft/v3", Version: "v3.7.0",
			Replace: &debug.Module{Path: "../raft", Version: ""}}}}, true,
			"raftplay 0.1.0 with go.etcd.io/raft/v3 v3.7.0 (replaced by ../raft)"},
	} {
		if got := versionString(tc.info, tc.ok); got != tc.want {
			t.Errorf("versionString = %q, want %q", got, tc.want)
		}
	}
}

// The test binary itself depends on raft through raftsim, so its build
// information names the version go.mod requires.
func TestVersionOfThisBuild(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if got := versionString(info, ok); got != "raftplay 0.1.0 with go.etcd.io/raft/v3 v3.7.0" {
		t.Errorf("this build reports %q", got)
	}
}
