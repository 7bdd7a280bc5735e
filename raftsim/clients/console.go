package clients

import (
	"fmt"
	"strings"

	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// The console takes etcdctl (v2) command lines and curl requests to
// /v2/keys and answers them as etcdctl and etcd do, standard output as
// answers and standard error as errors. Its commands are actions
// ({"op":"console","line":"get /foo"}), so a run's console session is in its
// action log and replays with it.

// curlFormsCommand switches on or off the curl form shown under each
// etcdctl command.
const curlFormsCommand = "curl-forms"

// consoleLines runs the lines of a console action in turn: one command, or
// a command with the lines a txn reads after it. A bad first line refuses
// the action; once a line ran, what a later one does wrong is said in the
// console, as a shell reading a script goes on.
func (cs *Clients) consoleLines(text string, via uint64) error {
	for i, line := range strings.Split(text, "\n") {
		err := cs.console(line, via)
		switch {
		case err != nil && i == 0:
			return err
		case err != nil:
			cs.consoleLine(via, raftsim.ConsoleError, err.Error())
		}
	}
	return nil
}

// console runs a command line through node via, writing the answer as
// console events when it comes. A line may name its etcdctl API first
// (ETCDCTL_API=2 get /foo), or set the session's (export ETCDCTL_API=2).
func (cs *Clients) console(line string, via uint64) error {
	if cs.txn != nil {
		cs.txnLine(strings.TrimSpace(line))
		return nil
	}
	api, line := splitAPI(line)
	words := append(strings.Fields(line), "")
	switch words[0] {
	case "":
		return nil
	case "curl":
		return cs.curl(line)
	case curlFormsCommand:
		return cs.toggleCurlForms(words[1 : len(words)-1])
	case "export":
		return cs.exportAPI(words[1 : len(words)-1])
	}
	if raftsim.IsRaftScriptCommand(line) {
		return cs.raftScript(line, via)
	}
	if api == 0 {
		api = cs.api
	}
	if api == 3 {
		return cs.consoleV3(line, via)
	}
	e, err := v2store.ParseEtcdctl(line)
	if err != nil {
		return err
	}
	cs.consoleLine(via, raftsim.ConsoleCommand, fmt.Sprintf("$ etcdctl %s   (via %s)", strings.Join(strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "etcdctl")), " "), cs.name(via)))
	if cs.curlForms && e.Asks() {
		cs.consoleLine(via, raftsim.ConsoleCommand, "  = "+v2store.CurlForm(e.Op, fmt.Sprintf("n%d", via)))
	}
	switch {
	case e.Printed != nil:
		cs.printed(via, *e.Printed)
	case e.Member != nil:
		cs.member(e.Member, via)
	case e.Name == "cluster-health":
		cs.clusterHealth(via)
	default:
		op := e.Op
		op.StampTTL(cs.sim.Now())
		cs.etcdctlCall(e, op, via)
	}
	return nil
}

// etcdctlCall sends an etcdctl command's operation and prints the answer. A
// watch that goes on (--forever, or a change to a directory, which etcdctl
// skips) waits again from the index after the change.
func (cs *Clients) etcdctlCall(e v2store.Etcdctl, op v2store.Op, via uint64) {
	c := cs.etcdctl
	if op.Kind == v2store.OpWatch {
		c = cs.watcher
	}
	cs.invoke(c, via, op, func(r *v2store.Result) {
		if r == nil {
			cs.consoleLine(via, raftsim.ConsoleError, "Error:  client: etcd cluster is unavailable or misconfigured; error #0: timed out")
			return
		}
		if !(op.Kind == v2store.OpWatch && r.OK() && r.Dir) {
			cs.printed(via, e.Output(r))
		}
		if op.Kind == v2store.OpWatch && e.WatchAgain(r) {
			op.AfterIndex = r.Index + 1
			cs.etcdctlCall(e, op, via)
		}
	})
}

