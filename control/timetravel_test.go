package control

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/timeline"
)

// frameMs is the virtual time a test frame advances, as a page's does.
const frameMs = 50

// faults are what the test run does, at these virtual times.
var faults = []struct {
	atMs   int64
	action string
}{
	{1000, `{"op":"put","key":"a","value":"much"}`},
	{3000, `{"op":"crash","node":1}`},
	{5000, `{"op":"put","key":"b","value":"wow"}`},
	{6000, `{"op":"restart","node":1}`},
}

// newRun returns a fresh judged simulation of seed 3.
func newRun(t *testing.T) *raftsim.Sim {
	t.Helper()
	cfg := raftsim.DefaultConfig()
	cfg.Seed = 3
	sim, err := judged.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return sim
}

// play runs sim frame by frame to untilMs, doing the faults due, with tt
// (when given) observing every frame as the page's game does.
func play(t *testing.T, sim *raftsim.Sim, tt *TimeTravel, untilMs int64) {
	t.Helper()
	for sim.Now() < untilMs {
		for _, f := range faults {
			if f.atMs == sim.Now() {
				if err := sim.DoJSON(f.action); err != nil {
					t.Fatal(err)
				}
			}
		}
		sim.Advance(min(frameMs, untilMs-sim.Now()))
		if tt != nil {
			tt.Observe(sim.Snapshot())
		}
	}
}

// traveled returns a run played to 8 s with the time travel that watched
// it.
func traveled(t *testing.T) (*raftsim.Sim, *TimeTravel) {
	t.Helper()
	sim := newRun(t)
	tl := NewTimeline(sim, judged.New, nil)
	t.Cleanup(tl.Close)
	tt := NewTimeTravel(sim, tl)
	play(t, sim, tt, 8000)
	return sim, tt
}

// asItWas is the snapshot of a run played afresh to ms.
func asItWas(t *testing.T, ms int64) []byte {
	t.Helper()
	sim := newRun(t)
	play(t, sim, nil, ms)
	return sim.SnapshotJSON()
}

func TestShowAtIsTheRunAsItWas(t *testing.T) {
	sim, tt := traveled(t)
	liveBefore := sim.SnapshotJSON()
	snap, err := tt.ShowAt(4020)
	if err != nil {
		t.Fatal(err)
	}
	if want := asItWas(t, 4020); !bytes.Equal(snap.JSON(), want) || !bytes.Equal(tt.Shown().JSON(), want) {
		t.Fatalf("ShowAt(4020) shows\n%.300s\nwant the run as it was\n%.300s", snap.JSON(), want)
	}
	if ms, exact := tt.Moment(); ms != 4020 || !exact {
		t.Fatalf("Moment = %d ms, exact %v; want 4020 ms exactly", ms, exact)
	}
	if !bytes.Equal(sim.SnapshotJSON(), liveBefore) {
		t.Fatal("looking at the past changed the live run")
	}
	if _, err := tt.ShowAt(sim.Now()); err != nil || tt.Past() != nil {
		t.Fatalf("ShowAt(now): %v, past %v; want the live run shown again", err, tt.Past() != nil)
	}
}

func TestAForkFromTheStripReplaysByteForByte(t *testing.T) {
	sim, tt := traveled(t)
	tt.ShowMoment(4010, false, 0)
	at, exact := tt.Moment()
	if at < 3900 || at > 4100 || exact {
		t.Fatalf("a moment picked on the strip: Moment = %d ms, exact %v; want the kept frame nearest 4010 ms until it settles", at, exact)
	}
	put := raftsim.Action{Op: raftsim.ActPut, Key: "c", Value: "forked"}
	if took, err := tt.DoOnPast([]raftsim.Action{put}); !took || err != nil {
		t.Fatalf("an action on the past moment: took %v, %v; want it to wait for the fork", took, err)
	}
	var end *ForkEnd
	for end == nil {
		if !tt.Busy() {
			t.Fatal("the fork stopped before it ended")
		}
		end = tt.ContinueFork()
	}
	if end.Err != nil || end.AtMs != at || len(end.Waiting) != 1 || end.Waiting[0].Value != put.Value {
		t.Fatalf("the fork ended %+v; want it at %d ms with the put waiting", end, at)
	}
	if tt.Past() != nil || sim.Now() != at {
		t.Fatalf("after the fork the live run stands at %d ms (past shown %v); want %d ms, live", sim.Now(), tt.Past() != nil, at)
	}
	for _, a := range end.Waiting {
		if err := sim.Do(a); err != nil {
			t.Fatal(err)
		}
	}
	play(t, sim, tt, 6500)

	fresh := newRun(t)
	play(t, fresh, nil, at)
	if err := fresh.Do(put); err != nil {
		t.Fatal(err)
	}
	play(t, fresh, nil, 6500)
	if !bytes.Equal(sim.SnapshotJSON(), fresh.SnapshotJSON()) {
		t.Fatal("the forked run differs from one that did the same from the start")
	}
}

