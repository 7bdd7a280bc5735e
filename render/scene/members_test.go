package scene

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// withMembers returns snap with its configuration in force set to voters
// and learners, every other node removed, and the nodes marked to match.
func withMembers(snap *raftsim.Snapshot, voters, learners []uint64) *raftsim.Snapshot {
	snap.Membership = raftsim.ConfView{Voters: voters, VotersOutgoing: []uint64{}, Learners: learners, LearnersNext: []uint64{}}
	for i := range snap.Nodes {
		n := &snap.Nodes[i]
		switch {
		case slices.Contains(voters, n.ID):
			n.Member = raftsim.MemberVoter
		case slices.Contains(learners, n.ID):
			n.Member = raftsim.MemberLearner
		default:
			n.Member, n.Up, n.Role = raftsim.MemberRemoved, false, raftsim.RoleDown
		}
	}
	return snap
}

func ids(from, to uint64) []uint64 {
	var s []uint64
	for id := from; id <= to; id++ {
		s = append(s, id)
	}
	return s
}

func TestMembersMenuAddsMembers(t *testing.T) {
	s := newScene(withMembers(cluster(6), ids(1, 5), []uint64{6}))
	if acts := s.Key('q'); acts != nil || !panelOf[*membersPanel](s).open {
		t.Fatalf("q: actions %v, menu open %v; want the members menu open", acts, panelOf[*membersPanel](s).open)
	}
	if laidOf[*membersPanel](s).Title != "Members: 5 voters, 1 learner" {
		t.Errorf("members menu title %q", laidOf[*membersPanel](s).Title)
	}
	if got := s.Key('l'); len(got) != 1 || got[0].Op != raftsim.ActAddMember || got[0].As != raftsim.MemberLearner || panelOf[*membersPanel](s).open {
		t.Errorf("l in the members menu: %+v, menu open %v; want add-member as learner and the menu closed", got, panelOf[*membersPanel](s).open)
	}
	// By mouse: the toolbar's Members button, then the menu's Add voter.
	button := slices.IndexFunc(s.Layout.Buttons, func(b Button) bool { return b.Cmd == CmdMembers })
	if button < 0 {
		t.Fatal("the toolbar has no Members button")
	}
	click(s, s.Layout.Buttons[button].Rect.Center())
	item := slices.IndexFunc(laidOf[*membersPanel](s).Buttons, func(b Button) bool { return b.Cmd == CmdAddVoter })
	if !panelOf[*membersPanel](s).open || item < 0 {
		t.Fatalf("after a click on Members the menu is open %v with items %v", panelOf[*membersPanel](s).open, laidOf[*membersPanel](s).Buttons)
	}
	if got := click(s, laidOf[*membersPanel](s).Buttons[item].Rect.Center()); len(got) != 1 || got[0].Op != raftsim.ActAddMember || got[0].As != raftsim.MemberVoter {
		t.Errorf("a click on Add voter gives %+v; want add-member as voter", got)
	}
	// Without it, l still transfers leadership to the selected node.
	s.Key('2')
	if got := s.Key('l'); len(got) != 1 || got[0].Op != raftsim.ActTransfer {
		t.Errorf("l with the members menu closed: %+v; want a transfer", got)
	}
}

func TestMembersMenuWhenFull(t *testing.T) {
	s := newScene(withMembers(cluster(9), ids(1, 7), []uint64{8, 9}))
	s.Key('q')
	for _, b := range laidOf[*membersPanel](s).Buttons {
		if !b.Disabled {
			t.Errorf("with 9 members the menu's %q is enabled", b.Label)
		}
	}
	if acts := s.Key(KeyEscape); acts != nil || panelOf[*membersPanel](s).open {
		t.Errorf("Esc: %v, menu open %v", acts, panelOf[*membersPanel](s).open)
	}
}