func (cs *Clients) printed(via uint64, p v2store.Printed) {
	for _, l := range p.Stdout {
		cs.consoleLine(via, raftsim.ConsoleAnswer, l)
	}
	for _, l := range p.Stderr {
		cs.consoleLine(via, raftsim.ConsoleError, l)
	}
}

// clusterHealth asks each member for its health, as etcdctl
// cluster-health does: a running member answers; the cluster is healthy
// when all do, degraded when some do.
func (cs *Clients) clusterHealth(via uint64) {
	up := 0
	ids := cs.sim.NodeIDs()
	for _, id := range ids {
		if cs.sim.Up(id) {
			up++
			cs.consoleLine(via, raftsim.ConsoleAnswer, fmt.Sprintf("member %x is healthy: got healthy result from http://n%d:2379", id, id))
		} else {
			cs.consoleLine(via, raftsim.ConsoleAnswer, fmt.Sprintf("member %x is unreachable: [http://n%d:2379] are all unreachable", id, id))
		}
	}
	switch {
	case up == len(ids):
		cs.consoleLine(via, raftsim.ConsoleAnswer, "cluster is healthy")
	case up > 0:
		cs.consoleLine(via, raftsim.ConsoleAnswer, "cluster is degraded")
	default:
		cs.consoleLine(via, raftsim.ConsoleAnswer, "cluster is unavailable")
	}
}

func (cs *Clients) toggleCurlForms(args []string) error {
	switch {
	case len(args) == 1 && args[0] == "on":
		cs.curlForms = true
	case len(args) == 1 && args[0] == "off":
		cs.curlForms = false
	default:
		return fmt.Errorf("%s on|off: show each etcdctl command's curl form under it, or stop", curlFormsCommand)
	}
	cs.consoleLine(0, raftsim.ConsoleCommand, "$ "+curlFormsCommand+" "+args[0])
	return nil
}

func (cs *Clients) consoleLine(via uint64, kind raftsim.ConsoleLine, text string) {
	cs.sim.Emit(raftsim.Event{Kind: raftsim.EvConsole, Node: via, Line: kind, Text: text})
}

// apiVariable is the environment variable that picks etcdctl's API.
const apiVariable = "ETCDCTL_API"

// splitAPI takes "ETCDCTL_API=2 " (or 3) off the front of a line, as a
// shell sets a variable for one command. It returns the API, 0 when the
// line names none.
func splitAPI(line string) (int, string) {
	first, rest, _ := strings.Cut(strings.TrimSpace(line), " ")
	switch first {
	case apiVariable + "=2":
		return 2, strings.TrimSpace(rest)
	case apiVariable + "=3":
		return 3, strings.TrimSpace(rest)
	}
	return 0, line
}

// exportAPI is "export ETCDCTL_API=2": the session's etcdctl API, as a
// shell keeps the variable for the commands after it.
func (cs *Clients) exportAPI(args []string) error {
	if len(args) != 1 || (args[0] != apiVariable+"=2" && args[0] != apiVariable+"=3") {
		return fmt.Errorf("export %s=2 or export %s=3: the etcdctl API the console speaks", apiVariable, apiVariable)
	}
	cs.api = int(args[0][len(args[0])-1] - '0')
	cs.consoleLine(0, raftsim.ConsoleCommand, "$ export "+args[0])
	return nil
}

// raftScript runs a command of raft's interaction scripts on the nodes
// (manual mode only) and prints what it prints, raft's own lines included.
func (cs *Clients) raftScript(line string, via uint64) error {
	out, err := cs.sim.RaftScriptCommand(line)
	if err != nil {
		return err
	}
	cs.consoleLine(via, raftsim.ConsoleCommand, "$ "+strings.TrimSpace(line))
	for l := range strings.Lines(out) {
		cs.consoleLine(via, raftsim.ConsoleAnswer, strings.TrimSuffix(l, "\n"))
	}
	return nil
}
