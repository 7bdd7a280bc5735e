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
