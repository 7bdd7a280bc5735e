package render

import (
	"image"
	"math"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"raftplay/render/scene"
)

// Software GL (SwiftShader, on a classroom PC without a GPU driver) pays for
// every pixel a frame covers, so a frame paints only what changed: nothing
// when nothing did (the screen is not cleared between frames), the regions
// where something moved when only motion did (a message in flight, the
// timers, the clock), and the whole picture when the page itself changed.
// What changed is told by generation numbers (raftsim.Changes) for what
// the simulator shows, and by keys summing up the page's own state.
//
// In software GL a painted frame costs the browser about the same however
// little of it changed (it presents the whole canvas), so frames are also
// paced: the clock alone, which moves every frame while the run plays, is
// brought up to date with whatever else paints and on its own only every
// clockEvery. At the default speed a tick, and with it the timers, comes
// three times a second and messages fly a third of the time; between them
// nothing else moves.

// shownKeys sum up the picture on the screen, part by part.
type shownKeys struct {
	// page is the page's own state (layout, theme, pointer, panels);
	// sim the simulator's parts drawn on the stage; motion where messages,
	// timers and dropped messages' bursts are; clock the HUD's clock and
	// the time strip as the run plays; strip what else the strip shows.
	page, sim, motion, clock, strip hasher
	// clockAt is when the clock was painted last.
	clockAt time.Time
	// moving is where the moving things were painted last: a region
	// repainted for motion covers where they were as well as where they are.
	moving image.Rectangle
	// timers is the generation number of the timers drawn.
	timers uint64
	// animating is set when the frame was painted for a wall-clock
	// animation: the frame after the last one paints whole too, so what
	// faded away (a notice) goes.
	animating bool
}

// plan decides what this frame paints: all of it, or the region (empty:
// nothing). It brings the cache up to date first, since what the cache
// redraws must reach the screen too.
func (g *Game) plan() (all bool, region image.Rectangle) {
	s := g.scene
	if s.Snap == nil {
		return true, image.Rectangle{}
	}
	cacheAll, cached := g.refreshCache()
	k := &g.onScreen
	page, sim, motion, clock, strip := g.pageKey(), g.simKey(), g.motionKey(), g.clockKey(), g.stripKey()
	moving := g.movingBounds()
	animating := g.animating()
	now := time.Now()
	all = cacheAll || !g.drawn || animating || k.animating || page != k.page
	if !all {
		region = cached
		l := &s.Layout
		if sim != k.sim || strip != k.strip {
			region = region.Union(l.Stage.Bounds()).Union(l.HUD.Bounds()).Union(l.Time.Bounds())
		}
		if motion != k.motion {
			region = region.Union(k.moving).Union(moving)
		}
		if s.Snap.Changes.Timers != k.timers {
			region = region.Union(g.timerBounds())
		}
		if clock != k.clock && (!region.Empty() || now.Sub(k.clockAt) >= clockEvery) {
			region = region.Union(l.HUD.Bounds()).Union(l.Time.Bounds())
		}
	}
	g.clockBehind = false
	if !all && region.Empty() {
		// Nothing painted: the clock, if it moved, waits for its turn.
		g.clockBehind = clock != k.clock
		clock, now = k.clock, k.clockAt
	}
	*k = shownKeys{page: page, sim: sim, motion: motion, clock: clock, strip: strip, clockAt: now, moving: moving, timers: s.Snap.Changes.Timers, animating: animating}
	return all, region
}

// clockEvery is how often the clock is painted when nothing else is: four
// times a second reads as a running clock, where every frame's would cost
// a frame painted whole for a few digits.
const clockEvery = time.Second / 4

// animating reports whether something on screen moves by the wall clock
// alone, so every frame is painted whole: a notice fading, a node drifting
// out of the ring or a pulse where one joins, the experiment's trials
// filling in.
func (g *Game) animating() bool {
	s := g.scene
	return len(s.Notices.List()) > 0 || len(s.RingMoves.List) > 0 || s.ExperimentOpen()
}

// pageKey sums up what the page itself shows: everything but the parts
// simKey, motionKey and clockKey cover and the cached panels, which
// refreshCache watches.
func (g *Game) pageKey() hasher {
	s := g.scene
	h := newHasher()
	if _, open := s.ConsoleView(); open {
		h.bool(s.CaretShown()) // the caret's blink
	}
	h.int(s.LayoutGen())
	h.str(s.Theme.Name)
	h.int(s.Snap.Changes.Run)
	h.int(s.LastSeq())
	h.float(s.Pointer.X)
	h.float(s.Pointer.Y)
	h.int(uint64(s.Hover.Kind))
	h.int(uint64(s.Hover.Cmd))
	h.int(s.Hover.Node)
	h.int(s.Hover.Message)
	h.int(uint64(s.Hover.Arg))
	if id, ok := s.Dragging(); ok {
		h.int(id)
	}
	h.int(s.Controller.Selected)
	h.int(s.Controller.Message)
	h.int(s.HighlightedMessage())
	for _, p := range s.OpenPanels() {
		hashPanel(&h, p)
	}
	if p, ok := s.Gloss(); ok {
		hashPanel(&h, p)
	}
	if p, ok := s.Help(); ok {
		hashPanel(&h, p)
	}
	if b, ok := s.Focused(); ok {
		h.rect(b.Rect)
	}
	return h
}

