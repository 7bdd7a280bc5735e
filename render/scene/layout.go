package scene

import "math"

// Measure returns the advance width, in device pixels, of text set at a font
// size in device pixels. The drawing code measures with the real font; tests
// use a fixed width per rune.
type Measure func(text string, size float64) float64

// Font sizes in CSS pixels; multiply by Layout.Scale for device pixels.
const (
	FontNode  = 17
	FontUI    = 13
	FontSmall = 11.5
	// FontTiny is the least size that reads well: 11 CSS px.
	FontTiny = 11
)

// Spacing in CSS pixels.
const (
	// Pad is the margin around and inside panels.
	Pad        = 10.0
	buttonH    = 30.0
	buttonGap  = 6.0
	buttonPadX = 11.0
	// labelSpace is the height of a node's caption: its role and term lines.
	labelSpace = 34.0
	// timerGap is the distance from a node's edge to its election-timer arc.
	timerGap = 6.0
	minNodeR = 13.0
	maxNodeR = 30.0
	// hudLines are the clock, the cluster, the invariants and the clients,
	// on a screen tall enough for them.
	hudLines = 4
	// minEventsH is the least height worth giving the event panel.
	minEventsH = 90.0
	// LineH is the height of one line of UI text, as a multiple of its size.
	LineH = 1.45
)

// Layout places every fixed element for one screen size, scale and cluster size.
type Layout struct {
	W, H float64
	// Scale is device pixels per CSS pixel.
	Scale float64
	Nodes int
	// StorySide is the column at the stage's right kept for a story's
	// panel (ReserveStory); empty when the panel goes along the bottom.
	StorySide Rect
	// storyFoot is set when the story's panel covers the foot of a phone's
	// stage, under its ring (storyOverFoot): it is StorySide's height.
	storyFoot bool
	// HUDMarks are where a one-line HUD writes HUDMarkLabels, each left of
	// its icon.
	HUDMarks [2]Rect
	// Touch is set once the screen has been touched: buttons go without
	// key hints there.
	Touch bool
	// Compact is set on screens too narrow for key hints on the buttons:
	// phones, which seldom have a keyboard.
	Compact bool
	// Panels are the side panels shown; Folded is set when the screen is
	// too small to show them by default, so a toolbar button (CmdPanels)
	// opens and closes them.
	Panels Panels
	Folded bool
	// HUDLines is how many lines the HUD has: four, or on a short screen
	// one (the clock, with the invariants' and the verdict's icons).
	HUDLines int

	Toolbar Rect
	Buttons []Button
	// Stage is the area of the ring of nodes, the HUD and the legend.
	Stage  Rect
	HUD    Rect
	Legend Rect
	// LegendItems are laid out inside Legend.
	LegendItems []LegendItem
	Center      Point
	// RX and RY are the ring's radii: a circle on a square stage, an oval
	// on a tall or wide one, so nodes keep apart on a phone.
	RX, RY float64
	NodeR  float64
	// Captions is set when the nodes have their captions (role, term and
	// vote) beside them; a tiny screen leaves them out and keeps the ring.
	Captions bool
	// captionW is the width of the widest node caption.
	captionW float64
	// NodePos[i] is the centre of the node whose raft ID is NodeIDs[i]; the
	// IDs are in order, 1 to n unless the scene numbers them (SetNodeIDs).
	NodePos []Point
	NodeIDs []uint64
	// Logs is the panel of log strips, one row per node.
	Logs Rect
	// LogKeyWraps is set when the log panel is too narrow for its title and
	// key on one line (a phone): the key's second half gets a line of its own.
	LogKeyWraps bool
	// Events is the event-log panel; empty when the screen has no room.
	Events Rect
	// Diagram is the space-time diagram's panel while it is shown (diagram.go).
	Diagram Rect
	// Console is the etcdctl console's panel while it is open (LayConsole).
	Console Rect
	// Time is the timeline strip along the stage's foot (timestrip.go).
	Time Rect
}

