package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/timeline"
)

// replayed is the snapshot cmd/sim prints for cfg and actions run to ms.
func replayed(t *testing.T, cfg raftsim.Config, actions []raftsim.ActionRecord, ms int64) []byte {
	t.Helper()
	sim, err := judged.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if refused, err := sim.Replay(raftsim.Run{Config: cfg, Actions: actions, NowMs: ms}); err != nil || len(refused) > 0 {
		t.Fatalf("replay: %v %v", refused, err)
	}
	return sim.SnapshotJSON()
}

// okResult reports whether an API call answered {"ok":true}, and its error.
func okResult(t *testing.T, res string) (bool, string) {
	t.Helper()
	var r struct {
		OK    bool   `json:"ok"`
		Error string `json:"error"`
	}
	if err := json.Unmarshal([]byte(res), &r); err != nil {
		t.Fatalf("not a result: %.200s", res)
	}
	return r.OK, r.Error
}

// seek(), fork() and export() in the page: a past moment shown exactly as
// cmd/sim prints it, the live run waiting meanwhile, a fork that keeps the
// actions done by then, and an export whose final state a replay gives.
func TestBrowserTimeTravelAPI(t *testing.T) {
	tab := openPlayground(t, "seed=7")
	tab.pause()
	t0 := tab.state().NowMs // the page ran a little before the pause
	tab.advance(3000)
	tab.do(crash(1))
	tab.advance(4000)
	tab.do(`{"op":"partition","groups":[[1,2],[3,4,5]]}`)
	tab.advance(3000)
	tab.do(`{"op":"heal"}`)
	live := tab.advance(5000)

	at := t0 + 8000
	past := call[string](tab, "seek", at)
	want := replayed(t, live.Config, live.Actions, at)
	if !bytes.Equal([]byte(past), want) {
		t.Fatalf("seek(%d) differs from the replay:\n got %.300s\nwant %.300s", at, past, want)
	}
	tab.waitFrames(3)
	if got := eval[string](tab, "raftplay.state()"); got != past {
		t.Errorf("state() while the past is shown is not that moment: %.200s", got)
	}

	for _, bad := range []string{"seek(-1)", fmt.Sprintf("seek(%d)", live.NowMs+1), "seek(2.5)", `seek("x")`} {
		if ok, msg := okResult(t, eval[string](tab, "raftplay."+bad)); ok || msg == "" {
			t.Errorf("%s: want a refusal with a reason, got ok=%v %q", bad, ok, msg)
		}
	}
	if got := eval[string](tab, "raftplay.state()"); got != past {
		t.Error("a refused seek changed what is shown")
	}

	if ok, msg := okResult(t, eval[string](tab, "raftplay.fork()")); !ok {
		t.Fatalf("fork(): %s", msg)
	}
	kept := 0
	for kept < len(live.Actions) && live.Actions[kept].AtMs <= at {
		kept++
	}
	s := tab.state()
	if s.NowMs != at || len(s.Actions) != kept || kept == len(live.Actions) {
		t.Fatalf("after fork(): now %d ms with %d actions, want %d ms with the %d of %d done by then", s.NowMs, len(s.Actions), at, kept, len(live.Actions))
	}
	tab.do(crash(2))
	s = tab.advance(2000)
	if n := len(s.Actions); n != kept+1 || s.Actions[n-1].Op != raftsim.ActCrash || s.Actions[n-1].Node != 2 || s.Actions[n-1].AtMs != at {
		t.Fatalf("the action log after the fork: %+v, want the %d done by %d ms and then crash n2 there", s.Actions, kept, at)
	}
	if ok, msg := okResult(t, eval[string](tab, "raftplay.fork()")); ok || !strings.Contains(msg, "past moment") {
		t.Errorf("fork() of the live run: ok=%v %q", ok, msg)
	}

	var ex timeline.Export
	if err := json.Unmarshal([]byte(eval[string](tab, "raftplay.export()")), &ex); err != nil {
		t.Fatal(err)
	}
	if ex.Seed != 7 || ex.UntilMs != at+2000 || len(ex.Actions) != kept+1 || !json.Valid(ex.Story) {
		t.Fatalf("export: seed %d, until %d ms, %d actions", ex.Seed, ex.UntilMs, len(ex.Actions))
	}
	if got := replayed(t, ex.Config, ex.Actions, ex.UntilMs); !bytes.Equal(got, ex.Final) {
		t.Errorf("the export's final state differs from a replay of its actions:\n got %.300s\nwant %.300s", got, ex.Final)
	}
}