// simKey sums up the simulator's parts the stage draws apart from motion:
// the nodes and their captions, the partition's shading, the HUD's lines
// on the invariants and the clients.
func (g *Game) simKey() hasher {
	s := g.scene
	c := &s.Snap.Changes
	h := newHasher()
	h.int(c.Nodes)
	h.int(c.Network)
	h.int(c.Invariants)
	h.int(c.Clients)
	hc := &s.ClientsHUD
	h.int(uint64(hc.State))
	h.str(hc.Verdict)
	h.str(hc.Load)
	return h
}

// motionKey sums up where the messages in flight and the bursts of dropped
// ones are, to the pixel: a message that moved less than a pixel is left
// where it was drawn until it has.
func (g *Game) motionKey() hasher {
	s := g.scene
	h := newHasher()
	for _, m := range s.Placed {
		h.int(m.Msg.ID)
		h.float(math.Round(m.Pos.X))
		h.float(math.Round(m.Pos.Y))
	}
	if len(s.Drops.Bursts) > 0 {
		h.float(s.Clock) // a burst grows and fades by the wall clock
	}
	return h
}

// clockKey sums up the HUD's clock and how far the time strip reaches:
// what moves as the run plays.
func (g *Game) clockKey() hasher {
	h := newHasher()
	h.int(g.scene.Snap.Changes.Clock)
	g.timeEndKey(&h)
	return h
}

// stripKey sums up the rest of the time strip: where it is and what it
// shows of the past, which change when someone scrubs or forks.
func (g *Game) stripKey() hasher {
	h := newHasher()
	g.timeKey(&h)
	return h
}

// movingBounds returns the pixels the moving things cover: each message with
// its highlight ring and its label, each burst at its largest.
func (g *Game) movingBounds() image.Rectangle {
	s := g.scene
	u, r := s.Layout.Scale, s.Layout.MessageR()
	var b image.Rectangle
	add := func(x0, y0, x1, y1 float64) {
		b = b.Union(scene.Rect{X: x0, Y: y0, W: x1 - x0, H: y1 - y0}.Bounds())
	}
	for _, m := range s.Placed {
		pad := r + 8*u
		// The label (entries carried, a snapshot's size) goes right of it.
		add(m.Pos.X-pad, m.Pos.Y-pad-scene.FontTiny*u, m.Pos.X+pad+labelRoom*u, m.Pos.Y+pad)
	}
	for _, bu := range s.Drops.Bursts {
		pad := 3.5*r + 4*u
		add(bu.At.X-pad, bu.At.Y-pad, bu.At.X+pad, bu.At.Y+pad)
	}
	return b
}

// timerBounds returns the pixels the nodes' timer rings cover, with the
// ring that marks the selected node round them.
func (g *Game) timerBounds() image.Rectangle {
	l := &g.scene.Layout
	pad := l.TimerR() + 8*l.Scale
	var b image.Rectangle
	for _, p := range l.NodePos {
		b = b.Union(scene.Rect{X: p.X - pad, Y: p.Y - pad, W: 2 * pad, H: 2 * pad}.Bounds())
	}
	return b
}

// labelRoom is the width, in CSS pixels, a message's label may take.
const labelRoom = 80

// repaint draws the frame plan decided on: the whole picture, or the whole
// picture clipped to region, which leaves every pixel outside it as the
// last frame drew it and those inside as a whole frame would.
func (g *Game) repaint(screen *ebiten.Image, all bool, region image.Rectangle) bool {
	if all {
		g.drawFrame(screen)
		return true
	}
	region = region.Intersect(screen.Bounds())
	if region.Empty() {
		return false
	}
	g.drawFrame(screen.SubImage(region).(*ebiten.Image))
	return true
}

// hashPanel folds what panel p shows into h.
func hashPanel(h *hasher, p *scene.Panel) {
	h.rect(p.Rect)
	h.str(p.Title)
	for _, l := range p.Lines {
		h.str(l)
	}
	for _, k := range p.Keys {
		h.str(k)
	}
	for _, b := range p.Buttons {
		h.rect(b.Rect)
		h.str(b.Label)
	}
}
