package spacetime

import (
	"fmt"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
)

// faults is what the faulty test run does, as an action file.
const faults = `[
	{"at_ms":1000,"op":"put","key":"a","value":"much"},
	{"at_ms":3000,"op":"crash","node":1},
	{"at_ms":5000,"op":"partition","groups":[[1,2],[3,4,5]]},
	{"at_ms":7000,"op":"restart","node":1},
	{"at_ms":8000,"op":"put","key":"b","value":"wow"},
	{"at_ms":10000,"op":"heal"},
	{"at_ms":12000,"op":"loss","rate":0.1},
	{"at_ms":14000,"op":"crash","node":3},
	{"at_ms":15000,"op":"put","key":"a","value":"such"},
	{"at_ms":17000,"op":"restart","node":3},
	{"at_ms":18000,"op":"loss","rate":0}
]`

// newSim starts a simulation of seed, as the playground builds it.
func newSim(t testing.TB, seed int64) *raftsim.Sim {
	t.Helper()
	cfg := raftsim.DefaultConfig()
	cfg.Seed = seed
	sim, err := judged.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return sim
}

// watched starts a simulation of seed and a model made with opts that
// follows it.
func watched(t testing.TB, seed int64, opts Options) (*raftsim.Sim, *Model) {
	t.Helper()
	sim := newSim(t, seed)
	m := New(sim, opts)
	t.Cleanup(m.Close)
	return sim, m
}

// play runs sim a millisecond at a time to untilMs, doing the faults that
// fall due and handing each moment's snapshot to see. Every message flies
// at least LatencyMinMs, so each one is in some snapshot's in-flight list.
func play(t testing.TB, sim *raftsim.Sim, untilMs int64, see func(*raftsim.Snapshot)) {
	t.Helper()
	due, err := raftsim.ParseActionRecords(faults)
	if err != nil {
		t.Fatal(err)
	}
	for len(due) > 0 && due[0].AtMs < sim.Now() {
		due = due[1:] // done already, by an earlier play
	}
	for sim.Now() < untilMs {
		for ; len(due) > 0 && due[0].AtMs <= sim.Now(); due = due[1:] {
			if err := sim.Do(due[0].Action); err != nil {
				t.Fatalf("at %d ms: %+v: %v", sim.Now(), due[0], err)
			}
		}
		sim.Advance(1)
		see(sim.Snapshot())
	}
}

// breaksAt reports whether a crash or a partition, which break streams, is
// marked at ms.
func breaksAt(m *Model, ms int64) bool {
	for _, k := range m.Marks(ms, ms, nil) {
		if k.AtMs == ms && (k.Kind == raftsim.MarkCrash || k.Kind == raftsim.MarkPartition) {
			return true
		}
	}
	return false
}

// The diagram's arrows are exactly the messages the transport put in
// flight, as the snapshots' in-flight lists show them: the same IDs,
// endpoints, types, terms, indexes and send times, each ending when its
// delivery was due (delivered, or lost on arrival to a partition, a
// crashed receiver or the link's loss), when a crash or a partition broke
// its stream, or when the user took it out of the air.
func TestArrowsAreTheMessagesSent(t *testing.T) {
	sim, m := watched(t, 7, Options{})
	flights := map[uint64]raftsim.MessageView{}
	var userDrop uint64
	var userDropMs int64
	play(t, sim, 20_000, func(s *raftsim.Snapshot) {
		for _, mv := range s.Messages {
			if _, ok := flights[mv.ID]; !ok {
				flights[mv.ID] = mv
			}
		}
		if userDrop == 0 && s.NowMs > 16_000 && len(s.Messages) > 0 {
			userDrop, userDropMs = s.Messages[0].ID, s.NowMs
			if err := sim.DoJSON(fmt.Sprintf(`{"op":"drop","message":%d}`, userDrop)); err != nil {
				t.Fatal(err)
			}
		}
	})
	arrows := m.Arrows(0, sim.Now(), nil)
	if len(arrows) != len(flights) {
		t.Fatalf("the diagram has %d arrows; %d messages were in flight", len(arrows), len(flights))
	}
	fates := map[Fate]int{}
	reasons := map[raftsim.DropReason]int{}
	for i, a := range arrows {
		mv, ok := flights[a.ID]
		if !ok {
			t.Fatalf("arrow %d: message %d was never in flight", i, a.ID)
		}
		if a.From != mv.From || a.To != mv.To || a.Type != mv.Type || a.Term != mv.Term || a.Index != mv.Index || a.SentMs != mv.SentMs {
			t.Fatalf("arrow %+v differs from the message in flight %+v", a, mv)
		}
		wantEnd := mv.DeliverMs
		if a.ID == userDrop {
			wantEnd = userDropMs
		}
		if a.Stream != mv.Stream {
			t.Fatalf("arrow %+v is on stream %q; the message was on %q", a, a.Stream, mv.Stream)
		}
		broken := a.Stream != raftsim.StreamPipeline && (a.Reason == raftsim.DropPartition || a.Reason == raftsim.DropNodeDown)
		switch {
		case broken && (a.EndMs < a.SentMs || a.EndMs > mv.DeliverMs || !breaksAt(m, a.EndMs)):
			t.Fatalf("arrow %+v was lost with its stream at %d ms: outside its flight, or no crash or partition then", a, a.EndMs)
		case broken:
			// Lost with its stream when the partition or the crash broke it.
		case a.Fate == InFlight:
			if mv.DeliverMs <= sim.Now() {
				t.Fatalf("arrow %+v is in flight after its delivery was due at %d ms", a, mv.DeliverMs)
			}
		case a.EndMs != wantEnd:
			t.Fatalf("arrow %+v ends at %d ms, want %d", a, a.EndMs, wantEnd)
		}
		fates[a.Fate]++
		reasons[a.Reason]++
	}
	for _, r := range []raftsim.DropReason{raftsim.DropPartition, raftsim.DropNodeDown, raftsim.DropLost, raftsim.DropByUser} {
		if reasons[r] == 0 {
			t.Errorf("no message was dropped for %q; the faults should have made some (%v)", r, reasons)
		}
	}
	if fates[Delivered] < 1000 {
		t.Errorf("only %d messages delivered in 20 s", fates[Delivered])
	}
	marks := m.Marks(0, sim.Now(), nil)
	var kinds []string
	for _, k := range marks {
		kinds = append(kinds, fmt.Sprintf("%d:%s@%d", k.AtMs, k.Kind, k.Node))
	}
	want := fmt.Sprint([]string{"3000:crash@1", "5000:partition@0", "7000:restart@1", "10000:heal@0", "14000:crash@3", "17000:restart@3"})
	if fmt.Sprint(kinds) != want {
		t.Errorf("marks = %v, want %v", kinds, want)
	}
}