// NewLayout lays out a w×h screen (device pixels) at u device pixels per CSS
// pixel for a cluster of n nodes, with the side panels the screen has room
// for.
func NewLayout(w, h, u float64, n int, controls Controls, measure Measure) Layout {
	return NewLayoutWith(w, h, u, n, controls, PanelChoice{}, measure)
}

// NewLayoutWith is NewLayout with the side panels decided by panels.
func NewLayoutWith(w, h, u float64, n int, controls Controls, panels PanelChoice, measure Measure) Layout {
	l := Layout{W: w, H: h, Scale: u, Nodes: n, Compact: w/u < 600, HUDLines: hudLines, Touch: panels.Touch}
	if shortScreen(h / u) {
		l.HUDLines = 1
	}
	l.Panels = panels.Panels
	if !panels.Chosen {
		l.Panels = Panels{Logs: true, Events: true, Diagram: panels.Panels.Diagram}
		if !roomForPanels(w/u, h/u) {
			l.Folded = roomBesideRing(w/u, h/u)
			if !l.Folded || !panels.Open {
				l.Panels = Panels{}
			}
		}
	}
	specs := fullToolbar
	switch {
	case controls == ControlsMinimal:
		specs = minimalToolbar
	case shortScreen(h/u) && w/u >= shortToolbarW:
		// A short screen keeps the ring rather than rows of buttons; the
		// keys and the help do the rest, and Stories leads to the stories
		// and to writing one.
		specs = shortToolbar
	case shortScreen(h / u):
		specs = minimalToolbar
	}
	l.layToolbar(specs, !panels.Touch, measure)
	top := l.Toolbar.Bottom()
	switch {
	case !l.Panels.Any():
		l.Stage = Rect{0, top, w, h - top}
	case wideScreen(w/u, h/u) || l.Folded || l.Panels.Diagram && roomBesideRing(w/u, h/u):
		// Folded panels, opened, and the diagram go beside the ring: under
		// it they would squeeze it on a screen this low.
		side := math.Min(math.Max(0.42*w, 330*u), 620*u)
		side = math.Min(side, w-340*u)
		l.Stage = Rect{0, top, w - side, h - top}
		l.laySide(Rect{w - side, top, side - Pad*u, h - top - Pad*u}, measure)
	default:
		// A tall screen: the ring on top, then the logs, then at least a few
		// lines of events, as far as the screen allows.
		rest := h - top
		l.LogKeyWraps = LogKeyWidth(u, measure) > w-4*Pad*u
		side := l.LogHead() + float64(n)*24*u + (minEventsH+2.5*Pad)*u
		stageH := math.Min(math.Max(1.2*w, 260*u), 0.62*rest)
		stageH = math.Max(math.Min(stageH, rest-side), 0.45*rest)
		// A story's panel takes the stage's foot: the stage grows by it
		// while the log strips keep their rows.
		stageH = math.Max(stageH, math.Min(stageH+panels.StoryRoom, rest-l.LogHead()-float64(n)*24*u-Pad*u))
		l.Stage = Rect{0, top, w, stageH}
		l.laySide(Rect{Pad * u, top + stageH, w - 2*Pad*u, h - top - stageH - Pad*u}, measure)
	}
	l.layTimeStrip()
	l.layStage(measure)
	return l
}

// laySide splits the side area into the log panel and the event log, as
// many of them as are shown.
func (l *Layout) laySide(r Rect, measure Measure) {
	u := l.Scale
	if l.Panels.Diagram {
		if r = l.layDiagram(r); r.Empty() || !l.Panels.Logs && !l.Panels.Events {
			return
		}
	}
	if !l.Panels.Logs {
		l.Events = r
		return
	}
	l.LogKeyWraps = LogKeyWidth(u, measure) > r.W-2*Pad*u
	// Rows as tall as the room left for at least minEventsH of events allows.
	room := r.H - l.LogHead()
	if l.Panels.Events {
		room -= (1.5*Pad + minEventsH) * u
	}
	rowH := math.Min(34*u, math.Max(24*u, room/float64(l.Nodes)))
	logsH := math.Min(r.H, l.LogHead()+rowH*float64(l.Nodes)+Pad*u/2)
	l.Logs = Rect{r.X, r.Y, r.W, logsH}
	evY := l.Logs.Bottom() + Pad*u
	if l.Panels.Events && r.Bottom()-evY >= minEventsH*u {
		l.Events = Rect{r.X, evY, r.W, r.Bottom() - evY}
	}
}

