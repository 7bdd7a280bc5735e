//go:build linux

package clients

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/shlex"
	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// The differential test: the command scripts in testdata/etcdv2 run through
// a real etcd 3.4 (ETCDCTL_API=2 etcdctl for keys, etcdctl's default v3 for
// member commands, and curl to its /v2/keys) and through raftplay's console,
// and what each printed must be the same, line by line, after normalizing
// only what has to differ: indices, expiry times, member and cluster IDs,
// URLs, the widths of a table's columns, which follow the IDs, and the order
// of a directory's children, which etcd lists in no fixed order. Both
// clusters call their members m1, m2 and m3.
//
// A script line is an etcdctl command (without "etcdctl") or a curl command
// naming nodes as n1:2379 … n3:2379; "# …" is a comment. {id:NAME} in a line
// is the ID of the member called NAME on each side, {lease} the lease the
// last lease grant gave on each side. More forms:
//
//	& LINE     starts LINE in the background (a watch), and goes on;
//	wait       waits for the background lines; what the lines since the
//	           first "&" printed compares as one set, their order being
//	           a race in both (an etcdctl v3 watch, which never ends, is
//	           stopped there, as Ctrl-C stops it);
//	sleep MS   lets MS milliseconds pass (TTLs), in real and virtual time;
//	| TEXT     a line of the previous command's input (txn reads them;
//	           "|" alone is a blank line);
//	? LINE     a command whose output is known to differ (the test says
//	           why in a comment above it): compared and logged, not failed.
//
// The scripts in testdata/etcdv2 speak etcdctl's v2 API (ETCDCTL_API=2, the
// console's "export ETCDCTL_API=2"), except member commands, which exist with
// learners only in v3; those in testdata/etcdv3 speak v3, etcdctl 3.4's
// default, each against a fresh cluster so that revisions compare as they
// are.
func TestConsoleMatchesRealEtcd(t *testing.T) {
	scripts := scriptsIn(t, "etcdv2")
	const members = 3
	etcd := startEtcd(t, members)
	etcd.api = 2
	commands := 0
	for _, path := range scripts {
		steps := readScript(t, path)
		commands += countCommands(steps)
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			etcd.clear(t)
			h := newDiffHarness(t, members)
			h.console("export ETCDCTL_API=2")
			runScript(t, filepath.Base(path), steps, etcd, h)
		})
	}
	if commands < 60 {
		t.Errorf("the scripts hold %d commands; the comparison wants at least 60", commands)
	}
	t.Logf("%d scripts, %d commands compared with etcd", len(scripts), commands)
}

func TestConsoleMatchesRealEtcdV3(t *testing.T) {
	scripts := scriptsIn(t, "etcdv3")
	const members = 3
	commands := 0
	var known []string
	for _, path := range scripts {
		steps := readScript(t, path)
		commands += countCommands(steps)
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txt"), func(t *testing.T) {
			etcd := startEtcd(t, members)
			etcd.api = 3
			h := newDiffHarness(t, members)
			known = append(known, runScript(t, filepath.Base(path), steps, etcd, h)...)
		})
	}
	if commands < 150 {
		t.Errorf("the scripts hold %d commands; the comparison wants at least 150", commands)
	}
	t.Logf("%d scripts, %d commands compared with etcd; %d known differences:\n%s", len(scripts), commands, len(known), strings.Join(known, "\n"))
}

