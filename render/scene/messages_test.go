package scene

import (
	"math"
	"testing"
)

func TestProgress(t *testing.T) {
	for _, tc := range []struct {
		now           float64
		sent, deliver int64
		want          float64
	}{
		{90, 90, 110, 0},
		{100, 90, 110, 0.5},
		{100.5, 90, 110, 0.525},
		{110, 90, 110, 1},
		{80, 90, 110, 0},
		{200, 90, 110, 1},
		{90, 90, 90, 1},
	} {
		if got := Progress(tc.now, tc.sent, tc.deliver); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Progress(%v, %d, %d) = %v, want %v", tc.now, tc.sent, tc.deliver, got, tc.want)
		}
	}
}

func TestCut(t *testing.T) {
	groups := [][]uint64{{1, 2}, {3, 4, 5}}
	for _, tc := range []struct {
		groups [][]uint64
		a, b   uint64
		want   bool
	}{
		{groups, 1, 2, false},
		{groups, 1, 3, true},
		{groups, 5, 2, true},
		{groups, 4, 5, false},
		{nil, 1, 3, false},
		{[][]uint64{}, 1, 3, false},
	} {
		if got := Cut(tc.groups, tc.a, tc.b); got != tc.want {
			t.Errorf("Cut(%v, %d, %d) = %v, want %v", tc.groups, tc.a, tc.b, got, tc.want)
		}
	}
}

func TestPlaceMessages(t *testing.T) {
	snap := cluster(5, msg(1, 1, 2, "MsgApp"), msg(2, 2, 1, "MsgAppResp"), msg(3, 1, 9, "MsgApp"), msg(4, 3, 4, "MsgVote"))
	snap.Partition = [][]uint64{{1, 2, 3}, {4, 5}}
	l := NewLayout(1280, 800, 1, 5, ControlsFull, measure)
	at := func(now float64) []Placed { return l.PlaceMessages(nil, snap, now) }

	placed := at(100)
	if len(placed) != 3 {
		t.Fatalf("placed %d messages, want 3 (the one to unknown node 9 is skipped)", len(placed))
	}
	start, end, _ := l.Link(1, 2)
	if got, want := placed[0].Pos, Lerp(start, end, 0.5); got.Sub(want).Len() > 1e-9 {
		t.Errorf("message halfway along 1→2 at %v, want %v", got, want)
	}
	// The two directions of a link use separate lanes.
	if d := placed[0].Pos.Sub(placed[1].Pos).Len(); d < 5 {
		t.Errorf("1→2 and 2→1 halfway are %.1f px apart; they should not overlap", d)
	}
	if placed[0].Kind != KindApp || placed[2].Kind != KindVote {
		t.Errorf("kinds %v, %v", placed[0].Kind, placed[2].Kind)
	}
	// 3→4 crosses the cut: it stops at the midpoint and waits there.
	late := at(108)
	s34, e34, _ := l.Link(3, 4)
	if !late[2].Held || late[2].Pos.Sub(Lerp(s34, e34, 0.5)).Len() > 1e-9 {
		t.Errorf("message across the cut at %v (held %v), want held at the midpoint", late[2].Pos, late[2].Held)
	}
	if late[0].Held {
		t.Error("message inside a group is held")
	}
	// Before the midpoint it moves as usual.
	if early := at(92); early[2].Held {
		t.Error("message across the cut is held before reaching the cut")
	}
}

func TestMessageAt(t *testing.T) {
	snap := cluster(3, msg(5, 1, 2, "MsgHeartbeat"), msg(6, 1, 3, "MsgHeartbeat"))
	placed := []Placed{
		{Msg: &snap.Messages[0], Pos: Point{100, 100}},
		{Msg: &snap.Messages[1], Pos: Point{106, 100}},
	}
	for _, tc := range []struct {
		p    Point
		want uint64
		ok   bool
	}{
		{Point{100, 100}, 5, true},
		{Point{104, 100}, 6, true},
		{Point{100, 109}, 5, true},
		{Point{100, 111}, 0, false},
	} {
		id, ok := MessageAt(placed, tc.p, 10)
		if id != tc.want || ok != tc.ok {
			t.Errorf("MessageAt(%v) = %d, %v; want %d, %v", tc.p, id, ok, tc.want, tc.ok)
		}
	}
}

func TestKindOf(t *testing.T) {
	for typ, want := range map[string]MsgKind{
		"MsgApp": KindApp, "MsgAppResp": KindApp, "MsgHeartbeat": KindHeartbeat, "MsgHeartbeatResp": KindHeartbeat,
		"MsgVote": KindVote, "MsgVoteResp": KindVote, "MsgPreVote": KindPreVote, "MsgPreVoteResp": KindPreVote,
		"MsgSnap": KindSnap, "MsgProp": KindProp, "MsgTimeoutNow": KindTimeoutNow, "MsgReadIndex": KindOther,
	} {
		if got := KindOf(msgType(typ)); got != want {
			t.Errorf("KindOf(%q) = %v, want %v", typ, got, want)
		}
	}
	shapes := map[Shape]MsgKind{}
	for _, k := range LegendKinds {
		if other, dup := shapes[k.Shape()]; dup {
			t.Errorf("%s and %s share a shape", k.Name(), other.Name())
		}
		shapes[k.Shape()] = k
	}
	for _, th := range []*Theme{&Light, &Dark} {
		colours := map[[4]uint8]MsgKind{}
		for _, k := range LegendKinds {
			c := th.Messages[k]
			if other, dup := colours[[4]uint8{c.R, c.G, c.B, c.A}]; dup {
				t.Errorf("%s theme: %s and %s share a colour", th.Name, k.Name(), other.Name())
			}
			colours[[4]uint8{c.R, c.G, c.B, c.A}] = k
		}
	}
}
