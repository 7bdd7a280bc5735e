package raftsim

import (
	"fmt"
	"strings"
	"testing"
)

func TestDeliver(t *testing.T) {
	held := []string{`{"op":"manual","on":true}`}
	runActionTable(t, []actionCase{
		{name: "outside manual mode", js: `{"op":"deliver","to":2}`, want: "only in manual mode"},
		{name: "a message not in flight", setup: held, js: `{"op":"deliver","message":999999}`, want: "message 999999 is not in flight"},
		{name: "both message and to", setup: held, js: `{"op":"deliver","message":3,"to":2}`, want: `deliver needs "message" or "to", one of them`},
		{name: "neither", setup: held, js: `{"op":"deliver"}`, want: `deliver needs "message" or "to"`},
		{name: "an unknown node", setup: held, js: `{"op":"deliver","to":9}`, want: "unknown node 9"},
		{name: "everything waiting for a node", setup: append(held, `{"op":"tick","node":5,"until":"heartbeat"}`, `{"op":"ready","node":5}`), js: `{"op":"deliver","to":2}`,
			check: func(t *testing.T, h *harness) {
				for _, m := range h.sim.Snapshot().Messages {
					if m.To == 2 {
						t.Fatalf("message %d to n2 still waits", m.ID)
					}
				}
			}},
	})
}

// A message delivered ahead of one sent before it on its stream is
// delivered, and its event says that rafthttp would not do so.
func TestDeliverAheadOnAStream(t *testing.T) {
	h := newManualHarness(t)
	h.electByHand(oldestFirst)
	h.write(1, "/a", "much")
	h.handAll()
	h.write(1, "/b", "wow")
	h.handAll()
	var apps []MessageView
	for _, m := range h.sim.Snapshot().Messages {
		if m.To == 2 && m.Type.String() == "MsgApp" {
			apps = append(apps, m)
		}
	}
	if len(apps) != 2 || apps[0].Stream != StreamMsgApp {
		t.Fatalf("want two appends on n1→n2's msgappv2 stream, got %+v", apps)
	}
	var text string
	cancel := h.sim.OnEvent(func(e Event) {
		if e.Kind == EvDelivered {
			text = e.Text
		}
	})
	defer cancel()
	h.do(fmt.Sprintf(`{"op":"deliver","message":%d}`, apps[1].ID))
	if want := fmt.Sprintf("ahead of #%d sent before it on its msgappv2 stream, which rafthttp would deliver first", apps[0].ID); !strings.Contains(text, want) {
		t.Fatalf("the delivery says %q, want it to say %q", text, want)
	}
	h.drain(oldestFirst)
	h.ok()
}
