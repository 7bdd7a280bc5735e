package linearize

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/v2store"
)

// The checker against real etcd histories: porcupine's module ships 103
// histories Jepsen recorded against etcd 2.x (reads, writes and
// compare-and-set on one register; time-outs leave the outcome unknown), and
// its own tests say which are linearizable. Each is read into raftplay's
// history and judged by the check the HUD's verdict comes from; the verdict
// must agree on every one.

// jepsenLine is one line of a Jepsen log that matters: process, what
// happened (invoke, ok, fail, info), the operation and its argument.
var jepsenLine = regexp.MustCompile(`^INFO\s+jepsen\.util\s+-\s+(\d+)\s+:(invoke|ok|fail|info)\s+:(read|write|cas)\s+(.*)$`)

var jepsenCas = regexp.MustCompile(`^\[(\d+)\s+(\d+)\]$`)

// jepsenHistory reads a Jepsen etcd log into raftplay's history of the key
// /r. Log lines stand for time: an operation is called at its invoke's line
// and returns at its completion's. A read that timed out constrains nothing
// (Void, as for a client that gave up a read); a write or cas that timed
// out, or never completed, may have taken effect at any later time.
//
// It also says how many failed cas calls it left out as ambiguous.
func jepsenHistory(t testing.TB, path string) (ops []clients.HistoryOp, ambiguous int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	open := map[uint64]int{} // process -> its operation's position in ops
	// When the first write or cas was called and when one first succeeded.
	var firstWriteCalled, firstWriteDone int64
	sc := bufio.NewScanner(f)
	for line := int64(1); sc.Scan(); line++ {
		m := jepsenLine.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		proc, _ := strconv.ParseUint(m[1], 10, 64)
		what, kind, arg := m[2], m[3], m[4]
		if what == "invoke" {
			op := v2store.Op{Key: "/r"}
			switch kind {
			case "read":
				op.Kind = v2store.OpGet
			case "write":
				op.Kind, op.Value = v2store.OpSet, arg
			case "cas":
				c := jepsenCas.FindStringSubmatch(arg)
				if c == nil {
					t.Fatalf("%s:%d: cas %q", path, line, arg)
				}
				op.Kind, op.PrevValue, op.Value = v2store.OpCAS, c[1], c[2]
			}
			if kind != "read" && firstWriteCalled == 0 {
				firstWriteCalled = line
			}
			open[proc] = len(ops)
			ops = append(ops, clients.HistoryOp{ID: uint64(len(ops) + 1), Client: proc, Op: op, CallMs: line, ReturnMs: clients.HistoryInfinity})
			continue
		}
		i, ok := open[proc]
		if !ok {
			t.Fatalf("%s:%d: process %d completes nothing", path, line, proc)
		}
		delete(open, proc)
		o := &ops[i]
		switch {
		case what == "info" || what == "fail" && kind == "read":
			// Timed out: a read constrains nothing, a write may yet apply.
			o.Void = kind == "read"
			continue
		case what == "fail":
			// Jepsen logs etcd's "key not found" (100) and "compare failed"
			// (101) to a cas alike; which one etcd said follows from when:
			// nothing deletes the register, so it is absent until the first
			// write and present once one has returned. A cas that failed
			// while the first writes were under way could have had either
			// answer; it changed nothing, and what it saw is left out.
			code := v2store.ErrCompareFailed
			switch {
			case firstWriteCalled == 0 || line < firstWriteCalled:
				code = v2store.ErrKeyNotFound
			case firstWriteDone == 0 || o.CallMs < firstWriteDone:
				o.Void, o.ReturnMs = true, line
				ambiguous++
				continue
			}
			o.Result = &v2store.Result{Kind: o.Op.Kind, NodeView: v2store.NodeView{Key: "/r"}, ErrCode: code}
		case kind == "read" && arg == "nil":
			o.Result = &v2store.Result{Kind: v2store.OpGet, NodeView: v2store.NodeView{Key: "/r"}, ErrCode: v2store.ErrKeyNotFound}
		default:
			o.Result = &v2store.Result{Kind: o.Op.Kind, NodeView: v2store.NodeView{Key: "/r", Value: arg}}
			if kind != "read" {
				o.Result.Value = o.Op.Value
			}
		}
		o.ReturnMs = line
		if what == "ok" && kind != "read" && firstWriteDone == 0 {
			firstWriteDone = line
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for _, i := range open {
		ops[i].Void = ops[i].Op.Kind == v2store.OpGet
	}
	return ops, ambiguous
}

// porcupineDir finds porcupine's module in the module cache.
func porcupineDir(t testing.TB) string {
	t.Helper()
	if runtime.GOOS == "js" {
		t.Skip("needs the go command to find porcupine's module")
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/anishathalye/porcupine").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// jepsenVerdicts reads which logs porcupine's own tests call linearizable.
func jepsenVerdicts(t *testing.T, dir string) map[int]bool {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, "porcupine_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]bool{}
	for _, m := range regexp.MustCompile(`checkJepsen\(t, (\d+), (true|false)\)`).FindAllStringSubmatch(string(src), -1) {
		n, _ := strconv.Atoi(m[1])
		want[n] = m[2] == "true"
	}
	return want
}

// jepsenBound is how long porcupine may take over one whole history before
// the verdict counts as not reached.
const jepsenBound = 20 * time.Second

func TestJepsenEtcdHistoriesGetPorcupinesVerdicts(t *testing.T) {
	dir := porcupineDir(t)
	logs, _ := filepath.Glob(filepath.Join(dir, "test_data", "jepsen", "etcd_*.log"))
	want := jepsenVerdicts(t, dir)
	if len(logs) != 103 || len(want) != 102 {
		t.Fatalf("found %d logs and %d verdicts in %s; want 103 and 102 (log 95 is empty)", len(logs), len(want), dir)
	}
	tally := map[raftsim.VerdictStatus]int{}
	left := 0
	for _, path := range logs {
		var n int
		fmt.Sscanf(filepath.Base(path), "etcd_%d.log", &n)
		t.Run(filepath.Base(path), func(t *testing.T) {
			history, ambiguous := jepsenHistory(t, path)
			left += ambiguous
			linearizable, known := want[n]
			if !known {
				// Jepsen's cluster never started: nothing to judge.
				if len(history) != 0 {
					t.Fatalf("no verdict for a history of %d operations", len(history))
				}
				linearizable = true
			}
			// The HUD's check, in its bounded pieces, then the rest as a
			// finished history.
			v := New().Final(history)
			if got := v.Status != raftsim.StatusNotLinearizable; got != linearizable {
				t.Fatalf("%d operations: %s (%d checked), porcupine's tests say linearizable=%v\n%s",
					len(history), v.Status, v.Checked, linearizable, strings.Join(v.Offending, "\n"))
			}
			// The same model over the whole history at once, within a bound.
			var ops []clients.HistoryOp
			for _, o := range history {
				if modelled(o) {
					ops = append(ops, o)
				}
			}
			res, _ := porcupine.CheckOperationsVerbose(keyModel(keyState{}), toPorcupine(ops), jepsenBound)
			if res == porcupine.Unknown || (res == porcupine.Ok) != linearizable {
				t.Fatalf("whole history of %d operations: %v within %v, want linearizable=%v", len(ops), res, jepsenBound, linearizable)
			}
			tally[v.Status]++
		})
	}
	t.Logf("verdicts: %v; %d failed cas calls of unknown error left out", tally, left)
}

// BenchmarkCheckJepsenEtcd002 times the final check of Jepsen's etcd_002, a
// linearizable history of 77 calls, many of them timed-out writes and cas
// whose outcome stays unknown.
func BenchmarkCheckJepsenEtcd002(b *testing.B) {
	history, _ := jepsenHistory(b, filepath.Join(porcupineDir(b), "test_data", "jepsen", "etcd_002.log"))
	for b.Loop() {
		if v := New().Final(history); v.Status != raftsim.StatusLinearizable {
			b.Fatalf("%s: %q", v.Status, v.Offending)
		}
	}
}
