package scene

import (
	"math"
	"slices"

	"raftplay/raftsim"
)

// Scene is the state of the whole picture between frames: the layout, the
// controls, the latest snapshot and what was derived from it, the event log,
// the notices, and the panels over the picture, each of which keeps its own
// state (overlays.go). The drawing code reads it; input goes through Key,
// Press and Release, which return the actions to do.
type Scene struct {
	Theme *Theme
	// Layout is the layout for the current screen and cluster size.
	Layout Layout
	// Controller is the controls' state (controller.go).
	Controller Controller
	// Snap is the latest snapshot, never nil once Observe has run.
	Snap *raftsim.Snapshot
	// Motion is what moves on the ring this frame (motion.go).
	Motion
	Log     EventLog
	Notices Notices
	Pace    Pacer
	// Clock is wall seconds since the scene began; bursts and notices age by it.
	Clock float64
	// InputState is what the pointer and the keyboard are on.
	InputState

	frame frame
	// lastSeq is the sequence number of the latest event seen.
	lastSeq uint64

	// overlays are the panels over the picture, each with its own state
	// (overlays.go).
	overlays overlayStack

	// Story is the story being played, set by the game every frame (nil in
	// free play).
	Story *StoryView
	// ops are the game operations asked for since TakeOps.
	ops []GameOp

	// Clients are the console and the HUD's line about the clients
	// (clients.go).
	Clients
	// time is the timeline strip (timestrip.go).
	time timeState

	// diagram is the space-time diagram (diagram.go).
	diagram diagramState
}

// SetStory sets the story being played (nil in free play); the ring makes
// room for the caption panel while there is one, and the log strips a
// small screen folds away show while the story plays (layStoryStage).
func (s *Scene) SetStory(v *StoryView) {
	// A script's panel keeps more room than a story's (script.go).
	changed := (v == nil) != (s.Story == nil) || v != nil && (v.Script == nil) != (s.Story.Script == nil)
	if changed {
		panelOf[*storyPanel](s).unfolds = v != nil
	}
	s.Story = v
	s.printScript(v)
	if changed {
		s.relayout()
	}
}

// TakeOps returns the game operations the input asked for since the last
// call: story steps and share links, which are not simulator actions.
func (s *Scene) TakeOps() []GameOp {
	ops := s.ops
	s.ops = nil
	return ops
}

// InputState is what the pointer and the keyboard are on: where the pointer
// is and what is under it, where a press began, and the keyboard's focus.
type InputState struct {
	// Hover is the element under the mouse; Pointer is where it is.
	Hover   Hit
	Pointer Point
	// Touched is set once the screen has been touched (see touch.go).
	Touched bool
	// pressed is what the press now held (down) began on.
	pressed Hit
	down    bool
	// focus is the keyboard's focus (focus.go).
	focus focusState
}

// frame is what the layout is made from: the screen's size and scale, the
// measure of text, the toolbar's controls and the side panels chosen; and
// how many layouts were made of it.
type frame struct {
	// w×h is the screen in device pixels, u device pixels per CSS pixel.
	w, h, u  float64
	measure  Measure
	controls Controls
	choice   PanelChoice
	// layoutGen counts the layouts made (relayout): whatever is drawn
	// from the layout is drawn again when it moves.
	layoutGen uint64
	// relaying is set while relayout runs.
	relaying bool
}

// New returns a scene drawn in theme, with the given toolbar, measuring text
// with measure.
func New(theme *Theme, controls Controls, measure Measure) *Scene {
	s := &Scene{Theme: theme, frame: frame{u: 1, measure: measure, controls: controls}, overlays: newOverlays()}
	*s.chosenTheme() = themeChoice{chosen: theme.Name, auto: theme.Name}
	return s
}

// Resize lays the scene out again for a w×h screen at u device pixels per
// CSS pixel; it does nothing when nothing changed.
func (s *Scene) Resize(w, h, u float64) {
	if w == s.frame.w && h == s.frame.h && u == s.frame.u && s.sameNodes() {
		return
	}
	s.frame.w, s.frame.h, s.frame.u = w, h, u
	s.relayout()
}

// ShowPanels shows exactly the side panels p, whatever the screen's size:
// an embedding page's choice (the panels= URL parameter).
func (s *Scene) ShowPanels(p Panels) {
	s.frame.choice = PanelChoice{Chosen: true, Panels: p}
	s.relayout()
}