// LogHeaderH is the height of the log panel's title and index row.
func LogHeaderH(u float64) float64 { return 40 * u }

// LogHead is the height of the log panel's header as laid out: its title
// and index row, and the key's second line when it wraps.
func (l *Layout) LogHead() float64 {
	if l.LogKeyWraps {
		return LogHeaderH(l.Scale) + FontSmall*l.Scale*LineH
	}
	return LogHeaderH(l.Scale)
}

// LogRowH is the height of one node's log strip.
func (l *Layout) LogRowH() float64 {
	return (l.Logs.H - l.LogHead() - Pad*l.Scale/2) / float64(l.Nodes)
}

// HUDLineH is the height of one line of the HUD: set a little closer than
// panel text, so its four lines leave the ring room on a phone.
func (l *Layout) HUDLineH() float64 { return FontUI * l.Scale * 1.3 }

// NodeNameSize is the font size of a node's name on its disc, in device
// pixels: as large as the disc allows, up to FontNode.
func (l *Layout) NodeNameSize() float64 { return math.Min(FontNode*l.Scale, l.NodeR*0.85) }

// HUDIcons returns the centres of the HUD's two icons, the invariants' and
// the linearizability verdict's, of radius HUDIconR: at the start of their
// lines, or on a one-line HUD side by side at its right end.
func (l *Layout) HUDIcons() (invariants, verdict Point) {
	line, r := l.HUDLineH(), l.HUDIconR()
	if l.HUDLines == 1 {
		y := l.HUD.Y + line/2
		return Point{l.HUDMarks[0].Right() + 3*l.Scale + r, y}, Point{l.HUD.Right() - r, y}
	}
	return Point{l.HUD.X + r, l.HUD.Y + 2*line + line/2}, Point{l.HUD.X + r, l.HUD.Y + 3*line + line/2}
}

// HUDIconR is the radius of the HUD's icons.
func (l *Layout) HUDIconR() float64 { return FontUI * l.Scale * 0.5 }

// HUDMarkLabels name the HUD's two icons where a one-line HUD shows them
// without their lines of text.
var HUDMarkLabels = [2]string{"invariants", "linearizable"}

// layStage places the HUD, the legend and the ring inside the stage.
func (l *Layout) layStage(measure Measure) {
	u := l.Scale
	s := l.Stage
	l.HUD = Rect{s.X + Pad*u, s.Y + Pad*u/2, s.W - 2*Pad*u, float64(l.HUDLines) * l.HUDLineH()}
	if l.HUDLines == 1 {
		// From the right: the verdict's icon, its label, the invariants'
		// icon, its label.
		r, size := l.HUDIconR(), FontSmall*u
		right := l.HUD.Right() - 2*r - 3*u
		for i := len(HUDMarkLabels) - 1; i >= 0; i-- {
			w := measure(HUDMarkLabels[i], size)
			l.HUDMarks[i] = Rect{right - w, l.HUD.Y, w, l.HUD.H}
			right -= w + 12*u + 2*r
		}
	}
	l.layLegend(measure)
	l.layRing(l.ringArea(0), measure)
}

// ringArea is the part of the stage the ring of nodes may take: under the
// HUD, above the legend and the partition banner, and above reserve more at
// the bottom of the stage.
func (l *Layout) ringArea(reserve float64) Rect {
	u, s := l.Scale, l.Stage
	banner := l.bannerH() + Pad/2*u
	if shortScreen(l.H / u) {
		// The partition banner covers the ring's foot while it is up.
		banner = Pad * u / 2
	}
	bottom := math.Min(l.Legend.Y, s.Bottom()-banner)
	bottom = math.Min(bottom, s.Bottom()-reserve-Pad*u/2)
	return Rect{s.X, l.HUD.Bottom(), s.W, bottom - l.HUD.Bottom()}
}

