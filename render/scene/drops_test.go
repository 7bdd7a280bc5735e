package scene

import (
	pb "go.etcd.io/raft/v3/raftpb"
	"math"
	"testing"

	"raftplay/raftsim"
)

func TestDropBurstsWhereLastDrawn(t *testing.T) {
	l := NewLayout(1280, 800, 1, 3, ControlsFull, measure)
	snap := cluster(3, msg(8, 1, 2, "MsgVote"))
	var d Drops
	d.Remember(l.PlaceMessages(nil, snap, 100))
	drawn := l.PlaceMessages(nil, snap, 100)[0].Pos

	d.Dropped(raftsim.Event{Kind: raftsim.EvDropped, Message: 8, From: 1, To: 2, MsgType: raftsim.MsgType(pb.MsgVote), Reason: raftsim.DropByUser}, &l, 10)
	// Never drawn: a partition drop dies at the cut, any other at the receiver.
	d.Dropped(raftsim.Event{Kind: raftsim.EvDropped, Message: 9, From: 2, To: 3, MsgType: raftsim.MsgType(pb.MsgApp), Reason: raftsim.DropPartition}, &l, 10)
	d.Dropped(raftsim.Event{Kind: raftsim.EvDropped, Message: 10, From: 3, To: 1, MsgType: raftsim.MsgType(pb.MsgHeartbeat), Reason: raftsim.DropNodeDown}, &l, 10)
	if len(d.Bursts) != 3 {
		t.Fatalf("%d bursts", len(d.Bursts))
	}
	if d.Bursts[0].At != drawn || d.Bursts[0].Kind != KindVote {
		t.Errorf("burst of a drawn message at %v (%v), want %v", d.Bursts[0].At, d.Bursts[0].Kind, drawn)
	}
	s23, e23, _ := l.Link(2, 3)
	if d.Bursts[1].At != Lerp(s23, e23, 0.5) || d.Bursts[1].Kind != KindApp {
		t.Errorf("partition drop at %v, want the link's midpoint", d.Bursts[1].At)
	}
	if _, e31, _ := l.Link(3, 1); d.Bursts[2].At != e31 {
		t.Errorf("node-down drop at %v, want the receiver end %v", d.Bursts[2].At, e31)
	}
	d.Expire(10 + BurstLife/2)
	if a := d.Bursts[0].Age(10 + BurstLife/2); len(d.Bursts) != 3 || math.Abs(a-0.5) > 1e-9 {
		t.Error("bursts died before their time")
	}
	d.Expire(10 + BurstLife + 0.01)
	if len(d.Bursts) != 0 {
		t.Errorf("%d bursts left after their life", len(d.Bursts))
	}
}

func TestEventLog(t *testing.T) {
	var l EventLog
	for i := 1; i <= 100; i++ {
		l.Add(raftsim.Event{Seq: uint64(i), Kind: raftsim.EvCommit}, false)
		l.Add(raftsim.Event{Seq: uint64(1000 + i), Kind: raftsim.EvSent}, false)
	}
	got := l.Latest(nil, 3)
	if len(got) != 3 || got[0].Seq != 98 || got[2].Seq != 100 {
		t.Errorf("latest 3 = %v, want commits 98..100 with sends left out", got)
	}
	l.Add(raftsim.Event{Seq: 2000, Kind: raftsim.EvDelivered}, true)
	l.Add(raftsim.Event{Seq: 2001, Kind: raftsim.EvAction, Op: raftsim.ActStep}, true)
	if got := l.Latest(got, 1); got[0].Seq != 2000 {
		t.Error("a delivery while paused (a step) is not shown, or the step is")
	}
	l.Add(raftsim.Event{Seq: 2002, Kind: raftsim.EvAction, Text: `action {"op":"crash","node":2}`}, false)
	if got := l.Latest(got, 1); got[0].Seq != 2002 {
		t.Error("a crash action is not shown")
	}
	if got := l.Latest(nil, 1000); len(got) != eventLogSize {
		t.Errorf("kept %d events, want %d", len(got), eventLogSize)
	}
	l.Clear()
	if got := l.Latest(nil, 5); len(got) != 0 {
		t.Errorf("%d events after Clear", len(got))
	}
}

func TestNotices(t *testing.T) {
	var n Notices
	n.Add("a", false, 0)
	n.Add("a", false, 1)
	if len(n.List()) != 1 || n.List()[0].Born != 1 {
		t.Errorf("a repeat was not folded into the first: %v", n.List())
	}
	for i, s := range []string{"b", "c", "d", "e"} {
		n.Add(s, true, float64(2+i))
	}
	if l := n.List(); len(l) != maxNotices || l[0].Text != "b" {
		t.Errorf("notices %v, want the newest %d", l, maxNotices)
	}
	if a := n.List()[0].Alpha(2 + NoticeLife - noticeFade/2); a != 0.5 {
		t.Errorf("alpha halfway through the fade = %v", a)
	}
	n.Expire(2 + NoticeLife)
	if l := n.List(); len(l) != 3 || l[0].Text != "c" {
		t.Errorf("after expiry %v", l)
	}
}
