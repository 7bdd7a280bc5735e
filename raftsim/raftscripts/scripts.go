// Package raftscripts holds raft v3.7.0's 28 interaction scripts (its
// testdata), bundled so the page can play them where the Go module cache is
// not: offline, in the browser. The copies are raft's files unchanged, under
// raft's Apache-2.0 licence (raft/LICENSE, raft/NOTICE.md).
package raftscripts

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strings"
)

//go:embed raft/*.txt
var files embed.FS

// Names lists the scripts by name (the file name without ".txt"), in
// alphabetical order.
func Names() []string {
	ents, _ := files.ReadDir("raft") // embedded: cannot fail
	var names []string
	for _, e := range ents {
		names = append(names, strings.TrimSuffix(e.Name(), ".txt"))
	}
	return names
}

// Text returns the script called name, as raft's file holds it.
func Text(name string) (string, error) {
	if slices.Contains(Names(), name) {
		b, err := files.ReadFile(path.Join("raft", name+".txt"))
		return string(b), err
	}
	return "", fmt.Errorf("%q is not one of raft v3.7.0's %d scripts (e.g. %s)", name, len(Names()), strings.Join(Names()[:3], ", "))
}
