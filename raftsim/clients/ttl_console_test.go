package clients

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// consoleLines collects what the console prints from now on, command lines
// included.
func consoleLines(h *harness) *[]string {
	var out []string
	cancel := h.sim.OnEvent(func(e raftsim.Event) {
		if e.Kind == raftsim.EvConsole {
			out = append(out, e.Text)
		}
	})
	h.t.(*testing.T).Cleanup(cancel)
	return &out
}

// A key with a TTL is gone from every node after its time, removed by the
// same entry (the leader's sync) everywhere, even from a node that was cut
// off when it ran out and caught up later.
func TestTTLExpiresOnEveryNodeAtOneIndex(t *testing.T) {
	h := newHarness(t, 3).v2()
	l := h.leader(2000)
	out := consoleLines(h)
	h.do(fmt.Sprintf(`{"op":"console","line":"set --ttl 2 /t x","via":%d}`, l.ID))
	h.do(fmt.Sprintf(`{"op":"console","line":"set /keep y","via":%d}`, l.ID))
	h.run(300)
	cut := l.ID%5 + 1
	h.do(fmt.Sprintf(`{"op":"partition","groups":[[%d],[%s]]}`, cut, h.others(cut)))
	h.run(3000)
	for _, n := range h.sim.Snapshot().Nodes {
		switch {
		case n.ID == cut && n.Keys != 2:
			t.Errorf("n%d, cut off, holds %d keys: it expired /t on its own clock, not through the log", n.ID, n.Keys)
		case n.ID != cut && n.Keys != 1:
			t.Errorf("n%d holds %d keys 3 s after the TTL of 2 s, want 1", n.ID, n.Keys)
		}
	}
	h.do(`{"op":"heal"}`)
	h.run(3000)
	snap := h.sim.Snapshot()
	for _, n := range snap.Nodes {
		if n.Keys != 1 || n.Hash != snap.Nodes[0].Hash {
			t.Errorf("after healing n%d holds %d keys, hash %s (n1 %s)", n.ID, n.Keys, n.Hash, snap.Nodes[0].Hash)
		}
	}
	*out = nil
	h.do(fmt.Sprintf(`{"op":"console","line":"get /t","via":%d}`, cut))
	h.run(300)
	if len(*out) != 2 || !strings.HasPrefix((*out)[1], "Error:  100: Key not found (/t) [") {
		t.Errorf("get /t on the node that was cut off: %q", *out)
	}
}

// curl goes through the node its URL names and answers with etcd's JSON;
// curl-forms shows each etcdctl command's curl form, which asks the same.
func TestConsoleCurl(t *testing.T) {
	h := newHarness(t, 1).v2()
	h.leader(2000)
	out := consoleLines(h)
	h.do(`{"op":"console","line":"curl-forms on"}`)
	h.do(`{"op":"console","line":"set /nosql/foo bar","via":2}`)
	h.run(300)
	h.do(`{"op":"console","line":"curl -L http://n3:2379/v2/keys/nosql/foo -XPUT -d value=baz"}`)
	h.run(300)
	h.do(`{"op":"crash","node":4}`)
	h.do(`{"op":"console","line":"curl -L http://n4:2379/v2/keys/nosql"}`)
	h.do(`{"op":"console","line":"curl -L http://n9:2379/v2/keys/nosql"}`)
	idx := h.sim.Snapshot().Node(3).Applied
	want := []string{
		"$ curl-forms on",
		"$ etcdctl set /nosql/foo bar   (via n2)",
		"  = curl -L http://n2:2379/v2/keys/nosql/foo -XPUT -d value=bar",
		"bar",
		"$ curl -L http://n3:2379/v2/keys/nosql/foo -XPUT -d value=baz",
		fmt.Sprintf(`{"action":"set","node":{"key":"/nosql/foo","value":"baz","modifiedIndex":%d,"createdIndex":%d},"prevNode":{"key":"/nosql/foo","value":"bar","modifiedIndex":%d,"createdIndex":%d}}`, idx, idx, idx-1, idx-1),
		"$ curl -L http://n4:2379/v2/keys/nosql",
		"curl: (7) Failed to connect to n4 port 2379 after 0 ms: Couldn't connect to server",
		"$ curl -L http://n9:2379/v2/keys/nosql",
		"curl: (6) Could not resolve host: n9",
	}
	if !slices.Equal(*out, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(*out, "\n"), strings.Join(want, "\n"))
	}
}

// watch --forever prints every change until the run ends; a watch skips
// changes to a directory, as etcdctl does, and prints the next change to a
// key.
func TestConsoleWatchForeverAndDirectories(t *testing.T) {
	h := newHarness(t, 1).v2()
	h.leader(2000)
	out := consoleLines(h)
	for _, line := range []string{"watch --forever /f", "set /f 1", "set /f 2", "watch /d", "mkdir /d", "rm --dir /d", "set /d v"} {
		h.do(fmt.Sprintf(`{"op":"console","line":%q,"via":1}`, line))
		h.run(300)
	}
	var answers []string
	for _, l := range *out {
		if !strings.HasPrefix(l, "$ ") {
			answers = append(answers, l)
		}
	}
	if want := []string{"1", "1", "2", "2", "v", "v"}; !slices.Equal(answers, want) {
		t.Errorf("answers %q, want %q (each set's own and the watches')", answers, want)
	}
}