func scriptsIn(t *testing.T, dir string) []string {
	t.Helper()
	scripts, err := filepath.Glob(filepath.Join("testdata", dir, "*.txt"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in testdata/%s: %v", dir, err)
	}
	return scripts
}

// step is one line of a script.
type step struct {
	line       string
	at         int // line number, for messages
	background bool
	wait       bool
	sleepMs    int64
	// input are the lines the command reads ("| TEXT" after it).
	input []string
	// knownDiff marks a "? LINE": its difference is logged, not failed.
	knownDiff bool
}

func readScript(t *testing.T, path string) []step {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var steps []step
	sc := bufio.NewScanner(f)
	for at := 1; sc.Scan(); at++ {
		line := strings.TrimSpace(sc.Text())
		st := step{line: line, at: at}
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case line == "|" || strings.HasPrefix(line, "| "):
			if len(steps) == 0 {
				t.Fatalf("%s:%d: input with no command before it", path, at)
			}
			steps[len(steps)-1].input = append(steps[len(steps)-1].input, strings.TrimPrefix(strings.TrimPrefix(line, "|"), " "))
			continue
		case strings.HasPrefix(line, "? "):
			st.line, st.knownDiff = strings.TrimPrefix(line, "? "), true
		case line == "wait":
			st.wait = true
		case strings.HasPrefix(line, "sleep "):
			ms, err := strconv.ParseInt(strings.TrimPrefix(line, "sleep "), 10, 64)
			if err != nil {
				t.Fatalf("%s:%d: sleep needs milliseconds", path, at)
			}
			st.sleepMs = ms
		case strings.HasPrefix(line, "& "):
			st.line, st.background = strings.TrimPrefix(line, "& "), true
		}
		steps = append(steps, st)
	}
	return steps
}

func countCommands(steps []step) int {
	n := 0
	for _, st := range steps {
		if !st.wait && st.sleepMs == 0 {
			n++
		}
	}
	return n
}

// runScript runs the steps on both sides and compares what each command (or
// background group) printed. It returns the known differences it saw.
func runScript(t *testing.T, name string, steps []step, etcd *realEtcd, h *diffHarness) (known []string) {
	var group []string // the commands of the open background group
	var bg []*realRun  // its background runs on the real etcd
	var realGroup []string
	for _, st := range steps {
		switch {
		case st.sleepMs > 0:
			time.Sleep(time.Duration(st.sleepMs) * time.Millisecond)
			h.sim.Advance(st.sleepMs)
			continue
		case st.wait && etcd.api == 3:
			// etcdctl v3's watch goes on until stopped: stop both.
			time.Sleep(500 * time.Millisecond)
			for _, r := range bg {
				realGroup = append(realGroup, r.stop()...)
			}
			h.cs.v3watches = nil
			compare(t, fmt.Sprintf("%s:%d (%s)", name, st.at, strings.Join(group, "; ")), realGroup, h.take(), true)
			group, bg, realGroup = nil, nil, nil
			continue
		case st.wait:
			for _, r := range bg {
				realGroup = append(realGroup, r.finish(5*time.Second)...)
			}
			simGroup := h.take()
			compare(t, fmt.Sprintf("%s:%d (%s)", name, st.at, strings.Join(group, "; ")), realGroup, simGroup, true)
			group, bg, realGroup = nil, nil, nil
			continue
		}
		r := etcd.start(t, withLease(withIDs(t, st.line, etcd.ids), etcd.lease), st.input)
		h.consoleWithInput(withLease(withIDs(t, st.line, h.ids()), h.lease), st.input)
		if st.background {
			// Give the watch time to reach etcd before the next command.
			time.Sleep(500 * time.Millisecond)
			bg = append(bg, r)
		}
		if st.background || group != nil {
			group = append(group, st.line)
			if !st.background {
				realGroup = append(realGroup, r.finish(10*time.Second)...)
			}
			continue
		}
		real := r.finish(10 * time.Second)
		etcd.learnID(st.line, real)
		sim := h.take()
		etcd.lease, h.lease = grantedLease(real, etcd.lease), grantedLease(sim, h.lease)
		what := fmt.Sprintf("%s:%d %s", name, st.at, st.line)
		if st.knownDiff {
			if d := difference(real, sim, listsInAnyOrder(st.line)); d != "" {
				known = append(known, what+d)
			}
			continue
		}
		compare(t, what, real, sim, listsInAnyOrder(st.line))
	}
	if group != nil {
		t.Errorf("%s: background lines with no wait after them", name)
	}
	return known
}

