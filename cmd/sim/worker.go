package main

import (
	"bufio"
	"fmt"
	"os/exec"
	"strings"
)

// runWorker runs this program again as a worker process with args and hands
// each line it prints to line, in order; it returns how many lines there
// were. Batch work (campaigns, experiments) runs in worker processes because
// the simulator serialises raft calls within a process: processes, not
// goroutines, use every core.
func runWorker(self string, args []string, line func([]byte) error) (int64, error) {
	cmd := exec.Command(self, args...)
	var errb strings.Builder
	cmd.Stderr = &errb
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, fmt.Errorf("starting a worker: %v", err)
	}
	sc := bufio.NewScanner(pipe)
	sc.Buffer(nil, 64<<20) // a failing campaign run's line carries its whole action log
	n := int64(0)
	for sc.Scan() {
		if err := line(sc.Bytes()); err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			return n, err
		}
		n++
	}
	if err := cmd.Wait(); err != nil {
		return n, fmt.Errorf("%v: %s", err, errb.String())
	}
	return n, nil
}
