// Command icons draws the playground's app icons, the pictures a phone or a
// desktop shows for the installed page: five nodes on a ring in the dark
// theme's colours, the leader's links to its followers. It writes them into
// web/ (go generate ./web runs it); the PNGs are committed, so a build needs
// no drawing step, and a test keeps them equal to what this program draws.
//
//	go run ./cmd/icons [-dir web]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"

	"raftplay/render/scene"
)

// sizes are the icon widths the web app manifest names: 192 px for the home
// screen, 512 px for splash screens and stores.
var sizes = []int{192, 512}

// iconName is the file an icon of width size is written to.
func iconName(size int) string { return fmt.Sprintf("icon-%d.png", size) }

func main() {
	dir := flag.String("dir", "web", "the `folder` to write the icons into")
	flag.Parse()
	for _, size := range sizes {
		data, err := encodeIcon(size)
		if err == nil {
			err = os.WriteFile(filepath.Join(*dir, iconName(size)), data, 0o644)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "icons: %v\n", err)
			os.Exit(1)
		}
	}
}

// encodeIcon draws the icon at size×size pixels and encodes it as PNG.
func encodeIcon(size int) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, drawIcon(size)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// drawIcon draws the icon. Everything stays inside the middle 80 %, the
// safe zone of a maskable icon, which platforms may crop to a circle.
func drawIcon(size int) *image.NRGBA {
	th := &scene.Dark
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	s := float64(size)
	c := s / 2
	ringR := 0.28 * s
	nodeR := 0.085 * s
	const nodes = 5
	centres := make([][2]float64, nodes)
	for i := range centres {
		// Node 0, the leader, at the top.
		a := -math.Pi/2 + 2*math.Pi*float64(i)/nodes
		centres[i] = [2]float64{c + ringR*math.Cos(a), c + ringR*math.Sin(a)}
	}
	for y := range size {
		for x := range size {
			px, py := float64(x)+0.5, float64(y)+0.5
			col := th.Background
			for i := 1; i < nodes; i++ {
				d := segmentDistance(px, py, centres[0], centres[i])
				col = over(col, th.Accent, coverage(0.012*s-d))
			}
			for i, n := range centres {
				fill := th.Follower
				if i == 0 {
					fill = th.Leader
				}
				col = over(col, fill, coverage(nodeR-math.Hypot(px-n[0], py-n[1])))
			}
			img.SetNRGBA(x, y, color.NRGBA(col))
		}
	}
	return img
}

// coverage turns a signed distance inside a shape's edge, in pixels, into
// how much of a pixel the shape covers, which smooths the edges.
func coverage(inside float64) float64 { return math.Max(0, math.Min(1, inside+0.5)) }

// over paints fg over bg with opacity a.
func over(bg, fg color.RGBA, a float64) color.RGBA {
	mix := func(b, f uint8) uint8 { return uint8(math.Round(float64(b)*(1-a) + float64(f)*a)) }
	return color.RGBA{mix(bg.R, fg.R), mix(bg.G, fg.G), mix(bg.B, fg.B), 0xff}
}

// segmentDistance is the distance from (px, py) to the segment a–b.
func segmentDistance(px, py float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := ((px-a[0])*dx + (py-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(px-(a[0]+t*dx), py-(a[1]+t*dy))
}
