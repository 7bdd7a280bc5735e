package clients

import (
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// The console answers etcdctl commands as etcdctl does, in order, errors included.
func TestConsoleAnswersLikeEtcdctl(t *testing.T) {
	h := newHarness(t, 1).v2()
	l := h.leader(2000)
	var out []string
	h.sim.OnEvent(func(e raftsim.Event) {
		if e.Kind == raftsim.EvConsole && e.Line != raftsim.ConsoleCommand {
			// etcdctl prints errors, and "KEY: is a directory", on stderr.
			if (e.Line == raftsim.ConsoleError) != (strings.HasPrefix(e.Text, "Error") || strings.HasSuffix(e.Text, ": is a directory")) {
				t.Errorf("console line %q is marked %s", e.Text, e.Line)
			}
			out = append(out, e.Text)
		}
	})
	steps := []struct {
		line string
		want []string
	}{
		{"set /nosql/foo bar", []string{"bar"}},
		{"get /nosql/foo", []string{"bar"}},
		{"get --quorum /nosql/foo", []string{"bar"}},
		{"set /nosql/baz qux", []string{"qux"}},
		{"ls /nosql", []string{"/nosql/baz", "/nosql/foo"}},
		{"get /nosql", []string{"/nosql: is a directory"}},
		{"rm /nosql/foo", []string{"PrevNode.Value: bar"}},
		{"get /nosql/foo", []string{"Error:  100: Key not found (/nosql/foo) [%d]"}},
		{"set /foo one", []string{"one"}},
		{"set --swap-with-value two /foo three", []string{"Error:  101: Compare failed ([two != one]) [%d]"}},
		{"set --swap-with-value one /foo three", []string{"three"}},
		{"etcdctl get /foo", []string{"three"}},
	}
	for _, st := range steps {
		out = nil
		h.do(fmt.Sprintf(`{"op":"console","line":%q,"via":%d}`, st.line, l.ID))
		h.run(300)
		idx := h.sim.Snapshot().Node(l.ID).Applied
		if len(out) != len(st.want) {
			t.Fatalf("%s: got %q, want %q", st.line, out, st.want)
		}
		for i, w := range st.want {
			if strings.Contains(w, "%d") {
				w = fmt.Sprintf(w, idx)
			}
			if out[i] != w {
				t.Errorf("%s: line %d = %q, want %q", st.line, i, out[i], w)
			}
		}
	}

	// A watch waits for the next change, then prints it.
	out = nil
	h.do(`{"op":"console","line":"watch --recursive /web-service","via":1}`)
	h.run(300)
	if len(out) != 0 {
		t.Fatalf("watch answered before any change: %q", out)
	}
	// Through the watch's node: it prints the change it applies before the
	// set's answer there.
	h.do(`{"op":"console","line":"set /web-service/a up","via":1}`)
	h.run(300)
	if want := []string{"[set] /web-service/a", "up", "up"}; strings.Join(out, "|") != strings.Join(want, "|") {
		t.Errorf("watch: got %q, want %q", out, want)
	}

	out = nil
	h.do(`{"op":"console","line":"member list"}`)
	if len(out) != 5 || out[l.ID-1] != fmt.Sprintf("%x, started, n%d, http://n%d:2380, http://n%d:2379, false", l.ID, l.ID, l.ID, l.ID) {
		t.Errorf("member list: %q", out)
	}
}
