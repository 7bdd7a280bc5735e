package render

import (
	"image"

	"github.com/hajimehoshi/ebiten/v2"

	"raftplay/render/scene"
)

// drawFrame paints the whole picture on screen (or the part of it a
// sub-image of the screen covers): the cached parts (refreshCache brought
// them up to date), then the moving parts (every shape before any text, so
// the shapes go to the GPU in one batch), then the panels on top.
func (g *Game) drawFrame(screen *ebiten.Image) {
	s := g.scene
	if s.Snap == nil {
		screen.Fill(s.Theme.Background)
		return
	}
	screen.DrawImage(g.cache.img, nil)

	g.paint.dst = screen
	joint, j, isJoint := s.JointCaption()
	for i := range s.Snap.Nodes {
		g.drawNodeShapes(&s.Snap.Nodes[i])
	}
	g.drawMembershipShapes(j, isJoint)
	g.drawMessageShapes()
	g.drawDrag()
	g.drawHUDIcon()
	g.drawVerdictIcon()
	for i := range s.Snap.Nodes {
		g.drawNodeText(&s.Snap.Nodes[i])
	}
	g.drawMembershipText(j, isJoint)
	g.drawMessageText()
	if isJoint {
		g.drawJointCaption(joint)
	}
	g.drawHUDText()
	g.drawClientsText()
	g.drawConsoleCaret()
	g.drawTimeStrip()

	for _, p := range s.OpenPanels() {
		g.drawPanel(p)
	}
	if s.ExperimentOpen() {
		g.drawPlot()
	}
	g.drawNotices()
	if p, ok := s.Gloss(); ok {
		g.drawPanel(p)
	}
	if p, ok := s.Help(); ok {
		g.drawHelp(p)
	}
	g.drawFocus()
}

// refreshCache redraws the parts of the cache whose content changed and
// returns where: all of it, or the bounds of the panels it redrew.
func (g *Game) refreshCache() (all bool, redrawn image.Rectangle) {
	c, s := &g.cache, g.scene
	l := &s.Layout
	// The sprite sheet stays across layouts: its sprites are named by their
	// sizes, so a new layout only adds those of its own sizes (the sheet
	// starts again when full). Kept, each sprite is drawn from the same
	// pixels before and after, and the cached panels match a fresh draw.
	fresh := c.ensure(&s.Layout, s.LayoutGen())
	if k := g.baseKey(); fresh || k != c.base {
		c.base = k
		g.paint.dst = c.img
		g.drawBase()
		fresh = true // the base covers the panels too
	}
	if k := g.logsKey(); fresh || k != c.log {
		c.log = k
		g.paint.dst = c.logs
		g.drawLogs(fresh)
		redrawn = redrawn.Union(l.Logs.Bounds())
	}
	if k, total := g.eventsKey(), g.scene.Log.Total(); fresh || k != c.evs || total != c.evTotal {
		added := 0 // all afresh
		if !fresh && k == c.evs && total > c.evTotal {
			added = total - c.evTotal
		}
		c.evs, c.evTotal = k, total
		g.paint.dst = c.events
		g.drawEvents(added)
		redrawn = redrawn.Union(l.Events.Bounds())
	}
	if k := g.consoleKey(); fresh || k != c.con {
		c.con = k
		g.paint.dst = c.console
		g.drawConsole()
		redrawn = redrawn.Union(l.Console.Bounds())
	}
	if k := g.diagramKey(); fresh || k != c.dia {
		c.dia = k
		g.paint.dst = c.diagram
		g.drawDiagram()
		redrawn = redrawn.Union(l.Diagram.Bounds())
	}
	return fresh, redrawn
}

// drawBase draws what changes only with the layout, the partition, the
// play state and the pointer over the toolbar.
func (g *Game) drawBase() {
	g.paint.dst.Fill(g.scene.Theme.Background)
	g.drawLinks()
	g.drawLegend()
	g.drawToolbar()
}

// baseKey sums up what drawBase shows.
func (g *Game) baseKey() hasher {
	s := g.scene
	h := newHasher()
	h.str(s.Theme.Name)
	h.int(s.Snap.Changes.Network)
	h.bool(s.Controller.Edit != nil)
	if s.Controller.Edit != nil {
		for _, b := range s.Controller.Edit.InB {
			h.bool(b)
		}
	}
	h.bool(s.Controller.Help)
	h.bool(s.Snap.Paused)
	h.bool(s.ToolOn(scene.CmdConsole))
	h.bool(s.ToolOn(scene.CmdStress))
	h.bool(s.ToolOn(scene.CmdMembers))
	h.int(uint64(g.hoveredButton(s.Layout.Buttons) + 1))
	return h
}

// hoveredButton returns the index of the button under the mouse, or -1.
func (g *Game) hoveredButton(buttons []scene.Button) int {
	s := g.scene
	if s.Hover.Kind != scene.HitButton {
		return -1
	}
	for i := range buttons {
		if b := &buttons[i]; b.Cmd == s.Hover.Cmd && b.Rect.Contains(s.Pointer) {
			return i
		}
	}
	return -1
}

// logsKey sums up what drawLogs shows: the nodes (their names, roles,
// logs, commit and state machines).
func (g *Game) logsKey() hasher {
	h := newHasher()
	h.int(g.scene.Snap.Changes.Nodes)
	return h
}

// eventsKey sums up what the event panel shows besides the lines the log's
// total adds: which log they come from (it is cleared for a new run) and the
// play state (the title says what is listed).
func (g *Game) eventsKey() hasher {
	h := newHasher()
	h.int(uint64(g.scene.Log.Clears()))
	h.bool(g.scene.Snap.Paused)
	return h
}
