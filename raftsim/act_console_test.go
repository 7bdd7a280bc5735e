package raftsim

import "testing"

func TestConsole(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "a v3 put", js: `{"op":"console","line":"put foo bar","via":2}`, after: 500, check: func(t *testing.T, h *harness) {
			if n := h.sim.Snapshot().Node(2); n.Keys == 0 {
				t.Fatal("n2 holds no key after the console's put")
			}
		}},
		{name: "a v2 set", js: `{"op":"console","line":"ETCDCTL_API=2 etcdctl set /foo bar","via":2}`, after: 500, check: func(t *testing.T, h *harness) {
			if n := h.sim.Snapshot().Node(2); n.Keys == 0 {
				t.Fatal("n2 holds no key after the console's set")
			}
		}},
		{name: "a line that is no text", js: `{"op":"console","line":5}`, want: `console needs "line"`},
		{name: "via a crashed node", setup: []string{`{"op":"crash","node":3}`}, js: `{"op":"console","line":"get /a","via":3}`, want: "n3 is down"},
	})
}