// Arrows(t0, t1) is what a scan of every arrow finds: those sent by t1
// that had not ended before t0, for windows in the past and at the present.
func TestArrowsInWindow(t *testing.T) {
	sim, m := watched(t, 3, Options{})
	play(t, sim, 9000, func(*raftsim.Snapshot) {})
	all := m.Arrows(0, sim.Now(), nil)
	crossing := 0 // arrows sent before a window that reach into it
	for _, w := range [][2]int64{{0, 100}, {2990, 3010}, {5000, 5000}, {4000, 6000}, {8900, 9000}, {8995, 9100}} {
		var want []uint64
		for _, a := range all {
			if a.SentMs <= w[1] && (a.Fate == InFlight || a.EndMs >= w[0]) {
				want = append(want, a.ID)
				if a.SentMs < w[0] {
					crossing++
				}
			}
		}
		var got []uint64
		for _, a := range m.Arrows(w[0], w[1], nil) {
			got = append(got, a.ID)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("arrows in %v = %v, want %v", w, got, want)
		}
	}
	if crossing == 0 {
		t.Errorf("no arrow crosses a window's start: the windows test nothing")
	}
}

// The model keeps the last KeepMs of virtual time and at most MaxArrows,
// each as a model without that bound has it (its fate and end included),
// and starts afresh with a new run.
func TestBoundedAndPerRun(t *testing.T) {
	sim, m := watched(t, 5, Options{KeepMs: 2000, MaxArrows: 100})
	unbounded := New(sim, Options{KeepMs: 2000, MaxArrows: 1 << 20})
	t.Cleanup(unbounded.Close)
	play(t, sim, 6000, func(*raftsim.Snapshot) {})
	st := m.Stats()
	if st.Arrows != 100 || st.FromMs < sim.Now()-2000 {
		t.Fatalf("after 6 s: %+v (now %d ms); want the last 100 arrows of the last 2 s", st, sim.Now())
	}
	a := m.Arrows(0, sim.Now(), nil)
	if a[len(a)-1].ID-a[0].ID != 99 {
		t.Fatalf("kept arrows %d..%d are not the latest 100", a[0].ID, a[len(a)-1].ID)
	}
	all := unbounded.Arrows(0, sim.Now(), nil)
	if latest := all[len(all)-100:]; fmt.Sprint(a) != fmt.Sprint(latest) {
		t.Fatalf("the bounded model's arrows differ from the latest 100 of all:\n%+v\n%+v", a, latest)
	}
	m2 := New(sim, Options{KeepMs: 2000})
	t.Cleanup(m2.Close)
	play(t, sim, 9000, func(*raftsim.Snapshot) {})
	if st := m2.Stats(); st.FromMs < sim.Now()-2000 {
		t.Fatalf("kept arrows from %d ms at %d ms, more than 2 s back", st.FromMs, sim.Now())
	}
	if err := sim.DoJSON(`{"op":"reset","seed":9}`); err != nil {
		t.Fatal(err)
	}
	sim.Advance(500)
	a = m.Arrows(0, sim.Now(), nil)
	if len(a) == 0 || a[0].ID != 1 || a[0].SentMs > 500 {
		t.Fatalf("after a reset the diagram does not start afresh: first arrow %+v", a[0])
	}
}
