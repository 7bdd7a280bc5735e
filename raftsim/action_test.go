package raftsim

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// Actions that are no action are refused with a precise message and change
// nothing; each action's own refusals are in its table test (act_*_test.go).
func TestBadActionsAreRefusedAndChangeNothing(t *testing.T) {
	tests := []struct {
		js   string
		want string
	}{
		{`{"op":"explode"}`, `unknown op "explode"`},
		{`{"node":1}`, `needs "op"`},
		{`not json`, "not valid JSON"},
		{`[1,2]`, "must be a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.js, func(t *testing.T) {
			h := newHarness(t, 1)
			h.leader(2000)
			before := h.sim.SnapshotJSON()
			err := h.sim.DoJSON(tt.js)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
			if after := h.sim.SnapshotJSON(); !bytes.Equal(before, after) {
				t.Fatalf("a refused action changed the state")
			}
			h.run(500)
			if h.sim.Snapshot().Leader() == 0 {
				t.Fatal("the cluster stopped after a refused action")
			}
		})
	}
}

func TestActionLogRecordsAppliedActionsOnly(t *testing.T) {
	h := newHarness(t, 1)
	h.run(300)
	h.do(`{"op":"crash","node":1}`)
	_ = h.sim.DoJSON(`{"op":"crash","node":1}`) // refused: already down
	h.run(100)
	h.do(`{"op":"put","value":"much","via":2}`)
	got := h.sim.Actions()
	if len(got) != 2 || got[0].AtMs != 300 || got[0].Op != "crash" || got[1].AtMs != 400 || got[1].Key != "much" {
		t.Fatalf("action log = %+v", got)
	}
}

func TestParseActionRecords(t *testing.T) {
	recs, err := ParseActionRecords(`[{"at_ms":100,"op":"crash","node":1},{"at_ms":200,"op":"heal"}]`)
	if err != nil || len(recs) != 2 || recs[1].AtMs != 200 || recs[0].Node != 1 {
		t.Fatalf("got %+v, %v", recs, err)
	}
	for js, want := range map[string]string{
		`{"op":"crash"}`:  "must be a JSON array",
		`[{"op":"heal"}]`: "actions[0].at_ms",
		`[{"at_ms":5,"op":"heal"},{"at_ms":1,"op":"heal"}]`: "before the previous action",
		`[{"at_ms":5,"op":"nope"}]`:                         `actions[0]: unknown op "nope"`,
	} {
		if _, err := ParseActionRecords(js); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", js, err, want)
		}
	}
}

func TestConfigValidation(t *testing.T) {
	for _, nodes := range []int{0, 1, 2, 10, 100} {
		cfg := DefaultConfig()
		cfg.Nodes = nodes
		if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), "nodes must be 3 to 9") {
			t.Errorf("nodes=%d: got %v", nodes, err)
		}
	}
	for _, nodes := range []int{3, 9} {
		cfg := DefaultConfig()
		cfg.Nodes = nodes
		s, err := New(cfg)
		if err != nil {
			t.Fatalf("nodes=%d: %v", nodes, err)
		}
		s.Advance(2000)
		if s.Snapshot().Leader() == 0 {
			t.Errorf("nodes=%d: no leader after 2 s", nodes)
		}
	}
}

func TestLinkLossDropsMessages(t *testing.T) {
	h := newHarness(t, 1)
	l := h.leader(2000)
	lost := 0
	h.sim.OnEvent(func(e Event) {
		if e.Kind == EvDropped && e.Reason == DropLost {
			if e.From != l.ID || e.To == 0 || e.MsgType == 0 {
				t.Errorf("a lost message's event names it %d→%d %q; the leader is %d", e.From, e.To, e.MsgType, l.ID)
			}
			lost++
		}
	})
	h.do(`{"op":"loss","from":` + string(rune('0'+l.ID)) + `,"rate":1}`)
	h.run(3000)
	if lost == 0 {
		t.Fatal("no message was lost on links with loss rate 1")
	}
	// Cut off from every follower, the old leader cannot stay in charge.
	if s := h.sim.Snapshot(); s.Leader() == l.ID {
		t.Fatalf("n%d still leads with every outgoing message lost", l.ID)
	}
}

// What the action log writes, ParseAction reads back as the same action:
// runs replay from their logs and share links.
func TestActionLogRoundTrips(t *testing.T) {
	h := newHarness(t, 1)
	h.leader(2000)
	for _, js := range []string{
		`{"op":"stress","on":true}`, `{"op":"stress","on":false}`,
		`{"op":"lying-disk","node":2,"on":true}`, `{"op":"lying-disk","node":2,"on":false}`,
		`{"op":"partition","groups":[[1,2],[3,4,5]]}`, `{"op":"heal"}`,
		`{"op":"console","line":"set /foo bar","via":3}`, `{"op":"speed","x":0.5}`,
		`{"op":"loss","from":1,"rate":0.25}`, `{"op":"clients","count":2,"read":"serializable"}`,
	} {
		h.do(js)
		h.run(10)
	}
	log := h.sim.Actions()
	b, err := json.Marshal(log)
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseActionRecords(string(b))
	if err != nil {
		t.Fatalf("the log does not parse back: %v\n%s", err, b)
	}
	if !reflect.DeepEqual(back, log) {
		t.Fatalf("the log changed on the way:\n%+v\n%+v", log, back)
	}
	if !strings.Contains(string(b), `{"at_ms":`) || !strings.Contains(string(b), `"op":"stress","on":false}`) {
		t.Fatalf("log JSON: %s", b)
	}
}
