package experiment

import (
	"reflect"
	"testing"
)

// runWhole runs every trial of e whole, setting by setting, in reverse
// trial order: the order trials run in must not matter.
func runWhole(t *testing.T, e Experiment) []Result {
	t.Helper()
	trials := make([][]Trial, len(e.Settings))
	for s := range e.Settings {
		trials[s] = make([]Trial, e.Trials)
		for i := e.Trials - 1; i >= 0; i-- {
			tr, err := e.Trial(s, i)
			if err != nil {
				t.Fatal(err)
			}
			trials[s][i] = tr
		}
	}
	return e.Summarize(trials)
}

func run(t *testing.T, trials int, settings ...Setting) []Result {
	t.Helper()
	return runWhole(t, Experiment{Settings: settings, Trials: trials, Seed: 1, Calibration: DefaultCalibration()})
}

// TestSameSeedSameResults: an experiment is a function of its seed, and
// another seed gives other trials.
func TestSameSeedSameResults(t *testing.T) {
	e := Experiment{Settings: []Setting{Etcd(50, false, false), Etcd(50, true, true)}, Trials: 12, Seed: 1, Calibration: DefaultCalibration()}
	a, b := runWhole(t, e), runWhole(t, e)
	e.Seed = 2
	c := runWhole(t, e)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("the same seed twice disagrees:\n%+v\n%+v", a, b)
	}
	if reflect.DeepEqual(a, c) {
		t.Fatal("seeds 1 and 2 gave the same results")
	}
}

// TestDowntimeFollowsTheTimeout checks what the paper's lower graph shows:
// no trial recovers before about half the minimum timeout (the crash comes
// at a random point of a heartbeat interval that is half the minimum), none
// goes without a leader for long, and a longer timeout means a longer wait.
func TestDowntimeFollowsTheTimeout(t *testing.T) {
	r := run(t, 40, Etcd(25, false, false), Etcd(150, false, false))
	short, long := r[0], r[1]
	for _, x := range r {
		if x.TimedOut > 0 || x.CDF[0][0] < float64(x.RangeMs[0])/2 || x.MaxMs > 10*x.RangeMs[1] {
			t.Errorf("%v: %d timed out, fastest %v ms, slowest %d ms", x.RangeMs, x.TimedOut, x.CDF[0][0], x.MaxMs)
		}
		if x.CDF[len(x.CDF)-1][1] != 1 || x.MedianMs > x.P90Ms || x.P90Ms > x.MaxMs {
			t.Errorf("%v: inconsistent statistics %+v", x.RangeMs, x)
		}
	}
	if long.MeanMs <= short.MeanMs {
		t.Errorf("150-300 ms mean %.1f is not above 25-50 ms mean %.1f", long.MeanMs, short.MeanMs)
	}
	if v := long.VoteRTTMs; v < 5 || v > 8 {
		t.Errorf("vote round trip %.1f ms, want the calibration's 6.5 ms (2-4 ms each way, 1-2 ms disk)", v)
	}
}

// TestNoRandomnessSplitsVotes is the paper's upper graph in small: with every
// timeout exactly 150 ms (a what-if; etcd cannot be set so) elections split
// again and again, and take far longer than with etcd's 150-300 ms.
func TestNoRandomnessSplitsVotes(t *testing.T) {
	r := run(t, 10, Setting{MinMs: 150, MaxMs: 150}, Etcd(150, false, false))
	if !r[0].WhatIf || r[1].WhatIf {
		t.Errorf("what-if marks: 150-150 %v, 150-300 %v", r[0].WhatIf, r[1].WhatIf)
	}
	if r[0].MedianMs < 2*r[1].MedianMs {
		t.Errorf("150-150 ms median %d ms, not even twice 150-300 ms median %d ms", r[0].MedianMs, r[1].MedianMs)
	}
}

func TestQuantiles(t *testing.T) {
	v := []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	if q := [3]int64{quantile(v, 0.5), quantile(v, 0.9), quantile(v, 0.99)}; q != [3]int64{5, 9, 10} {
		t.Errorf("quantiles of 1..10 = %v, want [5 9 10]", q)
	}
	if c := cdf([]int64{3, 3, 7, 9}); !reflect.DeepEqual(c, [][2]float64{{3, 0.5}, {7, 0.75}, {9, 1}}) {
		t.Errorf("cdf = %v", c)
	}
}

// TestRunnerMatchesWholeTrials: trials run a slice at a time, as a page
// runs them between frames, give the same results as trials run whole.
func TestRunnerMatchesWholeTrials(t *testing.T) {
	e := Experiment{Settings: []Setting{Etcd(25, false, false), Etcd(50, true, true)}, Trials: 6, Seed: 3, Calibration: DefaultCalibration()}
	want := runWhole(t, e)
	r := NewRunner(e)
	steps, slice := 0, 0
	for !r.Step(func() bool { slice++; return slice%50 != 0 }) {
		steps++
		if done, total := r.Progress(); done > total || steps > 1_000_000 {
			t.Fatalf("progress %d of %d after %d slices", done, total, steps)
		}
	}
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	if got := r.Results(); !reflect.DeepEqual(got, want) {
		t.Fatalf("sliced results differ from the batch's:\n%+v\n%+v", got, want)
	}
	if steps < 10 {
		t.Errorf("the trials ran in %d slices; a page needs many short ones", steps)
	}
}

// TestEtcdTiming: etcd's own timing runs on 100 ms ticks with a heartbeat
// every tick and ElectionTick 10, and no trial recovers sooner than nine
// ticks after the crash (raft counts its timeout in whole ticks) or waits
// past two timeouts.
func TestEtcdTiming(t *testing.T) {
	set := EtcdDefaults(true, true)
	c := set.Config(DefaultCalibration(), 1)
	if c.TickMs != 100 || c.ElectionTicks != 10 || c.HeartbeatTicks != 1 || c.Timing() != "etcd" {
		t.Fatalf("etcd's timing gives %+v", c)
	}
	r := run(t, 20, set)[0]
	if !r.EtcdTiming || r.TimedOut > 0 || r.CDF[0][0] < 800 || r.MaxMs > 4000 {
		t.Fatalf("etcd's timing: %d timed out, fastest %v ms, slowest %d ms", r.TimedOut, r.CDF[0][0], r.MaxMs)
	}
}
