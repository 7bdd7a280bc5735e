package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/scenario"
)

// loadScenario reads a built-in story by name, or a story file by path (any
// argument ending in .json).
func loadScenario(arg string) (*scenario.Scenario, error) {
	if !strings.HasSuffix(arg, ".json") {
		return scenario.Builtin(arg)
	}
	b, err := os.ReadFile(arg)
	if err != nil {
		return nil, err
	}
	sc, err := scenario.Parse(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", arg, err)
	}
	return sc, nil
}

// runScenario plays a story headless, prints one line per step and returns
// the exit status: 0 when every expectation held, 1 naming each that did not.
func runScenario(sc *scenario.Scenario, verbose bool, stdout, stderr io.Writer) int {
	// Judged as a run without a story is, so that a story's expected
	// snapshot (an exported run's) reads the same verdict.
	sim, err := judged.New(sc.Config)
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	if verbose {
		sim.OnEvent(func(e raftsim.Event) { fmt.Fprintln(stderr, e) })
	}
	p, err := scenario.NewPlayer(sim, sc)
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "%s — %s (seed %d)\n", sc.Name, sc.Title, sc.Config.Seed)
	failed := 0
	for _, r := range p.RunAll() {
		mark := "ok  "
		if !r.OK() {
			mark = "FAIL"
		}
		fmt.Fprintf(stdout, "%s step %d/%d at %6d ms: %s\n", mark, r.Step+1, len(sc.Steps), r.EndMs, sc.Steps[r.Step].Caption)
		for _, f := range r.Failures {
			fmt.Fprintf(stderr, "sim: %s step %d: %s\n", sc.Name, r.Step+1, f)
			failed++
		}
	}
	if failed > 0 {
		return 1
	}
	return 0
}
