package scene

import (
	"math"
	"strings"
	"testing"

	"raftplay/raftsim/experiment"
)

// labResults are three settings' results: two under way, one not begun.
var labResults = []experiment.Result{
	{RangeMs: [2]int64{12, 24}, Trials: 4, CDF: [][2]float64{{20, 0.25}, {35, 0.5}, {60, 1}}},
	{RangeMs: [2]int64{150, 155}, WhatIf: true, Trials: 2, CDF: [][2]float64{{300, 0.5}, {900, 1}}},
	{RangeMs: [2]int64{150, 300}, PreVote: true, CheckQuorum: true},
}

func TestLayPlot(t *testing.T) {
	results := labResults
	frame := Rect{0, 0, 1280, 800}
	p := LayPlot(frame, 1, results, "40 of 300 trials", measure)
	if !inside(p.Area, frame) || p.Area.W < 400 || p.Area.H < 300 {
		t.Fatalf("plot area %+v in frame %+v", p.Area, frame)
	}
	if len(p.XTicks) != 4 || p.XTicks[0].Label != "10" || p.XTicks[3].Label != "10000" || len(p.YTicks) != 5 {
		t.Errorf("ticks %+v %+v", p.XTicks, p.YTicks)
	}
	// Later times lie further right; larger fractions higher.
	c := p.Curves[0]
	if len(c.Points) != 6 || !(c.Points[0].X < c.Points[2].X && c.Points[2].X < c.Points[4].X) || !(c.Points[5].Y < c.Points[1].Y) {
		t.Errorf("12-24 curve points %+v", c.Points)
	}
	if math.Abs(c.Points[5].Y-p.Area.Y) > 1e-9 {
		t.Errorf("the curve ends at %v, not at the top (100%%) %v", c.Points[5].Y, p.Area.Y)
	}
	if len(p.Curves[2].Points) != 0 || !strings.Contains(p.Curves[1].Label, "what-if") || !strings.Contains(p.Curves[2].Label, "etcd options") {
		t.Errorf("curves: %+v", p.Curves)
	}
	var marks []string
	for _, m := range p.Marks {
		marks = append(marks, m.Label)
	}
	if got := strings.Join(marks, ", "); got != "paper 12–24 mean 35, paper 12–24 max 152, paper 150–155 median 287" {
		t.Errorf("marks: %s", got)
	}
	if m := p.Marks[0]; m.At.X != plotX(p.Area, 35) || m.At.Y != plotY(p.Area, 0.5) {
		t.Errorf("the mean's mark is at %+v", m.At)
	}
	small := LayPlot(Rect{0, 0, 320, 240}, 1, results, "", measure)
	if small.Area.W <= 0 || small.Area.H <= 0 {
		t.Errorf("at 320x240 the plot area is %+v", small.Area)
	}
}
