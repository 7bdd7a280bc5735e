package scene

import (
	"slices"
	"testing"

	"raftplay/raftsim"
)

// Every entry of the node menu that does an action names one the simulator
// registered, and its key and its menu item do that action on the selected
// node.
func TestNodeActionsBindRegisteredActions(t *testing.T) {
	for _, a := range nodeActions {
		if a.op == "" {
			continue
		}
		if !slices.Contains(raftsim.Ops, a.op) {
			t.Errorf("menu item %q is bound to %q, which the simulator does not register", a.label, a.op)
		}
		if a.key == 0 {
			continue
		}
		s := newScene(cluster(5))
		s.Key('2')
		in := KeyIntent(a.key)
		if in.Cmd != CmdNodeAction || nodeActionFor(in.Op, s.Snap.Node(2), s.Snap).key != a.key {
			t.Errorf("key %q asks for %+v, not an action bound to it", a.key, in)
		}
	}
}

// A key does its action on the selected node, and a menu item the same.
func TestNodeActionKeyAndItemAgree(t *testing.T) {
	s := newScene(cluster(5))
	s.Key('3')
	byKey := s.handle(KeyIntent('c'))
	s.Key('3')
	var crash Button
	for _, b := range s.OpenPanels()[0].Buttons {
		if b.Op == raftsim.ActCrash {
			crash = b
		}
	}
	byItem := s.handle(s.intent(s.HitTest(crash.Rect.Center()), s.HitTest(crash.Rect.Center())))
	want := raftsim.Action{Op: raftsim.ActCrash, Node: 3}
	if len(byKey) != 1 || byKey[0].Op != want.Op || byKey[0].Node != 3 || len(byItem) != 1 || byItem[0].Op != want.Op || byItem[0].Node != 3 {
		t.Fatalf("key c on n3: %+v; its menu item: %+v", byKey, byItem)
	}
}

// The pause key pauses a running node and resumes a paused one; the menu
// offers the one that applies, and the caption says the node is paused.
func TestPauseKeyTogglesAndMenuFollows(t *testing.T) {
	snap := cluster(5)
	snap.Nodes[1].Paused, snap.Nodes[1].Waiting = true, 4
	s := newScene(snap)
	for _, tc := range []struct {
		id   uint64
		want raftsim.ActionOp
	}{{1, raftsim.ActPauseNode}, {2, raftsim.ActResumeNode}} {
		enabled := map[raftsim.ActionOp]bool{}
		for _, b := range s.Layout.NodeMenu(tc.id, s.Snap, measure).Buttons {
			enabled[b.Op] = !b.Disabled
		}
		other := raftsim.ActResumeNode
		if tc.want == other {
			other = raftsim.ActPauseNode
		}
		if !enabled[tc.want] || enabled[other] {
			t.Errorf("n%d's menu: %s enabled %v, %s %v", tc.id, tc.want, enabled[tc.want], other, enabled[other])
		}
		s.Key(rune('0' + tc.id))
		if got := s.handle(KeyIntent(',')); len(got) != 1 || got[0].Op != tc.want || got[0].Node != tc.id {
			t.Errorf("',' on n%d: %+v, want %s", tc.id, got, tc.want)
		}
	}
	if _, detail := NodeCaption(s.Snap.Node(2), s.Snap); detail != "paused, 4 waiting · term 2 · voted n1" {
		t.Errorf("a paused node's caption: %q", detail)
	}
}