func TestTheStripSettlesOnTheExactMoment(t *testing.T) {
	_, tt := traveled(t)
	tt.ShowMoment(4030, false, 10)
	if err := tt.Settle(true, 10.1); err != nil {
		t.Fatal(err)
	}
	if _, exact := tt.Moment(); exact || !tt.Busy() {
		t.Fatal("a drag held and moving settled at once; want it to wait until it rests")
	}
	settled(t, tt, true, 10.5)
	if want := asItWas(t, 4030); !bytes.Equal(tt.Past().JSON(), want) || tt.Busy() {
		t.Fatalf("settled on\n%.300s\nwant the run as it was at 4030 ms\n%.300s", tt.Past().JSON(), want)
	}
}

func TestRefusedTimeTravelChangesNothing(t *testing.T) {
	sim, tt := traveled(t)
	before := sim.SnapshotJSON()
	if err := tt.Fork(); err == nil || !strings.Contains(err.Error(), "pick a past moment") {
		t.Fatalf("Fork with the live run shown: %v; want a refusal that says to pick a moment", err)
	}
	if err := tt.StartFork(); err == nil {
		t.Fatal("StartFork with the live run shown was taken")
	}
	if _, err := tt.ShowAt(sim.Now() + 1000); err == nil {
		t.Fatal("ShowAt after the present was taken")
	}
	if took, _ := tt.DoOnPast([]raftsim.Action{{Op: raftsim.ActCrash, Node: 2}}); took {
		t.Fatal("an action on the live run was held for a fork")
	}
	if tt.Past() != nil || tt.Busy() || !bytes.Equal(before, sim.SnapshotJSON()) {
		t.Fatal("a refusal changed what is shown or the run")
	}

	none := NewTimeTravel(newRun(t), nil)
	if _, err := none.ShowAt(0); !errors.Is(err, ErrNoTimeline) {
		t.Fatalf("ShowAt without a timeline: %v; want ErrNoTimeline", err)
	}
	if err := none.Fork(); !errors.Is(err, ErrNoTimeline) {
		t.Fatalf("Fork without a timeline: %v; want ErrNoTimeline", err)
	}
	if none.View(0) != nil {
		t.Fatal("without a timeline the strip is shown")
	}
}

func TestAForkWaitsWhileAStoryPlays(t *testing.T) {
	sim := newRun(t)
	st := NewStories(sim)
	tl := NewTimeline(sim, judged.New, st)
	t.Cleanup(tl.Close)
	tt := NewTimeTravel(sim, tl)
	if err := st.Start("election", 0); err != nil {
		t.Fatal(err)
	}
	for range 40 {
		st.Advance(frameMs)
		tt.Observe(sim.Snapshot())
	}
	if _, err := tt.ShowAt(sim.Now() / 2); err != nil {
		t.Fatal(err)
	}
	now := sim.Now()
	if err := tt.Fork(); err == nil || !strings.Contains(err.Error(), "is playing") {
		t.Fatalf("Fork while a story plays: %v; want a refusal that names the story", err)
	}
	if sim.Now() != now || tt.Past() == nil {
		t.Fatal("a refused fork changed the run or what is shown")
	}
}

// The strip's marks are the timeline's, and stepping to one shows it.
func TestTheStripStepsBetweenMarks(t *testing.T) {
	sim, tt := traveled(t)
	v := tt.View(sim.Now())
	var before timeline.Mark
	crashed := false
	for _, m := range v.Marks {
		crashed = crashed || m.Kind == string(raftsim.MarkCrash) && m.AtMs == 3000
	}
	for _, m := range tt.tl.Marks() {
		if m.AtMs < 3500 {
			before = m
		}
	}
	if !crashed || before.AtMs < 3000 {
		t.Fatalf("marks %+v; want the crash at 3000 ms among them", v.Marks)
	}
	tt.ShowMoment(3500, false, 0)
	tt.ShowPrevMark(0)
	settled(t, tt, false, 100)
	if ms, _ := tt.Moment(); ms != before.AtMs {
		t.Fatalf("the mark before 3.5 s is shown at %d ms; want %d ms, the last mark before it", ms, before.AtMs)
	}
	tt.ShowNextMark(0)
	settled(t, tt, false, 100)
	if ms, _ := tt.Moment(); ms <= before.AtMs {
		t.Fatalf("after the next mark the strip stands at %d ms; want past %d ms", ms, before.AtMs)
	}
	if v := tt.View(sim.Now()); !v.Past || v.EndMs != sim.Now() {
		t.Fatalf("the strip shows %+v; want a past moment, ending at the live %d ms", v, sim.Now())
	}
}

// settled lets the strip settle on its cursor's exact moment, held or let
// go, at clock.
func settled(t *testing.T, tt *TimeTravel, held bool, clock float64) {
	t.Helper()
	for i := 0; ; i++ {
		if err := tt.Settle(held, clock); err != nil {
			t.Fatal(err)
		}
		if _, exact := tt.Moment(); exact {
			return
		}
		if i > 1000 {
			t.Fatal("the picture never settled on the moment")
		}
	}
}