// ReserveBottom lays the ring out again above h device pixels kept free at
// the bottom of the stage, for a panel that stays there.
func (l *Layout) ReserveBottom(h float64, measure Measure) {
	l.layRing(l.ringArea(h), measure)
}

// storyOverSide puts a story's panel, h high, at the top of the side
// column a small screen unfolds (a 640×400 embed with its Logs open), over
// the log strips, which move down and keep at least rows of logStoryRowH:
// the ring keeps the whole stage and the story covers neither the ring
// nor the log. The event log gives way first. It reports whether it did.
func (l *Layout) storyOverSide(h float64) bool {
	u := l.Scale
	if !l.Folded || l.Logs.Empty() || l.Logs.X < l.Stage.Right() {
		return false
	}
	top, gap := l.Logs.Y, Pad*u/2
	logsY, bottom := top+h+gap, l.H-gap
	least := l.LogHead() + float64(l.Nodes)*logStoryRowH*u + Pad*u/2
	if bottom-logsY < least {
		return false
	}
	l.StorySide = Rect{l.Logs.X, top, l.Logs.W, h}
	l.Logs.H = math.Min(l.Logs.H, bottom-logsY)
	l.Logs.Y = logsY
	l.Events = Rect{}
	if below := l.H - Pad*u - (l.Logs.Bottom() + Pad*u); below >= minEventsH*u {
		l.Events = Rect{l.Logs.X, l.Logs.Bottom() + Pad*u, l.Logs.W, below}
	}
	return true
}

// storyOverFoot keeps a phone's ring first under a story's long caption (a
// question and its answer): where keeping h free at the stage's foot would
// leave the ring less than leastStoryRing of the screen's width, the ring
// keeps that, and the panel goes under it, over the timeline strip and the
// log strips, which a caption read to its end can cover a while. It
// reports whether it did.
func (l *Layout) storyOverFoot(h float64, measure Measure) bool {
	u, s := l.Scale, l.Stage
	least := leastStoryRing * l.W
	if l.W >= l.H || l.ringArea(h).H >= least {
		return false
	}
	area := l.ringArea(0)
	area.H = math.Min(area.H, least)
	l.layRing(area, measure)
	top := area.Bottom() + Pad*u/2
	if t := l.Time; !t.Empty() && top+h > t.Y && top+h < t.Bottom() {
		// Over the timeline strip whole, not over its buttons' tops.
		h = t.Bottom() - top
	}
	l.StorySide = Rect{s.X + Pad*u, top, s.W - 2*Pad*u, h}
	l.storyFoot = true
	return true
}

// leastStoryRing is the least height of a phone's ring area under a story,
// as a part of the screen's width.
const leastStoryRing = 0.55

// logStoryRowH is the least height of a log strip, in CSS pixels, under a
// story's panel in the side column: an entry's word still reads in it.
const logStoryRowH = 18.0

// storySideW is the widest the story panel is at the side of the ring, in
// CSS pixels.
const storySideW = 300

// ReserveStory keeps room for a story's caption panel, clear of the ring:
// h device pixels along the bottom of the stage, or on a wide, short stage
// (a small embed) a column at its right, when that leaves the nodes larger
// or gives them their captions, so their roles show.
func (l *Layout) ReserveStory(h float64, measure Measure) {
	l.StorySide, l.storyFoot = Rect{}, false
	if l.storyOverSide(h) || l.storyOverFoot(h, measure) {
		return
	}
	l.ReserveBottom(h, measure)
	u, s := l.Scale, l.Stage
	if s.W/u < 560 || !shortScreen(l.H/u) {
		return
	}
	area := l.ringArea(0)
	w := math.Min(storySideW*u, 0.45*s.W)
	side := Rect{X: s.Right() - w - Pad*u/2, Y: area.Y + Pad*u/2, W: w, H: area.H - Pad*u/2}
	area.W -= w + Pad*u
	trial := *l
	trial.layRing(area, measure)
	if trial.NodeR > 1.1*l.NodeR || trial.Captions && !l.Captions {
		*l = trial
		l.StorySide = side
	}
}