func (s *Scene) nodes() int {
	if s.Snap == nil {
		return 3
	}
	return len(MemberIDs(s.Snap))
}

// sameNodes reports whether the layout places the snapshot's members, by ID.
func (s *Scene) sameNodes() bool {
	if s.Snap == nil {
		return s.Layout.Nodes == s.nodes()
	}
	return slices.Equal(s.Layout.NodeIDs, MemberIDs(s.Snap))
}

// LayoutGen counts the layouts the scene has made: it moves whenever Layout is
// made again, so a picture cached for one layout (the links, the partition's
// shading, the panels) knows to draw itself again for the next.
func (s *Scene) LayoutGen() uint64 { return s.frame.layoutGen }

func (s *Scene) relayout() {
	s.frame.relaying = true
	defer func() { s.frame.relaying = false }()
	s.frame.layoutGen++
	panels := s.frame.choice
	// The console and the diagram live in the side area: opening either
	// opens folded panels.
	panels.Open = panels.Open || s.Console.Open || panels.Panels.Diagram
	panels.Touch = s.Touched
	if s.Story != nil {
		s.layStoryStage(panels)
	} else {
		s.Layout = NewLayoutWith(s.frame.w, s.frame.h, s.frame.u, s.nodes(), s.frame.controls, panels, s.frame.measure)
	}
	if s.Snap != nil {
		// After the ring is laid out for good: laying it out numbers the
		// nodes 1 to n.
		s.Layout.SetNodeIDs(MemberIDs(s.Snap))
	}
	if s.Console.Open {
		s.Layout.LayConsole()
	}
	if s.Snap != nil {
		s.Layout.placeClientsHUD(&s.ClientsHUD, s.frame.measure)
		s.placeMessages()
		s.layPanels()
	}
}

// maxClockStepMs caps how much wall time one frame adds to Clock: a very
// long frame (the first, or one after the tab was hidden) must not age the
// notices and bursts before anyone could see them.
const maxClockStepMs = 250

// Tick moves the wall clock on by wallMs and returns how many virtual
// milliseconds the simulator should advance: none while paused.
func (s *Scene) Tick(wallMs float64) int64 {
	s.Clock += math.Min(wallMs, maxClockStepMs) / 1000
	s.Notices.Expire(s.Clock)
	s.Drops.Expire(s.Clock)
	s.RingMoves.Expire(s.Clock)
	if s.Snap == nil || s.Snap.Paused {
		return 0
	}
	return s.Pace.Take(wallMs, s.Snap.Speed)
}

// LastSeq is the sequence number of the latest event seen, for Sim.Events.
func (s *Scene) LastSeq() uint64 { return s.lastSeq }

// Now is the virtual time the picture shows, fraction included.
func (s *Scene) Now() float64 {
	if s.Snap == nil {
		return 0
	}
	return float64(s.Snap.NowMs) + s.Pace.Fraction()
}

// WallMsUntil returns how many wall milliseconds the run takes, at its
// speed, to reach the virtual time atMs from the time the picture shows.
func (s *Scene) WallMsUntil(atMs int64) float64 {
	if s.Snap == nil || s.Snap.Speed <= 0 {
		return math.Inf(1)
	}
	return (float64(atMs) - s.Now()) / s.Snap.Speed
}

// Observe takes the frame's snapshot and the events that happened since the
// last one: it logs the events, starts bursts for dropped messages where they
// were last drawn, then places the messages for this frame.
func (s *Scene) Observe(snap *raftsim.Snapshot, events []raftsim.Event) {
	sameRun := s.Snap != nil && snap.Generation == s.Snap.Generation
	details := panelOf[*detailsPanel](s)
	if s.Snap != nil && !sameRun {
		// A new run: what was selected, remembered or logged belongs to the old one.
		s.Controller.Reset()
		s.Drops.Clear()
		s.RingMoves.Clear()
		s.Log.Clear()
		s.closeArrow()
		details.events.Clear()
	}
	s.Snap = snap
	if !s.sameNodes() {
		old := s.Layout
		s.relayout()
		if sameRun && !s.ReducedMotion {
			s.RingMoves.Changed(&old, &s.Layout, s.Clock)
		}
	}
	for _, e := range events {
		s.Log.Add(e, snap.Paused)
		details.events.Add(e)
		if e.Kind == raftsim.EvDropped {
			s.Drops.Dropped(e, &s.Layout, s.Clock)
		}
		s.lastSeq = e.Seq
	}
	s.observeClients(snap, events)
	s.Controller.Observe(snap)
	s.placeMessages()
	s.Drops.Remember(s.Placed)
	s.layPanels()
}

