package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"raftplay/raftsim"
)

// runRaftScript plays one of raft's interaction scripts on raftplay's
// nodes and prints it back with raftplay's output under each command. It
// returns 0 when raft's own lines (its log lines and messages) came out as
// the file expects, 1 naming the first that did not, 2 for a file it
// cannot read.
func runRaftScript(path string, stdout, stderr io.Writer) int {
	text, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	steps, err := raftsim.ParseScript(filepath.Base(path), string(text))
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	env := raftsim.NewScriptEnv()
	first := ""
	for i, st := range steps {
		out := env.Run(st.Command)
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprint(stdout, st.Format(out))
		if g, w, differ := raftsim.RaftLinesDiffer(out, st.Want); differ && first == "" {
			first = fmt.Sprintf("%s %s: the file has %q, raftplay printed %q", st.Pos, st.Line, w, g)
		}
	}
	if first != "" {
		fmt.Fprintf(stderr, "sim: raft's lines differ from the script's first at %s\n", first)
		return 1
	}
	fmt.Fprintf(stderr, "sim: %d commands; raft's lines are the script's\n", len(steps))
	return 0
}
