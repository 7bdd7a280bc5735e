package scene

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"raftplay/raftsim"
)

func TestKeys(t *testing.T) {
	for _, tc := range []struct {
		name   string
		keys   string
		paused bool
		speed  float64
		want   string // the actions of the last key, as JSON
		note   string // part of the last notice, if any
	}{
		{"space pauses", " ", false, 0.03, `[{"op":"pause"}]`, ""},
		{"space plays", " ", true, 0.03, `[{"op":"play"}]`, ""},
		{"step pauses first", ".", false, 0.03, `[{"op":"pause"},{"op":"step"}]`, ""},
		{"step while paused", ".", true, 0.03, `[{"op":"step"}]`, ""},
		{"slower", "-", false, 0.03, `[{"op":"speed","x":0.02}]`, ""},
		{"faster", "=", false, 0.03, `[{"op":"speed","x":0.05}]`, ""},
		{"faster off the ladder", "+", false, 0.04, `[{"op":"speed","x":0.05}]`, ""},
		{"fastest", "=", false, 10, `null`, "fastest"},
		{"slowest", "-", false, 0.005, `null`, "slowest"},
		{"reset", "r", false, 0.03, `[{"op":"reset","seed":8}]`, ""},
		{"write via leader", "w", false, 0.03, `[{"op":"put","key":"much","value":"much"}]`, ""},
		{"second write", "ww", false, 0.03, `[{"op":"put","key":"wow","value":"wow"}]`, ""},
		{"write via n3", "3w", false, 0.03, `[{"op":"put","via":3,"key":"much","value":"much"}]`, ""},
		{"crash", "3c", false, 0.03, `[{"op":"crash","node":3}]`, ""},
		{"restart", "4u", false, 0.03, `[{"op":"restart","node":4}]`, ""},
		{"timeout", "2t", false, 0.03, `[{"op":"timeout","node":2}]`, ""},
		{"transfer", "5l", false, 0.03, `[{"op":"transfer","to":5}]`, ""},
		{"isolate", "3i", false, 0.03, `[{"op":"partition","groups":[[3],[1,2,4,5]]}]`, ""},
		{"upper case", "3C", false, 0.03, `[{"op":"crash","node":3}]`, ""},
		{"crash needs a node", "c", false, 0.03, `null`, "select a node first"},
		{"no such node", "7", false, 0.03, `null`, "no node n7"},
		{"menu closes after an action", "3cc", false, 0.03, `null`, "select a node first"},
		{"digit twice closes the menu", "33c", false, 0.03, `null`, "select a node first"},
		{"esc closes the menu", "3\x1bc", false, 0.03, `null`, "select a node first"},
		{"partition", "p12\n", false, 0.03, `[{"op":"partition","groups":[[3,4,5],[1,2]]}]`, ""},
		{"partition toggles back", "p122\n", false, 0.03, `[{"op":"partition","groups":[[2,3,4,5],[1]]}]`, ""},
		{"empty partition", "p\n", false, 0.03, `null`, "a node in each group"},
		{"partition cancelled", "p1p\n", false, 0.03, `null`, "cancelled"},
		{"partition esc", "p1\x1b\n", false, 0.03, `null`, ""},
		{"heal", "h", false, 0.03, `[{"op":"heal"}]`, ""},
		{"kill all", "k", false, 0.03, `[{"op":"crash-all"}]`, ""},
		{"restart all", "a", false, 0.03, `[{"op":"restart-all"}]`, ""},
		{"next message pauses", "m", false, 0.03, `[{"op":"pause"}]`, "paused to inspect message #21"},
		{"next message while paused", "m", true, 0.03, `null`, ""},
		{"drop", "md", true, 0.03, `[{"op":"drop","message":21}]`, ""},
		{"drop the second", "mmd", true, 0.03, `[{"op":"drop","message":22}]`, ""},
		{"cycle wraps", "mmmd", true, 0.03, `[{"op":"drop","message":21}]`, ""},
		{"drop needs a message", "d", true, 0.03, `null`, "select a message first"},
		{"unknown key", "z", false, 0.03, `null`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			snap := cluster(5, msg(21, 1, 2, "MsgHeartbeat"), msg(22, 2, 1, "MsgHeartbeatResp"))
			snap.Paused, snap.Speed = tc.paused, tc.speed
			s := newScene(snap)
			var acts []raftsim.Action
			for _, r := range tc.keys {
				acts = s.Key(r)
			}
			got, _ := json.Marshal(acts)
			if string(got) != tc.want {
				t.Errorf("keys %q did %s, want %s", tc.keys, got, tc.want)
			}
			notes := s.Notices.List()
			switch {
			case tc.note == "" && len(notes) > 0:
				t.Errorf("unexpected notice %q", notes[len(notes)-1].Text)
			case tc.note != "" && (len(notes) == 0 || !strings.Contains(notes[len(notes)-1].Text, tc.note)):
				t.Errorf("notices %v, want one with %q", notes, tc.note)
			}
		})
	}
}

