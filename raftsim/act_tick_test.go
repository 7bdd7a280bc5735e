package raftsim

import "testing"

func TestTick(t *testing.T) {
	held := []string{`{"op":"manual","on":true}`}
	runActionTable(t, []actionCase{
		{name: "outside manual mode", js: `{"op":"tick","node":2}`, want: "only in manual mode"},
		{name: "n and until", setup: held, js: `{"op":"tick","node":2,"n":2,"until":"election"}`, want: `tick takes "n" or "until", not both`},
		{name: "a bad until", setup: held, js: `{"op":"tick","node":2,"until":"lunch"}`, want: `"until" is "election" or "heartbeat"`},
		{name: "too many", setup: held, js: `{"op":"tick","node":2,"n":1001}`, want: `"n" is a whole number from 1 to 1000`},
		{name: "a crashed node", setup: []string{`{"op":"crash","node":2}`, `{"op":"manual","on":true}`}, js: `{"op":"tick","node":2}`, want: "tick: n2 is down"},
		{name: "a follower's heartbeat", setup: held, js: `{"op":"tick","node":2,"until":"heartbeat"}`, want: "n2 is no leader"},
		{name: "one tick moves the election timer", setup: held, js: `{"op":"tick","node":2}`},
		{name: "a follower's election", setup: held, js: `{"op":"tick","node":2,"until":"election"}`,
			check: func(t *testing.T, h *harness) {
				if n := h.sim.Snapshot().Node(2); !n.HasReady || n.ElectionElapsedMs != 0 {
					t.Fatalf("n2 did not campaign: has a Ready %v, election elapsed %d ms", n.HasReady, n.ElectionElapsedMs)
				}
			}},
		{name: "the leader's heartbeat", setup: held, js: `{"op":"tick","node":5,"until":"heartbeat"}`,
			check: func(t *testing.T, h *harness) {
				h.do(`{"op":"ready","node":5}`)
				beats := 0
				for _, m := range h.sim.Snapshot().Messages {
					if m.From == 5 && m.Type.String() == "MsgHeartbeat" && m.Held {
						beats++
					}
				}
				if beats != 4 {
					t.Fatalf("the leader's heartbeat sent %d heartbeats", beats)
				}
			}},
	})
}
