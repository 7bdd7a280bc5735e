package main

import (
	"testing"

	"raftplay/raftsim"
)

// With manual=1 the page starts with the clock and the network held. A
// follower ticked to its election timeout hands its Ready over; a click on
// one of the messages it sent, waiting on its link, delivers it; the / key
// gives the run back to the clock.
func TestBrowserManualDeliverByClick(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=dark&manual=1")
	if s := tab.state(); !s.Manual {
		t.Fatal("manual=1 did not start the run in manual mode")
	}
	tab.do(`{"op":"tick","node":2,"until":"election"}`)
	tab.do(`{"op":"ready","node":2}`)
	s := tab.state()
	if len(s.Messages) == 0 {
		t.Fatal("n2 campaigned and sent nothing")
	}
	l := viewLayout(goFontMeasure(t), len(s.Nodes))
	placed := l.PlaceMessages(nil, s, float64(s.NowMs))
	var target raftsim.MessageView
	for _, p := range placed {
		if p.Msg.From == 2 && p.Msg.To == 3 {
			target = *p.Msg
			tab.click(p.Pos)
			break
		}
	}
	if target.ID == 0 {
		t.Fatalf("no message from n2 to n3 is drawn: %+v", s.Messages)
	}
	after := tab.state()
	for _, m := range after.Messages {
		if m.ID == target.ID {
			t.Fatalf("message #%d still waits after a click on it", target.ID)
		}
	}
	last := after.Actions[len(after.Actions)-1]
	if last.Op != raftsim.ActDeliver || last.Message != target.ID {
		t.Fatalf("the click did %+v, want deliver #%d", last.Action, target.ID)
	}
	if !after.Node(3).HasReady {
		t.Error("n3 has no Ready after it got n2's message")
	}
	tab.press("/")
	if s := tab.state(); s.Manual {
		t.Error("/ did not leave manual mode")
	}
}