// granted is how etcdctl says it granted a lease.
var granted = regexp.MustCompile(`lease ([0-9a-f]{16}) granted`)

// grantedLease is the lease a command's output says was granted, or last.
func grantedLease(printed []string, last string) string {
	for _, l := range printed {
		if m := granted.FindStringSubmatch(l); m != nil {
			return m[1]
		}
	}
	return last
}

// withLease puts the last granted lease for {lease}.
func withLease(line, lease string) string { return strings.ReplaceAll(line, "{lease}", lease) }

// listsInAnyOrder tells commands whose lines come in an order etcd does not
// fix: directory listings, the members and the leases (etcd's lessor keeps
// them in a map).
func listsInAnyOrder(line string) bool {
	f := append(strings.Fields(line), "")
	return f[0] == "ls" || f[0] == "member" || f[0] == "cluster-health" || f[0] == "lease" && f[1] == "list"
}

func compare(t *testing.T, what string, real, sim []string, anyOrder bool) {
	t.Helper()
	if d := difference(real, sim, anyOrder); d != "" {
		t.Error(what + d)
	}
}

// difference says how what etcd and raftplay printed differ, "" if alike.
func difference(real, sim []string, anyOrder bool) string {
	// etcd's v3 client logs each failed attempt on stderr, in JSON, before
	// etcdctl prints the error: a log, not an answer.
	real = slices.DeleteFunc(real, func(l string) bool { return strings.HasPrefix(l, `err: {"level":`) })
	real, sim = normalizeAll(real), normalizeAll(sim)
	if anyOrder {
		slices.Sort(real)
		slices.Sort(sim)
	}
	if slices.Equal(real, sim) {
		return ""
	}
	return fmt.Sprintf(":\n  etcd printed     %q\n  raftplay printed %q", real, sim)
}

// realRun is one command run against the real etcd.
type realRun struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	done           chan error
}

// start runs a script line against the real cluster: etcdctl through
// member 1, curl to the member its URL names; input is its standard input.
func (e *realEtcd) start(t *testing.T, line string, input []string) *realRun {
	t.Helper()
	words, err := shlex.Split(line)
	if err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	r := &realRun{done: make(chan error, 1)}
	if words[0] == "curl" {
		for i := range words {
			words[i] = nodeHost.ReplaceAllStringFunc(words[i], func(h string) string {
				n, _ := strconv.Atoi(h[1:2])
				return strings.TrimPrefix(e.clients[n-1], "http://")
			})
		}
		r.cmd = exec.Command("curl", append([]string{"-sS"}, words[1:]...)...)
	} else {
		r.cmd = exec.Command("etcdctl", append([]string{"--endpoints", e.clients[0]}, words...)...)
		r.cmd.Env = append(os.Environ(), "ETCDCTL_API="+e.etcdctlAPI(words))
	}
	if input != nil {
		r.cmd.Stdin = strings.NewReader(strings.Join(input, "\n") + "\n")
	}
	r.cmd.Stdout, r.cmd.Stderr = &r.stdout, &r.stderr
	if err := r.cmd.Start(); err != nil {
		t.Fatalf("%q: %v", line, err)
	}
	go func() { r.done <- r.cmd.Wait() }()
	return r
}

// etcdctlAPI is the etcdctl API a command goes through: the script's, and
// v3 for member commands, which have learners only there.
func (e *realEtcd) etcdctlAPI(words []string) string {
	if words[0] == "member" || e.api == 3 {
		return "3"
	}
	return "2"
}

// idRef is how a script names a member's ID: {id:m2}.
var idRef = regexp.MustCompile(`\{id:(\w+)\}`)

// withIDs puts each member's ID, in hex, for its {id:NAME}.
func withIDs(t *testing.T, line string, ids map[string]uint64) string {
	t.Helper()
	return idRef.ReplaceAllStringFunc(line, func(ref string) string {
		id, ok := ids[idRef.FindStringSubmatch(ref)[1]]
		if !ok {
			t.Fatalf("%q: no member is called that (members: %v)", line, ids)
		}
		return strconv.FormatUint(id, 16)
	})
}

