package control

import (
	"testing"
	"time"

	"raftplay/raftsim"
)

// stressed returns a judged run that went through seconds of stress and
// then settled, its history judged not at all yet.
func stressed(t *testing.T) *raftsim.Sim {
	t.Helper()
	sim := newRun(t)
	sim.AdvanceTo(1000)
	do(t, sim, `{"op":"stress","on":true}`)
	sim.Advance(10000)
	do(t, sim, `{"op":"stress","on":false}`)
	sim.Advance(2000) // the calls under way return
	c := sim.Snapshot().Clients
	if c.Operations <= CheckBudget || c.Linearizable.Checked != 0 {
		t.Fatalf("the stressed run: %d operations, %d judged; want more than a step's %d, none judged yet", c.Operations, c.Linearizable.Checked, CheckBudget)
	}
	return sim
}

func do(t *testing.T, sim *raftsim.Sim, action string) {
	t.Helper()
	if err := sim.DoJSON(action); err != nil {
		t.Fatal(err)
	}
}

// verdict is the verdict the page shows: the snapshot's.
func verdict(sim *raftsim.Sim) raftsim.Verdict { return sim.Snapshot().Clients.Linearizable }

// The verdict moves on only in the frames that take a step, one in
// CheckEvery; the frames between judge nothing.
func TestTheCheckTakesAStepEveryFewFrames(t *testing.T) {
	sim := stressed(t)
	var c Checker
	for frame := 1; frame <= 3*CheckEvery; frame++ {
		before := verdict(sim).Checked
		stepped := c.Frame(sim, sim.Snapshot().Clients.Operations)
		if stepped != (frame%CheckEvery == 0) {
			t.Fatalf("frame %d took a step: %v; want one every %d frames", frame, stepped, CheckEvery)
		}
		if after := verdict(sim).Checked; (after != before) != stepped {
			t.Fatalf("frame %d (step %v) moved the verdict from %d to %d operations judged", frame, stepped, before, after)
		}
	}
	if s := c.Stats(); s.Steps != 3 || s.Every != CheckEvery || s.Budget != CheckBudget {
		t.Fatalf("stats %+v; want 3 steps of %d operations every %d frames", s, CheckBudget, CheckEvery)
	}
}

// No one frame judges the whole history: the paced check reaches, over a
// number of steps, the verdict a check of it all at once gives.
func TestTheVerdictComesOnceEveryOperationIsJudged(t *testing.T) {
	whole := stressed(t).CheckLinearizability(0)
	if whole.Status != raftsim.StatusLinearizable {
		t.Fatalf("the stressed run checked at once: %+v; want linearizable", whole)
	}
	sim := stressed(t)
	var c Checker
	for !c.Frame(sim, sim.Snapshot().Clients.Operations) {
	}
	if v := verdict(sim); v.Checked == 0 || v.Checked >= whole.Checked {
		t.Fatalf("after the first step %d operations are judged; want some, fewer than the %d of the whole check", v.Checked, whole.Checked)
	}
	for frame := 0; verdict(sim).Checked < whole.Checked; frame++ {
		if frame > whole.Checked*CheckEvery {
			t.Fatalf("after %d frames %d of %d operations are judged", frame, verdict(sim).Checked, whole.Checked)
		}
		c.Frame(sim, sim.Snapshot().Clients.Operations)
	}
	if v := verdict(sim); v.Status != whole.Status || v.Checked != whole.Checked {
		t.Fatalf("verdict %+v; want the whole check's %+v", v, whole)
	}
	if c.Stats().Steps < 2 {
		t.Fatalf("%d steps judged %d operations; want them spread over several", c.Stats().Steps, whole.Checked)
	}
}

// A reset starts the verdict over on the new run's history, while the
// cost, which is the frames', goes on counting.
func TestAResetStartsTheVerdictOver(t *testing.T) {
	sim := stressed(t)
	var c Checker
	for range 2 * CheckEvery {
		c.Frame(sim, sim.Snapshot().Clients.Operations)
	}
	do(t, sim, `{"op":"reset","seed":4}`)
	if v := verdict(sim); v.Status != raftsim.StatusNoOperations || v.Checked != 0 {
		t.Fatalf("after a reset the verdict is %+v; want no operations", v)
	}
	sim.AdvanceTo(1000)
	do(t, sim, `{"op":"put","key":"a","value":"much"}`)
	sim.Advance(1000)
	ops := sim.Snapshot().Clients.Operations
	for range CheckEvery {
		c.Frame(sim, sim.Snapshot().Clients.Operations)
	}
	if v := verdict(sim); v.Status != raftsim.StatusLinearizable || v.Checked != ops {
		t.Fatalf("the new run's verdict %+v; want its %d operations judged linearizable", v, ops)
	}
	if s := c.Stats(); s.Steps != 3 {
		t.Fatalf("%d steps counted; want the 2 before the reset and the one after", s.Steps)
	}
}

// The verdict panel's line says what the steps cost: a mean and max over
// the latest steps, and the worst of all.
func TestTheCheckSaysWhatItsStepsCost(t *testing.T) {
	var c Checker
	if c.String() != "" {
		t.Errorf("before any step the cost reads %q", c.String())
	}
	c.add(9 * time.Millisecond) // the worst, soon out of the window
	for range checkWindow {
		c.add(time.Millisecond)
	}
	c.add(3 * time.Millisecond)
	s := c.Stats()
	if s.Steps != checkWindow+2 || s.MaxMs != 3 || s.WorstMs != 9 {
		t.Errorf("stats %+v: want %d steps, max 3 ms, worst 9 ms", s, checkWindow+2)
	}
	if want := (63 + 3) / 64.0; s.MeanMs != want {
		t.Errorf("mean %v ms, want %v", s.MeanMs, want)
	}
	if got, want := c.String(), "check step (≤200 ops, every 4 frames): mean 1.03 ms, max 3.00 ms, worst 9.00 ms"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// The check asks for frames only while a step can move its verdict: once
// what is left cannot be judged until more operations come, a paused page
// may stop drawing, and new operations wake the check again.
func TestTheCheckRestsUntilOperationsCome(t *testing.T) {
	sim := stressed(t)
	var c Checker
	ops := func() (int, int) {
		cl := sim.Snapshot().Clients
		return cl.Linearizable.Checked, cl.Operations
	}
	for frame := 0; c.Busy(ops()); frame++ {
		if frame > 100*CheckEvery {
			checked, total := ops()
			t.Fatalf("after %d frames the check still asks for frames, %d of %d operations judged", frame, checked, total)
		}
		_, total := ops()
		c.Frame(sim, total)
	}
	rest := verdict(sim)
	if whole := sim.CheckLinearizability(0); whole.Checked != rest.Checked || whole.Status != rest.Status {
		t.Fatalf("the check rested at %+v, where judging all there is gives %+v", rest, whole)
	}
	do(t, sim, `{"op":"stress","on":true}`)
	sim.Advance(1000)
	if checked, total := ops(); !c.Busy(checked, total) {
		t.Fatalf("with %d new operations (%d judged) the check does not ask for frames", total-rest.Checked, checked)
	}
}
