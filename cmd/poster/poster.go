package main

import (
	"fmt"
	"image/color"
	"math"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// The grid of page sizes, in CSS pixels: the loader interpolates between
// its points, and beyond its edges carries on the last cells' slope. Every
// point costs 1+2n numbers, so the grid is as coarse as keeps the nodes
// within a few pixels of the first frame's away from the layout's
// breakpoints (poster_test.go).
const (
	gridMinW, gridMaxW = 240, 1920
	gridMinH, gridMaxH = 240, 1200
	gridStepW          = 10
	gridStepH          = 10
)

// variant is a first frame the poster is drawn for: the URL parameters
// that move the ring, and whether the screen is a touch screen, whose
// targets are a finger wide from the first frame.
type variant struct {
	nodes    int
	controls string
	touch    bool
}

// variants are every cluster size with either toolbar, on a screen with a
// mouse and on a touch screen.
func variants() []variant {
	var vs []variant
	for n := 3; n <= 9; n++ {
		for _, c := range []string{"full", "minimal"} {
			vs = append(vs, variant{n, c, false}, variant{n, c, true})
		}
	}
	return vs
}

// fileName is where the loader finds v's poster: poster-5-full.json, and
// poster-5-full-touch.json on a touch screen.
func (v variant) fileName() string {
	name := fmt.Sprintf("poster-%d-%s", v.nodes, v.controls)
	if v.touch {
		name += "-touch"
	}
	return name + ".json"
}

// choices are the scene choices of v's first frame.
func (v variant) choices() scene.Choices {
	return scene.Choices{Controls: v.controls, Touch: v.touch}
}

// planesBefore is how many of a poster's planes come before the nodes'
// centres.
const planesBefore = 3

// poster is what the loader reads.
type poster struct {
	// MinW, MinH, StepW and StepH place the grid, Cols×Rows points, in
	// CSS pixels.
	MinW, MinH, StepW, StepH int
	Cols, Rows               int
	// Names are the nodes' names, in ring order.
	Names []string
	// Planes are, for each number the loader needs at a point (the nodes'
	// radius, their timers' radius, the size of their names, then each
	// node's centre, x before y), its values over the
	// grid, row by row, in tenths of a CSS pixel. Each row is written as its
	// first value, its first step and then each step's change, which is
	// zero wherever the layout is linear in the width: the file compresses
	// to a fraction of its size.
	Planes [][]int
	// Themes colour the picture, by the name the theme parameter gives.
	Themes map[string]posterTheme
}

// posterTheme is what the poster draws with: the page behind the ring, the
// election timers' track, a follower's body and its name, and the text of
// the loader's progress beside the ring.
type posterTheme struct {
	Background, Track, Node, Name, Text string
}

// drawPoster lays out v's first frame at every point of the grid.
func drawPoster(v variant, measure scene.Measure) (poster, error) {
	cfg := raftsim.DefaultConfig()
	cfg.Nodes = v.nodes
	sim, err := raftsim.New(cfg)
	if err != nil {
		return poster{}, err
	}
	p := poster{MinW: gridMinW, MinH: gridMinH, StepW: gridStepW, StepH: gridStepH,
		Cols: (gridMaxW-gridMinW)/gridStepW + 1, Rows: (gridMaxH-gridMinH)/gridStepH + 1,
		Themes: map[string]posterTheme{}}
	var sizes []scene.Size
	for r := range p.Rows {
		for c := range p.Cols {
			sizes = append(sizes, scene.Size{W: float64(gridMinW + c*gridStepW), H: float64(gridMinH + r*gridStepH)})
		}
	}
	snap := sim.Snapshot()
	values := make([][]int, planesBefore+2*v.nodes)
	for i, l := range scene.FirstLayouts(snap, v.choices(), measure, 1, sizes) {
		if len(l.NodePos) != v.nodes {
			return poster{}, fmt.Errorf("the first frame at %v places %d nodes, want %d", sizes[i], len(l.NodePos), v.nodes)
		}
		if i == 0 {
			for _, id := range l.NodeIDs {
				p.Names = append(p.Names, snap.NodeName(id))
			}
		}
		values[0] = append(values[0], tenths(l.NodeR))
		values[1] = append(values[1], tenths(l.TimerR()))
		values[2] = append(values[2], tenths(l.NodeNameSize()))
		for j, c := range l.NodePos {
			values[planesBefore+2*j] = append(values[planesBefore+2*j], tenths(c.X))
			values[planesBefore+1+2*j] = append(values[planesBefore+1+2*j], tenths(c.Y))
		}
	}
	for _, plane := range values {
		p.Planes = append(p.Planes, secondSteps(plane, p.Cols))
	}
	for _, t := range []*scene.Theme{&scene.Dark, &scene.Light, &scene.Colorblind, &scene.ColorblindDark} {
		p.Themes[t.Name] = posterTheme{Background: hex(t.Background), Track: hex(t.Link),
			Node: hex(t.Role(raftsim.RoleFollower)), Name: hex(t.OnFill), Text: hex(t.Text)}
	}
	return p, nil
}

func tenths(x float64) int { return int(math.Round(10 * x)) }

func hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// secondSteps writes each row of cols values as its first value, its first
// step and the change of each step after.
func secondSteps(values []int, cols int) []int {
	out := make([]int, 0, len(values))
	for row := 0; row < len(values); row += cols {
		for c, v := range values[row : row+cols] {
			switch c {
			case 0:
				out = append(out, v)
			case 1:
				out = append(out, v-values[row])
			default:
				out = append(out, v-2*values[row+c-1]+values[row+c-2])
			}
		}
	}
	return out
}