func TestNodeMenuPromotesAndRemoves(t *testing.T) {
	s := newScene(withMembers(cluster(6), ids(1, 5), []uint64{6}))
	for _, tc := range []struct {
		id      uint64
		promote bool
	}{{6, true}, {2, false}, {1, false}} {
		menu := s.Layout.NodeMenu(tc.id, s.Snap, measure)
		enabled := map[raftsim.ActionOp]bool{}
		for _, b := range menu.Buttons {
			enabled[b.Op] = !b.Disabled
		}
		if enabled[raftsim.ActPromote] != tc.promote || !enabled[raftsim.ActRemoveMember] {
			t.Errorf("n%d's menu: promote enabled %v, remove %v; want %v, true", tc.id, enabled[raftsim.ActPromote], enabled[raftsim.ActRemoveMember], tc.promote)
		}
		// A learner neither campaigns nor takes leadership.
		if enabled[raftsim.ActTimeout] == tc.promote || enabled[raftsim.ActTransfer] == tc.promote && tc.id != 1 {
			t.Errorf("n%d's menu: time out enabled %v, transfer %v", tc.id, enabled[raftsim.ActTimeout], enabled[raftsim.ActTransfer])
		}
	}
	s.Key('6')
	if got := s.handle(Intent{Cmd: CmdNodeAction, Op: raftsim.ActPromote}); len(got) != 1 || got[0].Op != raftsim.ActPromote || got[0].Node != 6 {
		t.Errorf("Promote on n6: %+v", got)
	}
	s.Key('3')
	if got := s.handle(Intent{Cmd: CmdNodeAction, Op: raftsim.ActRemoveMember}); len(got) != 1 || got[0].Op != raftsim.ActRemoveMember || got[0].Node != 3 {
		t.Errorf("Remove on n3: %+v", got)
	}
}

// click presses and releases the mouse at p and returns the actions.
func click(s *Scene, p Point) []raftsim.Action {
	s.Press(p)
	return s.Release(p)
}

func TestRemovedNodeLeavesTheRingAndAnAddedOneJoins(t *testing.T) {
	s := newScene(withMembers(cluster(6), ids(1, 5), []uint64{6}))
	before, _ := s.Layout.Node(3)
	s.Observe(withMembers(cluster(7), []uint64{1, 2, 4, 5}, []uint64{6, 7}), nil)
	if !slices.Equal(s.Layout.NodeIDs, []uint64{1, 2, 4, 5, 6, 7}) {
		t.Fatalf("the ring places %v; want n3 gone and n7 there", s.Layout.NodeIDs)
	}
	if _, ok := s.Layout.Node(3); ok {
		t.Error("the removed n3 still has a place on the ring")
	}
	var leaving, joining []uint64
	for _, m := range s.RingMoves.List {
		if m.Leaving {
			leaving = append(leaving, m.ID)
			if m.At != before {
				t.Errorf("n3 leaves from %v; it was at %v", m.At, before)
			}
			at, alpha := m.Drift(s.Layout.Center, s.Clock+RingMoveLife/2, s.Layout.NodeR)
			if at.Sub(s.Layout.Center).Len() <= before.Sub(s.Layout.Center).Len() || alpha <= 0 || alpha >= 1 {
				t.Errorf("half way out n3 is at %v, opacity %v; want it further out and fading", at, alpha)
			}
		} else {
			joining = append(joining, m.ID)
		}
	}
	if !slices.Equal(leaving, []uint64{3}) || !slices.Equal(joining, []uint64{7}) {
		t.Errorf("leaving %v, joining %v; want n3 leaving and n7 joining", leaving, joining)
	}
	p := s.Placement()
	var placed []uint64
	for _, n := range p.Nodes {
		placed = append(placed, n.ID)
	}
	if !slices.Equal(placed, s.Layout.NodeIDs) || p.Nodes[5].Member != string(raftsim.MemberLearner) {
		t.Errorf("raftplay.layout() places %v (last %+v); want %v, n7 a learner", placed, p.Nodes[5], s.Layout.NodeIDs)
	}
	for range 20 {
		s.Tick(1000 * RingMoveLife / 10) // frames of at most maxClockStepMs
	}
	if len(s.RingMoves.List) != 0 {
		t.Errorf("after %v s still coming or going: %+v", 2*RingMoveLife, s.RingMoves.List)
	}
	if h := NewHUD(s.Snap, nil); !strings.HasSuffix(h.Cluster, "6 nodes, 2 learners") {
		t.Errorf("the HUD says %q; want the six members counted, two of them learners", h.Cluster)
	}
	if acts := s.Key('3'); acts != nil || s.Controller.Selected != 0 {
		t.Errorf("3 selects the removed n3 (%v, selected n%d)", acts, s.Controller.Selected)
	}
}

func TestJointConsensus(t *testing.T) {
	snap := withMembers(cluster(5), ids(1, 4), []uint64{5})
	if _, ok := JointOf(snap); ok {
		t.Error("joint consensus without outgoing voters")
	}
	snap.Membership.VotersOutgoing = []uint64{1, 2, 3}
	snap.Membership.Voters = []uint64{2, 3, 4}
	j, ok := JointOf(snap)
	if !ok {
		t.Fatal("no joint consensus with outgoing voters")
	}
	title, change := j.Lines(snap.NodeName)
	if title != "joint consensus" || change != "old {n1,n2,n3} → new {n2,n3,n4} · learners {n5}" {
		t.Errorf("caption %q / %q", title, change)
	}
	for id, want := range map[uint64]VoterMark{1: VoterLeaves, 2: VoterStays, 4: VoterJoins, 5: VoterStays} {
		if got := j.Mark(id); got != want {
			t.Errorf("n%d marked %v, want %v", id, got, want)
		}
	}
}