// Notify shows text on screen for a while; err marks it as a failure.
func (s *Scene) Notify(text string, err bool) { s.Notices.Add(text, err, s.Clock) }

// Key handles a typed key (see KeyIntent) and returns the actions it asks
// for. Tab and Shift-Tab, and Enter and Space while the focus shows, move
// and press the keyboard's focus (focus.go); otherwise, while the console
// is open every key goes to it, and then the open panels take their own
// keys, topmost first (overlays.go).
func (s *Scene) Key(r rune) []raftsim.Action {
	if acts, ok := s.focusKeyPress(r); ok {
		return acts
	}
	if s.Console.Open {
		return s.consoleKey(r)
	}
	if acts, ok := s.overlayKey(r); ok {
		return acts
	}
	return s.handle(KeyIntent(r))
}

// Move records where the mouse is, for hover highlights.
func (s *Scene) Move(p Point) {
	s.Pointer = p
	s.Hover = s.HitTest(p)
	s.dragTime(p)
	s.layGloss()
}

// Press records a mouse button or finger going down at p.
func (s *Scene) Press(p Point) {
	s.Pointer = p
	s.focus.on = false
	if s.pressTime(p) {
		return
	}
	s.pressed, s.down = s.HitTest(p), true
}

// Release handles the mouse button or finger coming up at p and returns the
// actions the click or drag asks for.
func (s *Scene) Release(p Point) []raftsim.Action {
	if s.releaseTime(p) {
		return nil
	}
	if !s.down {
		return nil
	}
	s.down = false
	s.Pointer = p
	return s.handle(s.intent(s.pressed, s.HitTest(p)))
}

// Dragging returns the node being dragged in partition editing, if any.
func (s *Scene) Dragging() (uint64, bool) {
	if s.down && s.Controller.Edit != nil && s.pressed.Kind == HitNode {
		return s.pressed.Node, true
	}
	return 0, false
}

func (s *Scene) handle(in Intent) []raftsim.Action {
	if s.Snap == nil || in.Cmd == CmdNone {
		return nil
	}
	pk := panelOf[*pickerPanel](s)
	switch {
	case in.Cmd == CmdStories && len(pk.stories) > 0:
		pk.open, pk.scripts = !pk.open, false
		s.layPanels()
		return nil
	case in.Cmd == CmdScripts && len(pk.scriptNames) > 0:
		pk.open, pk.scripts = true, !pk.scripts
		s.layPanels()
		return nil
	case in.Cmd == CmdPanels && panelOf[*storyPanel](s).unfolds && s.Layout.StoryOverSide():
		panelOf[*storyPanel](s).unfolds = false
		s.relayout()
		return nil
	case in.Cmd == CmdPanels:
		s.frame.choice.Open = !s.frame.choice.Open
		s.relayout()
		return nil
	case isDiagramCmd(in.Cmd):
		acts := s.diagramIntent(in)
		s.layPanels()
		return acts
	case (in.Cmd == CmdClose || in.Cmd == CmdDismiss) && s.closeArrow():
		return nil
	case in.Cmd == CmdClose && pk.open:
		pk.open = false
		s.layPanels()
		return nil
	case isGameOp(in.Cmd):
		pk.open = pk.open && in.Cmd != CmdStoryPick && in.Cmd != CmdStoryEditor && in.Cmd != CmdScriptPick && in.Cmd != CmdScriptPaste
		s.ops = append(s.ops, GameOp{Cmd: in.Cmd, Arg: in.Arg})
		s.layPanels()
		return nil
	}
	acts, note, ok := s.overlayIntent(in)
	if !ok {
		acts, note = s.Controller.Handle(in, s.Snap)
	}
	if note != "" {
		s.Notify(note, false)
	}
	s.layPanels()
	return acts
}
