package raftsim

import "testing"

func TestPut(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "via a follower", js: `{"op":"put","key":"/a","value":"much","via":3}`, after: 500, check: func(t *testing.T, h *harness) {
			for _, n := range h.sim.Snapshot().Nodes {
				if l := committedLabels(&n); len(l) == 0 {
					t.Fatalf("n%d committed nothing", n.ID)
				}
			}
		}},
		{name: "no value", js: `{"op":"put"}`, want: `non-empty string "value"`},
		{name: "an empty key", js: `{"op":"put","key":"","value":"much"}`, want: `"key" must be a non-empty string`},
		{name: "an unknown node", js: `{"op":"put","value":"much","via":7}`, want: "unknown node 7"},
		{name: "a crashed node", setup: []string{`{"op":"crash","node":3}`}, js: `{"op":"put","value":"much","via":3}`, want: "n3 is down"},
		{name: "bytes that are no text", js: "{\"op\":\"put\",\"value\":\"\xff\"}", want: "must be UTF-8 text"},
	})
}
