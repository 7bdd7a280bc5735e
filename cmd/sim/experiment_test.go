package main

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

func TestExperimentJSON(t *testing.T) {
	code, out, errs := runSim(t, "-experiment", "election", "-trials", "8", "-ranges", "25,50", "-json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	r := gjson.Parse(out)
	if !r.IsArray() || len(r.Array()) != 4 {
		t.Fatalf("want a JSON array of 4 settings (2 ranges, paper and etcd options), got %.200s", out)
	}
	first := r.Array()[0]
	if first.Get("range_ms").Raw != "[25,50]" || first.Get("trials").Int() != 8 || first.Get("prevote").Bool() {
		t.Errorf("first setting: %s", first.Raw)
	}
	for _, f := range []string{"mean_ms", "median_ms", "p90_ms", "p99_ms", "max_ms", "cdf"} {
		if !first.Get(f).Exists() {
			t.Errorf("no %q in %s", f, first.Raw)
		}
	}
	if !r.Array()[3].Get("checkquorum").Bool() {
		t.Errorf("the etcd-defaults setting has CheckQuorum off: %s", r.Array()[3].Raw)
	}
	_, again, _ := runSim(t, "-experiment", "election", "-trials", "8", "-ranges", "25,50", "-json", "-workers", "1")
	if again != out {
		t.Error("the same seed printed different results with one worker")
	}
}

func TestExperimentTable(t *testing.T) {
	code, out, errs := runSim(t, "-experiment", "election", "-trials", "5", "-ranges", "12", "-whatif")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"calibration:", "12-24 ms", "mean 35", "150-155 ms*", "median 287", "what-if, not etcd"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "35/35 runs") {
		t.Errorf("no progress line on stderr: %q", errs)
	}
}

func TestExperimentBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-experiment", "nosuch"},
		{"-experiment", "election", "-trials", "0"},
		{"-experiment", "election", "-ranges", "12,x"},
		{"-experiment", "election", "-ranges", "1"},
		{"-experiment", "election", "-latency", "9-3"},
		{"-experiment", "election", "-latency", "0-3"},
		{"-experiment", "election", "-workers", "0"},
		{"-experiment", "election", "-trials", "5", "-experiment-batch", "9-3"},
		{"-experiment", "election", "-trials", "5", "-experiment-batch", "0-5000"},
	} {
		if code, _, errs := runSim(t, args...); code != 2 || !strings.Contains(errs, "sim: ") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errs)
		}
	}
}
