package main

import (
	"math"
	"testing"

	"raftplay/raftsim"
	"raftplay/render/gofont"
	"raftplay/render/scene"
)

// unfold undoes secondSteps, as web/poster.js does.
func unfold(steps []int, cols int) []int {
	values := make([]int, len(steps))
	for row := 0; row < len(steps); row += cols {
		step := 0
		for c := range cols {
			i := row + c
			switch c {
			case 0:
				values[i] = steps[i]
				continue
			case 1:
				step = steps[i]
			default:
				step += steps[i]
			}
			values[i] = values[i-1] + step
		}
	}
	return values
}

// At the grid's points the poster holds the first frame's places, to the
// tenth of a pixel, for a desktop, a phone and a small embed, with the
// names the nodes have on the ring.
func TestPosterHoldsTheFirstFramesPlaces(t *testing.T) {
	measure, err := gofont.Measure()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []variant{{5, "full", false}, {3, "minimal", false}, {9, "full", false}, {5, "full", true}, {3, "minimal", true}} {
		p, err := drawPoster(v, measure)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Names) != v.nodes || p.Names[0] != "n1" {
			t.Errorf("%s names the nodes %v", v.fileName(), p.Names)
		}
		planes := make([][]int, len(p.Planes))
		for i, pl := range p.Planes {
			planes[i] = unfold(pl, p.Cols)
		}
		cfg := raftsim.DefaultConfig()
		cfg.Nodes = v.nodes
		sim, err := raftsim.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for _, z := range []scene.Size{{W: 1280, H: 800}, {W: 390, H: 840}, {W: 640, H: 400}} {
			l := scene.FirstLayouts(sim.Snapshot(), v.choices(), measure, 1, []scene.Size{z})[0]
			i := int(z.H-gridMinH)/gridStepH*p.Cols + int(z.W-gridMinW)/gridStepW
			near := func(got int, want float64) bool { return math.Abs(float64(got)/10-want) <= 0.05 }
			if !near(planes[0][i], l.NodeR) || !near(planes[1][i], l.TimerR()) {
				t.Errorf("%s at %v: radius %d, timer %d tenths; the first frame's are %.2f, %.2f", v.fileName(), z, planes[0][i], planes[1][i], l.NodeR, l.TimerR())
			}
			for j, c := range l.NodePos {
				if x, y := planes[planesBefore+2*j][i], planes[planesBefore+2*j+1][i]; !near(x, c.X) || !near(y, c.Y) {
					t.Errorf("%s at %v: node %d at (%d, %d) tenths; the first frame's is at %v", v.fileName(), z, j+1, x, y, c)
				}
			}
		}
	}
}