func TestMenuItemsFollowState(t *testing.T) {
	snap := cluster(5)
	snap.Nodes[2].Up, snap.Nodes[2].Role = false, raftsim.RoleDown
	s := newScene(snap)
	// enabled maps each item to whether it is enabled: by its action, or
	// by its command for the page's own.
	enabled := func(id uint64) map[any]bool {
		m := map[any]bool{}
		for _, b := range s.Layout.NodeMenu(id, s.Snap, measure).Buttons {
			if b.Op != "" {
				m[b.Op] = !b.Disabled
			} else {
				m[b.Cmd] = !b.Disabled
			}
		}
		return m
	}
	if e := enabled(3); e[raftsim.ActCrash] || !e[raftsim.ActRestart] || e[raftsim.ActTimeout] || e[raftsim.ActTransfer] || e[CmdWrite] {
		t.Errorf("menu of a down node: %v", e)
	}
	if e := enabled(1); !e[raftsim.ActCrash] || e[raftsim.ActRestart] || e[raftsim.ActTransfer] || !e[CmdWrite] || !e[raftsim.ActPartition] {
		t.Errorf("menu of the leader: %v", e)
	}
	if e := enabled(2); !e[raftsim.ActTransfer] || !e[raftsim.ActTimeout] {
		t.Errorf("menu of a follower: %v", e)
	}
	s.Snap.Partition = Isolate(2, []uint64{1, 2, 3, 4, 5})
	if e := enabled(2); e[raftsim.ActPartition] {
		t.Error("isolating an isolated node is offered")
	}
}

func TestMessageSelectionFollowsTheNetwork(t *testing.T) {
	snap := cluster(3, msg(4, 1, 2, "MsgApp"))
	snap.Paused = true
	s := newScene(snap)
	s.Press(s.Placed[0].Pos)
	s.Release(s.Placed[0].Pos)
	if s.Controller.Message != 4 || len(s.OpenPanels()) != 1 {
		t.Fatalf("clicking message 4 selected %d with %d panels", s.Controller.Message, len(s.OpenPanels()))
	}
	later := cluster(3)
	later.Paused = true
	s.Observe(later, nil)
	if !s.Controller.MessageGone || !s.OpenPanels()[0].Buttons[0].Disabled {
		t.Error("a delivered message still offers to be dropped")
	}
	if acts := s.Key('d'); acts != nil {
		t.Errorf("d on a delivered message did %v", acts)
	}
}

func TestResetForgetsTheOldRun(t *testing.T) {
	s := newScene(cluster(5))
	s.Observe(s.Snap, []raftsim.Event{{Seq: 1, Kind: raftsim.EvElected, Text: "n1 won"}})
	s.Key('3')
	// Time going back in the same run (time travel) is not a new run.
	back := cluster(5)
	back.NowMs = 0
	s.Observe(back, nil)
	if s.Controller.Selected != 3 || len(s.Log.Latest(nil, 10)) != 1 || s.Log.Clears() != 0 {
		t.Error("time going back in the same run dropped its selection or events")
	}
	next := cluster(5)
	next.Generation = s.Snap.Generation + 1
	s.Observe(next, nil)
	// The event panel, which scrolls while only lines are added, is told to
	// start afresh.
	if s.Controller.Selected != 0 || len(s.Log.Latest(nil, 10)) != 0 || s.Log.Clears() != 1 {
		t.Error("a new run kept the old run's selection or events")
	}
}

// Nodes are known by raft ID: after membership leaves gaps (node 1 gone,
// node 6 added) keys, the ring, isolation and partition editing follow the IDs.
func TestNodesAreKnownByID(t *testing.T) {
	snap := cluster(3)
	for i, id := range []uint64{2, 3, 6} {
		snap.Nodes[i].ID = id
	}
	s := newScene(snap)
	if _, ok := s.Layout.Node(1); ok {
		t.Error("the ring places node 1, which is not in the cluster")
	}
	at, ok := s.Layout.Node(6)
	if !ok || s.HitTest(at).Node != 6 {
		t.Errorf("node 6 is not on the ring where a click finds it (%v, %v)", at, ok)
	}
	s.Key('1')
	if notes := s.Notices.List(); len(notes) == 0 || !strings.Contains(notes[len(notes)-1].Text, "nodes are [2 3 6]") {
		t.Errorf("selecting the missing node 1 said %v", notes)
	}
	s.Key('6')
	if acts := s.Key('i'); len(acts) != 1 || !reflect.DeepEqual(acts[0].Groups, [][]uint64{{6}, {2, 3}}) {
		t.Errorf("isolating node 6 did %v", acts)
	}
	s.Key('p')
	s.Key('3')
	if acts := s.Key('\n'); len(acts) != 1 || !reflect.DeepEqual(acts[0].Groups, [][]uint64{{2, 6}, {3}}) {
		t.Errorf("moving node 3 to the other group did %v", acts)
	}
}
