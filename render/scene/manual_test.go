package scene

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// heldCluster is cluster(5) in manual mode with msgs waiting.
func heldCluster(msgs ...raftsim.MessageView) *raftsim.Snapshot {
	snap := cluster(5, msgs...)
	snap.Manual = true
	for i := range snap.Messages {
		snap.Messages[i].Held, snap.Messages[i].DeliverMs = true, 0
	}
	return snap
}

// In manual mode the messages of a link wait in a queue along it, the
// oldest nearest its receiver, each at a place of its own; a click on one
// delivers it.
func TestManualQueuesAndClickDelivers(t *testing.T) {
	s := newScene(heldCluster(msg(21, 1, 2, "MsgApp"), msg(22, 1, 3, "MsgApp"), msg(23, 1, 2, "MsgHeartbeat"), msg(24, 1, 2, "MsgApp")))
	_, end, _ := s.Layout.Link(1, 2)
	var onLink []Placed
	for _, p := range s.Placed {
		if p.Msg.To == 2 {
			onLink = append(onLink, p)
		}
	}
	if len(onLink) != 3 {
		t.Fatalf("%d messages placed on n1→n2", len(onLink))
	}
	for i := 1; i < len(onLink); i++ {
		if a, b := onLink[i-1].Pos.Sub(end).Len(), onLink[i].Pos.Sub(end).Len(); a >= b || b-a < s.Layout.MessageR() {
			t.Fatalf("#%d is %.1f from n2, #%d %.1f: the queue is not in send order, apart", onLink[i-1].Msg.ID, a, onLink[i].Msg.ID, b)
		}
	}
	at := onLink[1].Pos
	s.Press(at)
	if got, _ := json.Marshal(s.Release(at)); string(got) != `[{"op":"deliver","message":23}]` {
		t.Fatalf("a click on #23 did %s", got)
	}
}

// The keys of manual mode: / switches it, the message panel delivers
// (Enter) and duplicates (*), and a node's keys tick it up to its timeout
// and hand its Ready over.
func TestManualKeys(t *testing.T) {
	snap := heldCluster(msg(21, 1, 2, "MsgApp"), msg(22, 1, 3, "MsgApp"))
	snap.Nodes[2].HasReady = true
	for _, tc := range []struct {
		name, keys string
		manual     bool
		want       string
	}{
		{"manual on", "/", false, `[{"op":"manual","on":true}]`},
		{"manual off", "/", true, `[{"op":"manual","on":false}]`},
		{"deliver the inspected message", "mm\n", true, `[{"op":"deliver","message":22}]`},
		{"duplicate it", "m*", true, `[{"op":"duplicate","message":21}]`},
		{"tick a follower to its election", "2'", true, `[{"op":"tick","node":2,"until":"election"}]`},
		{"tick the leader to its heartbeat", "1'", true, `[{"op":"tick","node":1,"until":"heartbeat"}]`},
		{"hand over a Ready", "3!", true, `[{"op":"ready","node":3}]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sn := *snap
			sn.Manual = tc.manual
			s := newScene(&sn)
			var last []raftsim.Action
			for _, r := range tc.keys {
				last = s.Key(r)
			}
			if got, _ := json.Marshal(last); string(got) != tc.want {
				t.Fatalf("%q did %s, want %s", tc.keys, got, tc.want)
			}
		})
	}
}

// A message sent in manual mode has no due time: its panel says it waits
// for a hand, and offers to deliver and duplicate it.
func TestManualMessagePanel(t *testing.T) {
	s := newScene(heldCluster(msg(21, 1, 2, "MsgApp")))
	s.Key('m')
	p := s.Layout.MessagePanel(&s.Controller.MessageView, false, true, measure)
	text := strings.Join(p.Lines, "\n")
	if !strings.Contains(text, "waits to be delivered by hand") || strings.Contains(text, "due at") {
		t.Errorf("a held message's panel says:\n%s", text)
	}
	var cmds []Command
	for _, b := range p.Buttons {
		cmds = append(cmds, b.Cmd)
	}
	if want := []Command{CmdDeliver, CmdDuplicate, CmdDrop, CmdClose}; !slices.Equal(cmds, want) {
		t.Errorf("its buttons are %v, want %v", cmds, want)
	}
}

// A node's menu offers the tick and the Ready in manual mode only.
func TestManualMenuEntries(t *testing.T) {
	for _, manual := range []bool{false, true} {
		snap := cluster(5)
		snap.Manual = manual
		snap.Nodes[1].HasReady = manual
		s := newScene(snap)
		var ops []raftsim.ActionOp
		for _, b := range s.Layout.NodeMenu(2, s.Snap, measure).Buttons {
			if !b.Disabled {
				ops = append(ops, b.Op)
			}
		}
		if got := slices.Contains(ops, raftsim.ActTick) && slices.Contains(ops, raftsim.ActReady); got != manual {
			t.Errorf("manual %v: the menu's enabled actions are %v", manual, ops)
		}
		if n := len(s.Layout.NodeMenu(2, s.Snap, measure).Buttons); manual != (n == len(nodeActions)) {
			t.Errorf("manual %v: the menu has %d of %d entries", manual, n, len(nodeActions))
		}
	}
}