// nodeHost is how scripts name a member in a URL.
var nodeHost = regexp.MustCompile(`n[1-9]:2379`)

// finish waits for the run (killing it after limit) and returns what it
// printed, standard output first, as the console's "out:"/"err:" lines.
func (r *realRun) finish(limit time.Duration) []string {
	select {
	case <-r.done:
	case <-time.After(limit):
		r.cmd.Process.Kill()
		<-r.done
		return append(printedLines(r.stdout.String(), r.stderr.String()), "(still waiting when stopped)")
	}
	return printedLines(r.stdout.String(), r.stderr.String())
}

// stop ends a run that goes on until stopped (etcdctl v3's watch) and
// returns what it printed.
func (r *realRun) stop() []string {
	r.cmd.Process.Kill()
	<-r.done
	return printedLines(r.stdout.String(), r.stderr.String())
}

func printedLines(stdout, stderr string) []string {
	var out []string
	for _, s := range []struct{ prefix, text string }{{"out: ", stdout}, {"err: ", stderr}} {
		if s.text == "" {
			continue
		}
		for _, l := range strings.Split(strings.TrimSuffix(s.text, "\n"), "\n") {
			out = append(out, s.prefix+l)
		}
	}
	return out
}

// clear removes every key and directory from the real etcd, so each script
// starts from an empty key space as the simulator does.
func (e *realEtcd) clear(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "curl", "-sS", e.clients[0]+"/v2/keys/").Output()
	if err != nil {
		t.Fatalf("listing the real etcd: %v", err)
	}
	for _, n := range gjson.GetBytes(out, "node.nodes.#.key").Array() {
		if err := exec.CommandContext(ctx, "curl", "-sS", "-XDELETE", e.clients[0]+"/v2/keys"+n.String()+"?recursive=true").Run(); err != nil {
			t.Fatalf("clearing %s: %v", n.String(), err)
		}
	}
}

// diffHarness drives the simulated cluster's console and collects what it
// printed.
type diffHarness struct {
	*harness
	via     uint64
	printed []string
	// lease is the lease the console last granted.
	lease string
}

// commandMs is how long the simulation runs after each command: enough for
// any answer of a healthy cluster.
const commandMs = 300

func newDiffHarness(t *testing.T, nodes int) *diffHarness {
	cfg := raftsim.DefaultConfig()
	cfg.Seed, cfg.Nodes = 1, nodes
	for i := range nodes {
		cfg.Names = append(cfg.Names, fmt.Sprintf("m%d", i+1))
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &diffHarness{harness: &harness{t: t, sim: s, cs: Of(s)}}
	h.via = h.leader(3000).ID
	cancel := s.OnEvent(func(e raftsim.Event) {
		switch {
		case e.Kind != raftsim.EvConsole || e.Line == raftsim.ConsoleCommand:
		case e.Line == raftsim.ConsoleError:
			h.printed = append(h.printed, "err: "+e.Text)
		default:
			h.printed = append(h.printed, "out: "+e.Text)
		}
	})
	t.Cleanup(cancel)
	return h
}

// ids are the simulated members' IDs by name.
func (h *diffHarness) ids() map[string]uint64 {
	snap := h.sim.Snapshot()
	ids := map[string]uint64{}
	for _, id := range snap.NodeIDs() {
		ids[snap.NodeName(id)] = id
	}
	return ids
}

func (h *diffHarness) console(line string) { h.consoleWithInput(line, nil) }

// consoleWithInput types a line, then the lines it reads, as a user does.
func (h *diffHarness) consoleWithInput(line string, input []string) {
	for _, l := range append([]string{line}, input...) {
		h.do(fmt.Sprintf(`{"op":"console","line":%q,"via":%d}`, l, h.via))
	}
	h.run(commandMs)
}

// take returns what the console printed since the last take.
func (h *diffHarness) take() []string {
	p := h.printed
	h.printed = nil
	return p
}
