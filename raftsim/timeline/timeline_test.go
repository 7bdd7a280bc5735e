package timeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/runcodec"
)

// writeActions saves actions as an action file for cmd/sim -actions.
func writeActions(t *testing.T, actions []raftsim.ActionRecord) string {
	t.Helper()
	b, err := json.Marshal(actions)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "actions.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func configJSON(t *testing.T, cfg raftsim.Config) string {
	b, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Ten moments of a faulty 60 s run, visited out of order (forward from the
// last seek, and back), are each exactly what cmd/sim prints for the same
// seed and actions run to that moment.
func TestStateAtIsWhatCmdSimPrints(t *testing.T) {
	sim, tl := played(t, 7, 60000)
	actions := writeActions(t, sim.Actions())
	cfg := configJSON(t, sim.Config())
	for _, ms := range []int64{1, 4999, 5000, 9003, 21017, 33000, 59999, 12345, 45001, 60000} {
		got, err := tl.StateAt(ms)
		if err != nil {
			t.Fatalf("StateAt(%d): %v", ms, err)
		}
		want := runSim(t, "-config", cfg, "-actions", actions, "-for", fmt.Sprintf("%dms", ms))
		if g := append(got.JSON(), '\n'); !bytes.Equal(g, want) {
			t.Errorf("StateAt(%d) differs from cmd/sim -for %dms:\n got %.300s\nwant %.300s", ms, ms, g, want)
		}
	}
	if sim.Now() != 60000 {
		t.Errorf("looking at the past moved the live run to %d ms", sim.Now())
	}
}

// The frames kept for scrubbing are the run as a replay shows it: where
// nothing but the run shapes a snapshot (no speed or pause changes, no
// history checked between frames), byte for byte.
func TestFramesAreTheRunsMoments(t *testing.T) {
	_, tl := played(t, 3, 20000)
	st := tl.Stats()
	if st.FromMs > 16 || st.ToMs < 20000-DefaultEveryMs || st.Frames < 150 {
		t.Fatalf("frames %+v: want one about every 100 ms from the start to 20000 ms", st)
	}
	for _, ms := range []int64{16, 4000, 5000, 9000, 12005, 15000, 19990} {
		frame, ok := tl.Frame(ms)
		if !ok {
			t.Fatalf("no frame at or before %d ms", ms)
		}
		exact, err := tl.StateAt(frame.NowMs)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(frame.JSON(), exact.JSON()) {
			t.Errorf("frame at %d ms differs from the replay:\n got %.300s\nwant %.300s", frame.NowMs, frame.JSON(), exact.JSON())
		}
	}
}

// A fork at a past moment keeps the actions done by then, plays on from
// there, and the run's share link reproduces the forked run.
func TestForkCutsTheLogAndTheLinkReproducesIt(t *testing.T) {
	sim, tl := played(t, 7, 30000)
	before := sim.Actions()
	genBefore := sim.Generation()
	if err := tl.Fork(13000); err != nil {
		t.Fatal(err)
	}
	if sim.Now() != 13000 || sim.Generation() == genBefore {
		t.Fatalf("after the fork: now %d ms, generation %d (was %d); want 13000 ms and a new generation", sim.Now(), sim.Generation(), genBefore)
	}
	sim.Advance(500)
	if err := sim.DoJSON(`{"op":"crash","node":2}`); err != nil {
		t.Fatal(err)
	}
	sim.Advance(4000)
	tl.Observe(sim.Snapshot())

	var want []raftsim.ActionRecord
	for _, a := range before {
		if a.AtMs <= 13000 {
			want = append(want, a)
		}
	}
	want = append(want, raftsim.ActionRecord{AtMs: 13500, Fired: sim.Actions()[len(want)].Fired, Action: raftsim.Action{Op: raftsim.ActCrash, Node: 2}})
	got, _ := json.Marshal(sim.Actions())
	wantJSON, _ := json.Marshal(want)
	if !bytes.Equal(got, wantJSON) {
		t.Fatalf("action log after the fork:\n got %s\nwant %s", got, wantJSON)
	}

	run, err := runcodec.Decode(runcodec.Encode(sim.Run()))
	if err != nil {
		t.Fatal(err)
	}
	other := newLive(t, 1)
	if refused, err := other.Replay(run); err != nil || len(refused) > 0 {
		t.Fatalf("replaying the link: %v %v", refused, err)
	}
	if !bytes.Equal(other.SnapshotJSON(), sim.SnapshotJSON()) {
		t.Errorf("the share link's replay differs from the forked run")
	}

	// The past before the fork is kept; what came after it is gone.
	if st := tl.Stats(); st.ToMs != 17500 || st.FromMs > 16 {
		t.Errorf("frames after the fork: %+v, want the run's whole past to 17500 ms", st)
	}
	for _, m := range tl.Marks() {
		if m.AtMs > 13000 && !(m.AtMs == 13500 && m.Kind == raftsim.MarkCrash) && m.Kind != raftsim.MarkLeader {
			t.Errorf("mark %+v of the dropped future survived the fork", m)
		}
	}
}

// A fork done in slices, as the playground does between frames, gives the
// same run as one done at once.
func TestForkInSlicesIsTheSame(t *testing.T) {
	whole, a := played(t, 5, 25000)
	sliced, b := played(t, 5, 25000)
	if err := a.Fork(21000); err != nil {
		t.Fatal(err)
	}
	f, err := b.StartFork(21000)
	if err != nil {
		t.Fatal(err)
	}
	slices := 0
	for !f.Continue(700) {
		slices++
		if p := f.Progress(); p <= 0 || p >= 1 {
			t.Fatalf("progress %g after %d slices", p, slices)
		}
		if _, err := b.StateAt(0); err == nil {
			t.Fatal("StateAt during a fork: want an error")
		}
	}
	if slices < 25 || f.Err() != nil {
		t.Fatalf("%d slices, err %v", slices, f.Err())
	}
	if !bytes.Equal(whole.SnapshotJSON(), sliced.SnapshotJSON()) {
		t.Error("a fork in slices differs from one in one go")
	}
}

// The export's action file, config and until_ms give its final snapshot
// in cmd/sim, and its story passes cmd/sim -scenario.
func TestExportRoundTrip(t *testing.T) {
	sim, tl := played(t, 11, 35000)
	if err := sim.DoJSON(`{"op":"clients","count":2}`); err != nil {
		t.Fatal(err)
	}
	sim.Advance(3000)
	ex, err := tl.Export()
	if err != nil {
		t.Fatal(err)
	}
	js := ex.JSON()
	var back Export
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	if back.Seed != 11 || back.UntilMs != 38000 {
		t.Fatalf("seed %d until %d, want 11 and 38000", back.Seed, back.UntilMs)
	}
	actions := writeActions(t, back.Actions)
	storyFile := filepath.Join(t.TempDir(), "story.json")
	if err := os.WriteFile(storyFile, back.Story, 0o644); err != nil {
		t.Fatal(err)
	}
	out := runSim(t, "-config", configJSON(t, back.Config), "-actions", actions, "-for", fmt.Sprintf("%dms", back.UntilMs))
	if !bytes.Equal(bytes.TrimSpace(out), back.Final) {
		t.Errorf("cmd/sim's final snapshot differs from the export's:\n got %.300s\nwant %.300s", out, back.Final)
	}
	if !strings.Contains(string(back.Final), `"operations":`) || strings.Contains(string(back.Final), `"operations":0`) {
		t.Errorf("the exported run's clients made no calls: %.200s", back.Final)
	}
	if out := runSim(t, "-scenario", storyFile); !strings.HasPrefix(string(out), "run-seed-11-38000ms") || !strings.Contains(string(out), "ok   step 1/1 at  38000 ms") {
		t.Errorf("cmd/sim -scenario on the exported story:\n%s", out)
	}
}

// Bad input is refused with a message that says why, and changes nothing.
func TestBadInputChangesNothing(t *testing.T) {
	sim := newLive(t, 2)
	story := false
	tl := New(sim, judged.New, Options{Busy: func() error {
		if story {
			return fmt.Errorf("the story %q is playing; close it first", "election")
		}
		return nil
	}})
	defer tl.Close()
	if _, err := tl.Export(); err == nil || !strings.Contains(err.Error(), "nothing to export") {
		t.Errorf("export of an empty run: %v", err)
	}
	livePlay(t, sim, tl, 3000, 16)
	before := sim.SnapshotJSON()
	gen := sim.Generation()
	stats := tl.Stats()
	for _, ms := range []int64{-1, 3001} {
		if _, err := tl.StateAt(ms); err == nil || !strings.Contains(err.Error(), "runs from 0 to 3000 ms") {
			t.Errorf("StateAt(%d): %v", ms, err)
		}
		if err := tl.Fork(ms); err == nil || !strings.Contains(err.Error(), "runs from 0 to 3000 ms") {
			t.Errorf("Fork(%d): %v", ms, err)
		}
	}
	story = true
	if err := tl.Fork(1000); err == nil || !strings.Contains(err.Error(), "story") {
		t.Errorf("fork while a story plays: %v", err)
	}
	if !bytes.Equal(before, sim.SnapshotJSON()) || gen != sim.Generation() || stats != tl.Stats() {
		t.Error("refused input changed the run or the timeline")
	}
}

// With a small budget, the frames still reach back to the run's start,
// more widely spaced, and stay within it.
func TestFramesStayWithinTheBudget(t *testing.T) {
	_, tl := played(t, 4, 60000, Options{BudgetBytes: 400 << 10})
	st := tl.Stats()
	if st.Bytes > 400<<10 || st.FromMs > 16 || st.ToMs < 60000-st.EveryMs || st.EveryMs <= DefaultEveryMs {
		t.Errorf("frames %+v: want at most 400 KiB reaching from the start to 60000 ms, spaced wider than %d ms", st, DefaultEveryMs)
	}
	if _, ok := tl.Frame(30000); !ok {
		t.Error("no frame for the middle of the run")
	}
}

// The marks are the run's elections, faults and writes, at their times (the
// faults are done at the first frame at or after theirs), and stepping from
// mark to mark walks them in order.
func TestMarksFollowTheRun(t *testing.T) {
	_, tl := played(t, 7, 21000)
	want := map[string]bool{}
	for _, w := range []string{"write@2000", "crash@5000", "partition@9000", "restart@12000", "write@15000", "heal@20000"} {
		want[w] = false
	}
	leaders := 0
	for _, m := range tl.Marks() {
		key := fmt.Sprintf("%s@%d", m.Kind, m.AtMs/1000*1000)
		if _, ok := want[key]; ok {
			want[key] = true
		}
		if m.Kind == raftsim.MarkLeader {
			leaders++
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("no mark %s in %+v", k, tl.Marks())
		}
	}
	if leaders < 1 {
		t.Errorf("no leader marks in %+v", tl.Marks())
	}
	m, ok := tl.NextMark(5000)
	if !ok || m.AtMs <= 5000 {
		t.Errorf("NextMark(5000) = %+v, %v", m, ok)
	}
	if p, ok := tl.PrevMark(m.AtMs); !ok || p.AtMs >= m.AtMs {
		t.Errorf("PrevMark(%d) = %+v, %v", m.AtMs, p, ok)
	}
}
