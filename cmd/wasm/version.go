package main

import (
	"runtime/debug"
	"strings"
)

// release is raftplay's own version.
const release = "raftplay 0.1.0"

// raftModule is the Raft library whose version the playground reports.
const raftModule = "go.etcd.io/raft/v3"

// versionString names raftplay's release and the Raft library it was built
// with, as the build recorded it.
func versionString(info *debug.BuildInfo, ok bool) string {
	raft := "unknown"
	if ok {
		for _, m := range info.Deps {
			if m.Path == raftModule {
				raft = m.Version
				if r := m.Replace; r != nil {
					raft += " (replaced by " + strings.TrimSpace(r.Path+" "+r.Version) + ")"
				}
			}
		}
	}
	return release + " with " + raftModule + " " + raft
}
