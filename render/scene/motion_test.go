package scene

import "testing"

// With reduced motion a message is a still mark a third of the way along its
// link from the frame it is sent until it is gone, or at the cut of a cut
// link: a moment later, with nothing sent, delivered or lost, every message
// is where it was.
func TestReducedMotionKeepsMessagesStill(t *testing.T) {
	snap := cluster(5, msg(1, 1, 2, "MsgApp"), msg(2, 3, 4, "MsgVote"))
	snap.Partition = [][]uint64{{1, 2, 3}, {4, 5}}
	s := newScene(snap)
	s.ReducedMotion = true
	s.Observe(snap, nil)
	first := append([]Placed(nil), s.Placed...)
	later := *snap // 3 ms on, and nothing sent, delivered or lost
	later.NowMs += 3
	s.Tick(100)
	s.Observe(&later, nil)
	for i, p := range s.Placed {
		if p.Pos != first[i].Pos {
			t.Errorf("message %d moved from %v to %v with nothing changed in the cluster", p.Msg.ID, first[i].Pos, p.Pos)
		}
	}
	a, b, _ := s.Layout.Link(1, 2)
	if got, want := first[0].Pos, Lerp(a, b, stillAt); got.Sub(want).Len() > 1e-9 {
		t.Errorf("1→2 is at %v, want a third of the way, %v", got, want)
	}
	c, d, _ := s.Layout.Link(3, 4)
	if got := first[1]; !got.Held || got.Pos.Sub(Lerp(c, d, 0.5)).Len() > 1e-9 {
		t.Errorf("3→4 across the cut is at %v (held %v), want held at the cut", got.Pos, got.Held)
	}
	if s.BurstAge(Burst{Born: s.Clock - BurstLife/2}) != 0 {
		t.Error("a dropped message's burst spreads with reduced motion")
	}
}

// With reduced motion a removed node leaves the ring at once and an added
// one appears in its place, with no drifting, fading or pulsing between.
func TestReducedMotionNodesAppearAndDisappear(t *testing.T) {
	s := newScene(withMembers(cluster(6), ids(1, 5), []uint64{6}))
	s.ReducedMotion = true
	s.Observe(withMembers(cluster(7), []uint64{1, 2, 4, 5}, []uint64{6, 7}), nil)
	if _, ok := s.Layout.Node(3); ok || len(s.RingMoves.List) != 0 {
		t.Errorf("n3 removed: placed %v, moves %+v; want it gone with nothing drifting", ok, s.RingMoves.List)
	}
	if _, ok := s.Layout.Node(7); !ok {
		t.Error("the added n7 has no place on the ring")
	}
}

// With reduced motion a node's ring shows no countdown, which would run
// down tick by tick with nothing else happening; its details say how far
// the timer has run instead. With full motion the ring shows the time left.
func TestReducedMotionKeepsTimersStill(t *testing.T) {
	snap := cluster(3)
	n := &snap.Nodes[1]
	n.ElectionElapsedMs, n.ElectionTimeoutMs = 40, 160
	s := newScene(snap)
	if left, ok := s.TimerShown(n); !ok || left != 0.75 {
		t.Errorf("full motion: the ring shows %v (%v) of the timer left, want 0.75", left, ok)
	}
	s.ReducedMotion = true
	if left, ok := s.TimerShown(n); ok {
		t.Errorf("reduced motion: the ring shows %v of the timer left, want no countdown", left)
	}
	if got := timerText(n); got != ", election timer 40/160 ms" {
		t.Errorf("the details say %q of the timer", got)
	}
	note := Notice{Text: "x", Born: 0}
	s.Clock = NoticeLife - noticeFade/2
	if a := s.NoticeAlpha(note); a != 1 {
		t.Errorf("reduced motion: a notice at the end of its time is drawn at %v opacity, want 1 until it goes", a)
	}
	if s.ReducedMotion = false; s.NoticeAlpha(note) >= 1 {
		t.Error("full motion: a notice at the end of its time does not fade")
	}
	for s.ReducedMotion = true; s.Clock < 2; s.Clock += 0.1 {
		if !s.CaretShown() {
			t.Fatalf("reduced motion: the console's caret blinks off at %.1f s", s.Clock)
		}
	}
}
