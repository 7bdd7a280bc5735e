package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"raftplay/render/scene"
)

// hasher folds the values a cached picture depends on into one number
// (FNV-1a), so a frame can tell without allocating whether to redraw it.
type hasher uint64

func newHasher() hasher { return 14695981039346656037 }

func (h *hasher) int(x uint64) {
	for i := range 8 {
		*h ^= hasher(byte(x >> (8 * i)))
		*h *= 1099511628211
	}
}

func (h *hasher) float(f float64) { h.int(math.Float64bits(f)) }

func (h *hasher) bool(b bool) {
	if b {
		h.int(1)
	} else {
		h.int(0)
	}
}

func (h *hasher) str(s string) {
	for i := 0; i < len(s); i++ {
		*h ^= hasher(s[i])
		*h *= 1099511628211
	}
	h.int(uint64(len(s)))
}

func (h *hasher) rect(r scene.Rect) {
	h.float(r.X)
	h.float(r.Y)
	h.float(r.W)
	h.float(r.H)
}

// cache is an offscreen copy of everything that changes rarely: the toolbar,
// the network's links, the legend, the panel frames (the base), and the log
// and event panels, the console and the diagram, each redrawn only when
// what it shows changes. Software
// GL pays for every switch between shapes and text, so a frame that only
// copies this and draws the moving parts stays cheap.
type cache struct {
	img                   *ebiten.Image
	logs, events, console *ebiten.Image // sub-images of img at the panels
	diagram               *ebiten.Image
	layoutGen             uint64 // the layout the images were drawn for (Scene.LayoutGen)
	base, log, evs, con   hasher // what each part shows now
	dia                   hasher
	// evTotal is how many events the event panel had been given when drawn:
	// later ones are drawn by scrolling it (drawEvents).
	evTotal int
	evMove  mover
	// strips is what the log strips show, so that a frame draws only what
	// changed in them.
	strips logStrips
}

// ensure makes the cache image for layout l, the scene's layout number gen,
// reusing the image while its size stays; it reports whether everything must
// be drawn afresh: after any new layout, since every cached part (the links
// and the partition's shading between the nodes, the panels) is drawn at
// places the layout gives.
func (c *cache) ensure(l *scene.Layout, gen uint64) bool {
	// A hidden frame can be laid out at zero size; images need at least a pixel.
	w, h := max(1, int(math.Ceil(l.W))), max(1, int(math.Ceil(l.H)))
	if c.img != nil && gen == c.layoutGen {
		return false
	}
	if c.img == nil || c.img.Bounds().Dx() != w || c.img.Bounds().Dy() != h {
		if c.img != nil {
			c.img.Deallocate()
		}
		c.img = ebiten.NewImage(w, h)
	}
	c.logs = c.img.SubImage(l.Logs.Bounds()).(*ebiten.Image)
	c.events = c.img.SubImage(l.Events.Bounds()).(*ebiten.Image)
	c.console = c.img.SubImage(l.Console.Bounds()).(*ebiten.Image)
	c.diagram = c.img.SubImage(l.Diagram.Bounds()).(*ebiten.Image)
	c.layoutGen = gen
	c.base, c.log, c.evs, c.con, c.dia = 0, 0, 0, 0, 0
	return true
}