// TestJointBoxKeepsClear checks the joint-consensus caption at every size
// and cluster size: on the stage, clear of every node, covering the legend
// whole or not at all.
func TestJointBoxKeepsClear(t *testing.T) {
	everyLayout(t, func(name string, l *Layout) {
		n := uint64(l.Nodes)
		j := Joint{Old: ids(1, n-1), New: ids(1, n)}
		b := l.JointBox(j, func(id uint64) string { return fmt.Sprintf("n%d", id) }, measure)
		if !inside(b.Rect, l.Stage) {
			t.Errorf("%s: joint caption %v leaves the stage %v", name, b.Rect, l.Stage)
		}
		// A short screen's full ring leaves no room: the caption covers
		// its foot, as the partition banner does.
		if l.coversNode(b.Rect) && !shortScreen(l.H/l.Scale) {
			t.Errorf("%s: joint caption %v covers a node", name, b.Rect)
		}
		if overlap(b.Rect, l.Legend) && !inside(l.Legend, b.Rect) {
			t.Errorf("%s: joint caption %v covers part of the legend %v", name, b.Rect, l.Legend)
		}
		for _, line := range b.Lines {
			if measure(line, FontSmall*l.Scale) > b.Rect.W-2*Pad*l.Scale+1e-6 {
				t.Errorf("%s: caption line %q runs out of its box", name, line)
			}
		}
	})
}

func TestLearnerCaption(t *testing.T) {
	snap := withMembers(cluster(6), ids(1, 5), []uint64{6})
	if role, _ := NodeCaption(snap.Node(6), &snap.Config); role != "learner" {
		t.Errorf("a learner's caption says %q", role)
	}
	if role, _ := NodeCaption(snap.Node(2), &snap.Config); role != string(raftsim.RoleFollower) {
		t.Errorf("a voter's caption says %q", role)
	}
}

// TestRingWithLearnersAtEverySize lays out clusters grown to 6–9 members,
// learners among them and a removed node beside them, at every size: the
// ring places exactly the members, apart and on the stage.
func TestRingWithLearnersAtEverySize(t *testing.T) {
	for _, sz := range sizes {
		for _, u := range scales {
			for n := uint64(6); n <= 9; n++ {
				// n members: voters 1..n-2 without 3, learners n-1 and n, n3 removed.
				snap := withMembers(cluster(int(n)+1), append([]uint64{1, 2}, ids(4, n-1)...), []uint64{n, n + 1})
				s := New(&Dark, ControlsFull, measure)
				s.Observe(snap, nil)
				s.Resize(sz.w*u, sz.h*u, u)
				l := &s.Layout
				name := fmt.Sprintf("%v×%v@%v n%d", sz.w, sz.h, u, n)
				if !slices.Equal(l.NodeIDs, MemberIDs(snap)) || len(l.NodePos) != int(n) {
					t.Fatalf("%s: the ring places %v at %d places; want %v", name, l.NodeIDs, len(l.NodePos), MemberIDs(snap))
				}
				for i, c := range l.NodePos {
					ring := Rect{c.X - l.TimerR(), c.Y - l.TimerR(), 2 * l.TimerR(), 2 * l.TimerR()}
					if !inside(ring, l.Stage) {
						t.Errorf("%s: n%d leaves the stage", name, l.NodeIDs[i])
					}
					for j, d := range l.NodePos[:i] {
						if c.Sub(d).Len() < 2*l.TimerR() {
							t.Errorf("%s: n%d and n%d overlap", name, l.NodeIDs[i], l.NodeIDs[j])
						}
					}
				}
			}
		}
	}
}

// TestCaptionLinesStayOnStage checks that a caption line cut to its room
// stays on the stage, whichever side of its node it is on.
func TestCaptionLinesStayOnStage(t *testing.T) {
	everyLayout(t, func(name string, l *Layout) {
		if !l.Captions {
			return
		}
		for _, id := range l.NodeIDs {
			at, h := l.Caption(id)
			room := l.CaptionRoom(at, h)
			x := AlignedLeft(at.X, room, h)
			if x < l.Stage.X || x+room > l.Stage.Right() || room <= 0 {
				t.Errorf("%s: n%d's caption lines may take %.0f…%.0f, off the stage %v", name, id, x, x+room, l.Stage)
			}
		}
	})
}
