package scene

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"raftplay/raftsim/experiment"
)

// Plot is the election experiment's figure laid out, in the manner of the
// Raft paper's Figure 16: for each setting the cumulative distribution of
// the time without a leader (log time axis), the paper's reported figures
// as marks, axes with labelled ticks, and a legend.
type Plot struct {
	Area     Rect // where the curves go
	Title    string
	TitlePos Point
	Status   string // the run's progress, under the title
	// XLabel sits under the axis, YLabel over it, both left-aligned at
	// their points.
	XLabel, YLabel       string
	XLabelPos, YLabelPos Point
	XTicks, YTicks       []Tick
	// Curves are one per setting; Style picks its colour (theme.Terms).
	Curves []Curve
	Marks  []Mark
}

// Tick is a labelled point on an axis: the gridline runs through At.
type Tick struct {
	At    Point
	Label string
}

// Curve is a setting's distribution as a step line, with its legend row.
type Curve struct {
	Label     string
	Points    []Point
	Style     int
	LegendPos Point // where the legend's swatch and label start
}

// Mark is one of the paper's figures placed on the plot.
type Mark struct {
	At    Point
	Label string
	Style int
}

// The time axis runs over four decades: the fastest trials of 12–24 ms take
// a few ms, the slowest split votes of 150–150 ms some seconds.
const (
	plotMinMs = 5.0
	plotMaxMs = 20000.0
)

// LayPlot lays out the figure of results in the frame r (CSS px times u).
// status says how far the run is.
func LayPlot(r Rect, u float64, results []experiment.Result, status string, measure Measure) Plot {
	size := FontUI * u
	line := size * LineH
	p := Plot{Title: "Time without a leader after the leader crashes (Raft paper §9.3, Figure 16)", Status: status,
		XLabel: "time without leader (ms, log scale)", YLabel: "cumulative % of trials"}
	p.TitlePos = Point{r.X + Pad*u, r.Y + Pad*u}
	legendW := 0.0
	for _, res := range results {
		legendW = math.Max(legendW, measure(curveLabel(res), size))
	}
	legendW += 28 * u
	left := r.X + Pad*u + measure("100%", size) + 8*u
	top := r.Y + Pad*u + 3*line
	p.Area = Rect{left, top, math.Max(40*u, r.Right()-Pad*u-legendW-16*u-left), math.Max(40*u, r.Bottom()-top-2*line-Pad*u)}
	p.YLabelPos = Point{left, top - line}
	p.XLabelPos = Point{left, p.Area.Bottom() + line}
	for ms := 10.0; ms <= plotMaxMs; ms *= 10 {
		p.XTicks = append(p.XTicks, Tick{Point{plotX(p.Area, ms), p.Area.Bottom()}, fmt.Sprintf("%g", ms)})
	}
	for f := 0.0; f <= 1; f += 0.25 {
		p.YTicks = append(p.YTicks, Tick{Point{p.Area.X, plotY(p.Area, f)}, fmt.Sprintf("%d%%", int(f*100))})
	}
	for i, res := range results {
		c := Curve{Label: curveLabel(res), Style: i, LegendPos: Point{p.Area.Right() + 16*u, top + float64(i)*line}}
		prev := 0.0
		for _, pt := range res.CDF {
			x := plotX(p.Area, pt[0])
			c.Points = append(c.Points, Point{x, plotY(p.Area, prev)}, Point{x, plotY(p.Area, pt[1])})
			prev = pt[1]
		}
		p.Curves = append(p.Curves, c)
		p.Marks = append(p.Marks, paperMarks(p.Area, res, i)...)
	}
	return p
}

// curveLabel names a result's setting in the legend.
func curveLabel(r experiment.Result) string {
	s := fmt.Sprintf("%d–%d ms", r.RangeMs[0], r.RangeMs[1])
	if r.WhatIf {
		s += " (what-if)"
	}
	options := r.PreVote || r.CheckQuorum
	switch {
	case r.EtcdTiming && options:
		s += " etcd as it ships"
	case r.EtcdTiming:
		s += " etcd's timing"
	case options:
		s += " etcd options"
	}
	return fmt.Sprintf("%s  n=%d", s, r.Trials)
}

// paperMarks places the paper's reported figures for r's range: a median at
// 50%, a worst case at 100%, a mean at 50% (labelled as a mean).
func paperMarks(area Rect, r experiment.Result, style int) []Mark {
	f, ok := experiment.Paper[r.RangeMs]
	if !ok || r.PreVote || r.CheckQuorum {
		return nil
	}
	name := fmt.Sprintf("%d–%d", r.RangeMs[0], r.RangeMs[1])
	var out []Mark
	add := func(ms int64, frac float64, what string) {
		if ms > 0 {
			out = append(out, Mark{Point{plotX(area, float64(ms)), plotY(area, frac)}, fmt.Sprintf("paper %s %s %d", name, what, ms), style})
		}
	}
	add(f.MeanMs, 0.5, "mean")
	add(f.MedianMs, 0.5, "median")
	add(f.MaxMs, 1, "max")
	slices.SortFunc(out, func(a, b Mark) int { return cmp.Compare(a.At.X, b.At.X) })
	return out
}

// plotX is where ms falls on the log time axis, clamped to it.
func plotX(a Rect, ms float64) float64 {
	ms = math.Min(math.Max(ms, plotMinMs), plotMaxMs)
	return a.X + a.W*math.Log10(ms/plotMinMs)/math.Log10(plotMaxMs/plotMinMs)
}

// plotY is where a fraction of trials falls, 0 at the bottom.
func plotY(a Rect, f float64) float64 { return a.Bottom() - a.H*f }
