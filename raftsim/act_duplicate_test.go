package raftsim

import (
	"fmt"
	"testing"
)

func TestDuplicate(t *testing.T) {
	runActionTable(t, []actionCase{
		{name: "outside manual mode", js: `{"op":"duplicate","message":1}`, want: "only in manual mode"},
		{name: "a message not in flight", setup: []string{`{"op":"manual","on":true}`}, js: `{"op":"duplicate","message":999999}`, want: "message 999999 is not in flight"},
		{name: "no message", js: `{"op":"duplicate"}`, want: `duplicate needs "message"`},
	})
}

// A duplicated message is delivered twice: raft's receiver sees it twice
// (it answers both), and nothing breaks.
func TestDuplicateIsDeliveredTwice(t *testing.T) {
	h := newManualHarness(t)
	h.electByHand(oldestFirst)
	h.write(1, "/a", "much")
	h.handAll()
	var app MessageView
	for _, m := range h.sim.Snapshot().Messages {
		if m.To == 3 && m.Type.String() == "MsgApp" {
			app = m
		}
	}
	h.do(fmt.Sprintf(`{"op":"duplicate","message":%d}`, app.ID))
	delivered := map[string]int{}
	cancel := h.sim.OnEvent(func(e Event) {
		if e.Kind == EvDelivered && e.To == 3 && e.MsgType.String() == "MsgApp" {
			delivered[fmt.Sprintf("term %d index %d", e.Term, e.Index)]++
		}
	})
	defer cancel()
	h.do(`{"op":"deliver","to":3}`)
	if k := delivered[fmt.Sprintf("term %d index %d", app.Term, app.Index)]; k != 2 {
		t.Fatalf("the append was delivered %d times: %v", k, delivered)
	}
	h.do(`{"op":"ready","node":3}`)
	answers := 0
	for _, m := range h.sim.Snapshot().Messages {
		if m.From == 3 && m.Type.String() == "MsgAppResp" {
			answers++
		}
	}
	if answers != 2 {
		t.Fatalf("n3 answered the append and its copy with %d responses", answers)
	}
	h.drain(oldestFirst)
	h.ok()
}
