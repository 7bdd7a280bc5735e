package main

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"raftplay/raftsim"
	"raftplay/render/gofont"
	"raftplay/render/scene"
)

// The tests find things on the canvas where render/scene lays them out for
// the viewport. The layout measures text, so it needs the playground's own
// measure: the Go font through x/image's opentype faces, whose advances
// Ebiten's text/v2 GoXFace sums (package gofont). Ebiten itself cannot run
// here (natively it wants a display).

// goFontMeasure returns a scene.Measure that gives the widths the
// playground's text/v2 faces give.
func goFontMeasure(tb testing.TB) scene.Measure {
	tb.Helper()
	m, err := gofont.Measure()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// viewLayout is the playground's layout of a cluster of n nodes in the
// viewport, with the full toolbar.
func viewLayout(measure scene.Measure, n int) scene.Layout {
	return scene.NewLayout(viewW, viewH, 1, n, scene.ControlsFull, measure)
}

// pixel returns the colour of the pixel that covers p.
func pixel(img image.Image, p scene.Point) color.RGBA {
	r, g, b, a := img.At(int(math.Floor(p.X)), int(math.Floor(p.Y))).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// near reports whether every channel of a and b is within tol.
func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return math.Abs(float64(x)-float64(y)) <= float64(tol) }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}

// over composes a premultiplied colour over an opaque one.
func over(src, dst color.RGBA) color.RGBA {
	k := 1 - float64(src.A)/255
	mix := func(s, d uint8) uint8 { return uint8(math.Round(float64(s) + float64(d)*k)) }
	return color.RGBA{mix(src.R, dst.R), mix(src.G, dst.G), mix(src.B, dst.B), 0xff}
}

// bodyColour is the colour a node's body is filled with: its role's, or for
// a crashed node the faded Down colour over the background.
func bodyColour(th *scene.Theme, n *raftsim.NodeView) color.RGBA {
	if !n.Up {
		return over(scene.Fade(th.Down, 0.45), th.Background)
	}
	return th.Role(n.Role)
}

// roleNamed names the role colour closest to c, for failure messages.
func roleNamed(th *scene.Theme, c color.RGBA) string {
	best, bestD := "", math.Inf(1)
	for _, role := range []raftsim.Role{raftsim.RoleFollower, raftsim.RolePreCandidate, raftsim.RoleCandidate, raftsim.RoleLeader} {
		rc := th.Role(role)
		if d := math.Hypot(math.Hypot(float64(rc.R)-float64(c.R), float64(rc.G)-float64(c.G)), float64(rc.B)-float64(c.B)); d < bestD {
			best, bestD = string(role), d
		}
	}
	return best
}

// clearPoints returns points every 10° on the circle of radius r round node
// id's centre that keep at least clear pixels from every line drawn through
// the centre (the links to the other nodes, along which messages also fly,
// and, inside the body, a crashed node's cross) and stay out of the node's
// caption.
func clearPoints(l *scene.Layout, id uint64, r, clear float64) []scene.Point {
	c, _ := l.Node(id)
	var lines []scene.Point
	for _, o := range l.NodePos {
		if o != c {
			lines = append(lines, o.Sub(c).Unit())
		}
	}
	if r < l.NodeR {
		for _, d := range []scene.Point{{X: 1, Y: 1}, {X: 1, Y: -1}} {
			lines = append(lines, d.Unit())
		}
	}
	caption := l.CaptionRect(id).Inset(-2)
	var pts []scene.Point
	for deg := 0; deg < 360; deg += 10 {
		a := float64(deg) * math.Pi / 180
		v := scene.Point{X: r * math.Cos(a), Y: r * math.Sin(a)}
		ok := !caption.Contains(c.Add(v))
		for _, d := range lines {
			// The distance from v to the line through the centre along d,
			// which extends both ways (the cross does).
			if math.Abs(v.X*d.Y-v.Y*d.X) < clear {
				ok = false
			}
		}
		if ok {
			pts = append(pts, c.Add(v))
		}
	}
	return pts
}

// bodyPoints are where a node's body is sampled: off the name written across
// its middle, inside the leader's inner ring, away from the lines through it.
func bodyPoints(l *scene.Layout, id uint64) []scene.Point {
	return clearPoints(l, id, 0.62*l.NodeR, 3)
}

// checkNodeColours checks that every node of snap is drawn in img in the
// colour its state in snap calls for.
func checkNodeColours(t *testing.T, img image.Image, l *scene.Layout, th *scene.Theme, snap *raftsim.Snapshot) {
	t.Helper()
	for i := range snap.Nodes {
		n := &snap.Nodes[i]
		want := bodyColour(th, n)
		pts := bodyPoints(l, n.ID)
		if len(pts) < 3 {
			t.Fatalf("n%d: the layout leaves only %d clear points on its body to sample", n.ID, len(pts))
		}
		for _, p := range pts {
			if got := pixel(img, p); !near(got, want, 10) {
				t.Errorf("n%d (%s, up %v) at (%.0f, %.0f) is %v, want %v (closest role colour: %s)",
					n.ID, n.Role, n.Up, p.X, p.Y, got, want, roleNamed(th, got))
				break
			}
		}
	}
}

// selectionRing counts how many clear points on the ring drawn round a
// selected node are in the accent colour, of how many were looked at.
func selectionRing(img image.Image, l *scene.Layout, th *scene.Theme, id uint64) (hits, looked int) {
	// The ring is drawn 5 px outside the election timer's, 2 px wide;
	// messages fly up to 4.5 px beside a link and are up to 8 px across.
	pts := clearPoints(l, id, l.TimerR()+5*l.Scale, 15)
	for _, p := range pts {
		if near(pixel(img, p), th.Accent, 40) {
			hits++
		}
	}
	return hits, len(pts)
}

// panelShown reports whether img shows a panel with rect r: its fill runs
// down its left margin, between the border and the content.
func panelShown(img image.Image, th *scene.Theme, r scene.Rect) error {
	x := r.X + scene.Pad/2
	for y := r.Y + 12; y < r.Bottom()-12; y += 8 {
		if got := pixel(img, scene.Point{X: x, Y: y}); !near(got, th.Panel, 3) {
			return fmt.Errorf("at (%.0f, %.0f) the colour is %v, not the panel's %v", x, y, got, th.Panel)
		}
	}
	return nil
}
