package raftsim

import "testing"

func TestLyingDisk(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "on", js: `{"op":"lying-disk","node":2,"on":true}`, check: func(t *testing.T, h *harness) {
			if !h.sim.Snapshot().Node(2).LyingDisk {
				t.Fatal("n2's disk does not lie")
			}
		}},
		{name: "off", setup: []string{`{"op":"lying-disk","node":2,"on":true}`}, js: `{"op":"lying-disk","node":2,"on":false}`},
		{name: "on twice", setup: []string{`{"op":"lying-disk","node":2,"on":true}`}, js: `{"op":"lying-disk","node":2,"on":true}`, want: "n2's disk already lies"},
		{name: "off when honest", js: `{"op":"lying-disk","node":2,"on":false}`, want: "n2's disk already tells the truth"},
		{name: "no on", js: `{"op":"lying-disk","node":2}`, want: `lying-disk needs "on"`},
		{name: "an unknown node", js: `{"op":"lying-disk","node":9,"on":true}`, want: "unknown node 9"},
	})
}
