// Command sim runs a raftplay simulation headless and prints its final
// snapshot as JSON: the same simulator the browser playground drives.
//
//	go run ./cmd/sim -seed 7 -for 10s [-nodes 5] [-actions file.json] [-v] [-trace FILE]
//	                 [-prevote=false] [-checkquorum=false] [-tick-ms 10] [-election-ticks 15]
//	                 [-heartbeat-ticks 5] [-latency 4-12] [-disk 1-3] [-loss 0.01]
//	go run ./cmd/sim -scenario partition|story.json [-v]
//	go run ./cmd/sim -clients 3 [-read-mode linearizable|lease|serializable] [-stress] [-api 2|3] -check [...]
//	go run ./cmd/sim -nemesis -seeds 1-10000 [-lying] [-workers N] [-out dir]
//	go run ./cmd/sim -experiment election [-trials 1000] [-json] [-ranges 12,25,50,100,150]
//	                 [-latency 2-4] [-disk 1-2] [-workers N] [-whatif]
//
// The same flags and file give the same bytes, on every machine and in wasm.
// -v prints the event log as text on stderr. -trace writes every message of
// the run to FILE, one JSON line each: its stream, when it was sent and
// ended, and its fate (package raftsim/trace). -scenario plays a story and checks
// its expectations: exit status 0 when all hold, 1 naming the step and the
// expectation that failed. -clients runs that many checking clients (writes,
// reads and compare-and-swaps on a few keys) beside any actions, through
// etcd's v2 API or, with -api 3, its v3 API (as -stress's writers); -check then
// judges their history with porcupine, prints the verdict on stderr and exits
// 1 when the history is not linearizable or a safety invariant broke.
// -nemesis runs a seeded fault campaign (package raftsim/nemesis) over worker
// processes, with a progress bar and a summary on stderr; for each failing
// seed it prints the command that reproduces it and writes its action file;
// exit status 1 when any run failed.
// -experiment election reproduces the Raft paper's election-time experiment
// (raftsim/experiment) over worker processes and prints its table, or with
// -json its results. Bad
// flags or files: a message on stderr and exit status 2.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/trace"
	"raftplay/raftsim/v2store"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sim", flag.ContinueOnError)
	fs.SetOutput(stderr)
	knobs := addConfigFlags(fs)
	dur := fs.Duration("for", 10*time.Second, "virtual time to simulate, e.g. 10s or 500ms")
	actionsFile := fs.String("actions", "", "JSON array of actions, each with at_ms, applied at those virtual times")
	verbose := fs.Bool("v", false, "print the event log on stderr")
	traceFile := fs.String("trace", "", "write every message to this file, one JSON line each (stream, sent and end times, fate)")
	raftScript := fs.String("raft-script", "", "play one of raft's interaction scripts (testdata/*.txt) on raftplay's nodes in manual mode and print it with raftplay's output")
	story := fs.String("scenario", "", "play a built-in story by name, or a story file (.json), and check its expectations")
	nClients := fs.Int("clients", 0, "checking clients to run (0 to 16)")
	readMode := fs.String("read-mode", string(v2store.ReadLinearizable), fmt.Sprintf("how the checking clients read: %s, %s (raft's ReadOnlyLeaseBased, not etcd's; sets -%s %s) or %s",
		v2store.ReadLinearizable, v2store.ReadLease, raftsim.ConfigFieldNamed("read_only").Flag, raftsim.ReadOnlyLeaseBased, v2store.ReadSerializable))
	stress := fs.Bool("stress", false, "run the stress writers")
	api := fs.Int("api", 2, "the etcd API the checking clients and stress writers use: 2 or 3")
	check := fs.Bool("check", false, "check the clients' history for linearizability and the invariants; exit 1 if either fails")
	campaign := nemesisFlags(fs)
	exp := addExperimentFlags(fs, campaign.workers)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sim: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if campaign.wanted() {
		return campaign.run(stdout, stderr)
	}
	if *raftScript != "" {
		return runRaftScript(*raftScript, stdout, stderr)
	}
	if *dur <= 0 || *dur%time.Millisecond != 0 {
		fmt.Fprintf(stderr, "sim: -for must be a positive whole number of milliseconds, got %v\n", *dur)
		return 2
	}
	if *exp.name != "" {
		return runExperiment(exp, knobs, args, stdout, stderr)
	}
	if *story != "" {
		sc, err := loadScenario(*story)
		if err != nil {
			fmt.Fprintf(stderr, "sim: %v\n", err)
			return 2
		}
		return runScenario(sc, *verbose, stdout, stderr)
	}
	var actions []raftsim.ActionRecord
	if *actionsFile != "" {
		b, err := os.ReadFile(*actionsFile)
		if err != nil {
			fmt.Fprintf(stderr, "sim: %v\n", err)
			return 2
		}
		if actions, err = raftsim.ParseActionRecords(string(b)); err != nil {
			fmt.Fprintf(stderr, "sim: %s: %v\n", *actionsFile, err)
			return 2
		}
	}
	if *nClients < 0 || *nClients > 16 {
		fmt.Fprintf(stderr, "sim: -clients must be 0 to 16, got %d\n", *nClients)
		return 2
	}
	read, err := v2store.ParseReadMode(*readMode)
	if err != nil {
		fmt.Fprintf(stderr, "sim: -read-mode must be %s, got %q\n", v2store.ReadModeChoices(), *readMode)
		return 2
	}
	if *api != 2 && *api != 3 {
		fmt.Fprintf(stderr, "sim: -api must be 2 or 3, got %d\n", *api)
		return 2
	}
	actionAPI := 0 // v2, as the action log writes it
	if *api == 3 {
		actionAPI = 3
	}
	cfg, err := knobs.config()
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	if read == v2store.ReadLease && *nClients > 0 && !knobs.fieldSet("read_only") {
		// Lease reads are raft's option, set in every node's raft.Config.
		cfg.ReadOnly = raftsim.ReadOnlyLeaseBased
		if err := cfg.Validate(); err != nil {
			fmt.Fprintf(stderr, "sim: -read-mode lease: %v\n", err)
			return 2
		}
	}
	// The workload starts with the run, ahead of the actions file's actions.
	var start []raftsim.ActionRecord
	if *nClients > 0 {
		start = append(start, raftsim.ActionRecord{Action: raftsim.Action{Op: raftsim.ActClients, Count: *nClients, Read: read, API: actionAPI}})
	}
	if *stress {
		start = append(start, raftsim.ActionRecord{Action: raftsim.Action{Op: raftsim.ActStress, On: true, API: actionAPI}})
	}
	sim, err := judged.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	cs := clients.Of(sim)
	if *verbose {
		sim.OnEvent(func(e raftsim.Event) { fmt.Fprintln(stderr, e) })
	}
	var rec *trace.Recorder
	if *traceFile != "" {
		f, err := os.Create(*traceFile)
		if err != nil {
			fmt.Fprintf(stderr, "sim: -trace: %v\n", err)
			return 2
		}
		defer f.Close()
		rec = trace.Record(sim, f)
	}
	refused, err := sim.Replay(raftsim.Run{Config: cfg, Actions: append(start, actions...), NowMs: dur.Milliseconds()})
	if err != nil {
		fmt.Fprintf(stderr, "sim: %v\n", err)
		return 2
	}
	if rec != nil {
		if err := rec.Close(); err != nil {
			fmt.Fprintf(stderr, "sim: -trace: %v\n", err)
			return 2
		}
	}
	for _, r := range refused {
		// A refused action changes nothing; the run goes on, as in the browser.
		fmt.Fprintf(stderr, "sim: %v\n", r)
	}
	var verdict raftsim.Verdict
	if *check {
		verdict = cs.FinalVerdict()
	}
	snap := sim.Snapshot()
	fmt.Fprintf(stdout, "%s\n", snap.JSON())
	if !*check {
		return 0
	}
	return report(snap, verdict, stderr)
}

// report prints the final verdict v of -check and returns the exit status.
func report(snap *raftsim.Snapshot, v raftsim.Verdict, stderr io.Writer) int {
	fmt.Fprintf(stderr, "sim: history of %d operations: %s (%d checked)\n", snap.Clients.Operations, v.Status, v.Checked)
	for _, o := range v.Offending {
		fmt.Fprintf(stderr, "sim:   %s\n", o)
	}
	for _, viol := range snap.Invariants.Violations {
		fmt.Fprintf(stderr, "sim: invariant %s broke at %d ms: %s\n", viol.Invariant, viol.AtMs, viol.Detail)
	}
	if v.Status == raftsim.StatusNotLinearizable || !snap.Invariants.OK {
		return 1
	}
	fmt.Fprintln(stderr, "sim: every invariant held")
	return 0
}
