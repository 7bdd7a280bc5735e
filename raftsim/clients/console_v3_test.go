package clients

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// session types lines into the console through node via, each given time
// to be answered, and returns what the console printed.
func (h *harness) session(via uint64, lines ...string) []string {
	h.t.Helper()
	out := consoleLines(h)
	for _, l := range lines {
		h.do(fmt.Sprintf(`{"op":"console","line":%q,"via":%d}`, l, via))
		h.run(300)
	}
	return *out
}

// The console speaks v3 by default; a line's ETCDCTL_API= prefix speaks
// the other API for that line only, export for every line after it.
func TestConsoleSwitchesAPIs(t *testing.T) {
	h := newHarness(t, 1)
	l := h.leader(2000)
	got := h.session(l.ID, "put foo bar", "ETCDCTL_API=2 set /foo v2", "get foo", "ETCDCTL_API=2 etcdctl get /foo",
		"export ETCDCTL_API=2", "get /foo", "ETCDCTL_API=3 get foo --print-value-only", "export ETCDCTL_API=3", "get foo -w json")
	name := h.sim.NodeName(l.ID)
	want := []string{
		"$ etcdctl put foo bar   (via " + name + ")", "OK",
		"$ etcdctl set /foo v2   (via " + name + ")", "v2",
		"$ etcdctl get foo   (via " + name + ")", "foo", "bar",
		"$ etcdctl get /foo   (via " + name + ")", "v2",
		"$ export ETCDCTL_API=2",
		"$ etcdctl get /foo   (via " + name + ")", "v2",
		"$ etcdctl get foo --print-value-only   (via " + name + ")", "bar",
		"$ export ETCDCTL_API=3",
		"$ etcdctl get foo -w json   (via " + name + ")",
	}
	if len(got) != len(want)+1 || !slices.Equal(got[:len(want)], want) || !strings.Contains(got[len(want)], `"kvs":[{"key":"Zm9v","create_revision":2,"mod_revision":2,"version":1,"value":"YmFy"}]`) {
		t.Errorf("console printed\n%q\nwant\n%q and the JSON answer", got, want)
	}
	if err := h.sim.DoJSON(`{"op":"console","line":"export ETCDCTL_API=4"}`); err == nil {
		t.Error("export ETCDCTL_API=4 was taken")
	}
}

// txn -i prompts for each part; the lines typed after it are the txn's.
func TestConsoleTxnReadsTheLinesAfterIt(t *testing.T) {
	h := newHarness(t, 2)
	l := h.leader(2000)
	got := h.session(l.ID, "put k v", "txn -i", `value("k") = "v"`, "", "put k w", "get k", "", "put k never", "", "get k --print-value-only")
	want := []string{"compares:", `value("k") = "v"`, "", "success requests (get, put, del):", "put k w", "get k", "",
		"failure requests (get, put, del):", "put k never", "", "SUCCESS", "", "OK", "", "k", "w"}
	i := slices.Index(got, "compares:")
	if i < 0 || len(got) < i+len(want) || !slices.Equal(got[i:i+len(want)], want) {
		t.Errorf("console printed\n%q\nwant, after the txn line,\n%q", got, want)
	}
	if got[len(got)-1] != "w" {
		t.Errorf("after the txn, get printed %q", got[len(got)-1])
	}
	if h.sim.Snapshot().Clients.ConsoleReading {
		t.Error("the console still reads a txn's lines")
	}
}

// A watch prints each change as its node applies it, a lease's expiry
// (decided by the leader, through raft) included.
func TestConsoleWatchSeesALeaseExpire(t *testing.T) {
	h := newHarness(t, 3)
	l := h.leader(2000)
	via := l.ID%5 + 1
	out := consoleLines(h)
	h.session(via, "watch --prefix w/ --prev-kv", "lease grant 2")
	var lease string
	for _, line := range *out {
		if _, err := fmt.Sscanf(line, "lease %s granted with TTL(2s)", &lease); err == nil {
			break
		}
	}
	if lease == "" {
		t.Fatalf("no lease granted: %q", *out)
	}
	*out = nil
	h.session(via, "put w/a 1 --lease="+lease, "put w/a 2 --lease="+lease)
	h.run(3000)
	h.session(via, "get w/a")
	// The get after the expiry prints nothing.
	want := []string{"PUT", "w/a", "1", "PUT", "w/a", "1", "w/a", "2", "DELETE", "w/a", "2", "w/a", ""}
	var events []string
	for _, line := range *out {
		if !strings.HasPrefix(line, "$ ") && line != "OK" {
			events = append(events, line)
		}
	}
	if !slices.Equal(events, want) {
		t.Errorf("the watch printed %q, want %q", events, want)
	}
}

// A watch on a node that catches up by a snapshot taken after a compaction
// has lost the history it waited for: it is cancelled, as etcd cancels a
// watcher a restore leaves behind the compacted revision.
func TestConsoleWatchCancelledWhenItsHistoryWasCompacted(t *testing.T) {
	cfg := raftsim.DefaultConfig()
	cfg.Seed, cfg.SnapshotCount, cfg.SnapshotCatchUpEntries = 5, 10, 2
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, sim: s, cs: Of(s)}
	l := h.leader(2000)
	cut := l.ID%5 + 1
	out := consoleLines(h)
	h.session(cut, "watch w")
	h.do(fmt.Sprintf(`{"op":"partition","groups":[[%d],[%s]]}`, cut, h.others(cut)))
	// Thirty puts, a compaction, and enough puts after it that the leader's
	// snapshot holds the compaction.
	var lines []string
	for i := range 42 {
		lines = append(lines, fmt.Sprintf("put w %d", i))
		if i == 29 {
			lines = append(lines, "compaction 20")
		}
	}
	h.session(l.ID, lines...)
	h.do(`{"op":"heal"}`)
	h.run(3000)
	if rev, compacted := h.sim.V3Rev(cut); compacted != 20 || rev != 43 {
		t.Fatalf("the cut-off node is at revision %d, compacted %d", rev, compacted)
	}
	want := []string{"watch was canceled (etcdserver: mvcc: required revision has been compacted)", "Error: watch is canceled by the server"}
	if got := *out; !slices.Contains(got, want[0]) || !slices.Contains(got, want[1]) || slices.Contains(got, "PUT") {
		t.Errorf("the console printed %q; want the watch cancelled, without events", got)
	}
}
