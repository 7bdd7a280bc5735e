package render

import (
	"errors"
	"math"
	"runtime/debug"
	"sync"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"raftplay/control"
	"raftplay/raftsim"
	"raftplay/raftsim/spacetime"
	"raftplay/raftsim/timeline"
	"raftplay/render/scene"
)

// Sim is the run the game drives: it reads its snapshot and events, does
// actions, advances it by wall time times its speed, encodes it for a share
// link and paces its history's linearizability check; *raftsim.Sim has it.
type Sim interface {
	Snapshot() *raftsim.Snapshot
	AppendEvents(dst []raftsim.Event, since uint64) []raftsim.Event
	Do(raftsim.Action) error
	Advance(ms int64)
	Run() raftsim.Run
	CheckLinearizability(budget int) raftsim.Verdict
	// NextEventAt is when the next event is due, in virtual ms.
	NextEventAt() (int64, bool)
}

// Options configure a Game. Every hook is optional and is called with the
// game's lock held, so a hook must not call back into the Game except Notify.
type Options struct {
	// Theme is "light", "dark" (the default), "colorblind",
	// "colorblind-dark" or "auto", which takes AutoTheme: the theme the
	// system asks for (scene.AutoThemeName), dark without one.
	Theme, AutoTheme string
	// OnTheme is called with the theme chosen in the settings panel
	// (scene.ThemeChoices) when it changes, so a share link can carry it.
	OnTheme func(choice string)
	// OnRecord, when set, starts recording a clip of the canvas, or stops
	// the recording under way (the Record clip button).
	OnRecord func()
	// OnStoryEditor, when set, opens or closes the story editor, which the
	// page keeps beside the canvas.
	OnStoryEditor func()
	// ReducedMotion draws still marks in place of sliding messages and of
	// nodes fading out of the ring.
	ReducedMotion bool
	// Touch says the screen is a touch screen (a phone's, a tablet's):
	// from the first frame its targets are a finger wide and its buttons
	// go without key hints, as they do after a first touch elsewhere.
	Touch bool
	// Controls is "full" (the default) or "minimal", a compact toolbar; the
	// keys work either way.
	Controls string
	// Panels are the side panels to show, as scene.ParsePanels reads them
	// ("logs,events", "none"); empty leaves it to the screen's size.
	Panels string
	// OnEvent is called with every new simulator event, oldest first.
	OnEvent func(raftsim.Event)
	// OnMessage is called with every notice shown on screen: refused actions,
	// bad parameters, hints.
	OnMessage func(text string)
	// OnFirstFrame is called once, after the first frame is drawn.
	OnFirstFrame func()
	// OnRest, when set, is called with true when the game stops asking for
	// frames (nothing goes on: see pacing.go) and with false when it asks
	// again.
	OnRest func(resting bool)
	// OnPanic is called when Update or Draw panics, with where, the value and
	// the stack; the game then stops and RunGame returns ErrStopped. Without
	// it the panic goes on up.
	OnPanic func(where string, value any, stack []byte)
	// Stories, when set, plays guided stories on the simulator.
	Stories *control.Stories
	// OnPasteScript, when set, asks the page for a script to paste (the
	// script picker's Paste a script); the page plays it with
	// Stories.PlayScript.
	OnPasteScript func()
	// OnShare is called with the run, encoded (runcodec.Encode), when the
	// user asks for a link that reproduces it.
	OnShare func(run string)
	// Timeline, when set, keeps the run's past for time travel (ShowAt,
	// Fork, Export, the strip under the cluster); NewTimeline makes one.
	Timeline *timeline.Timeline
	// OnExport is called with a file name and the run exported as a test
	// (timeline.Export) when the user asks to download it.
	OnExport func(name string, data []byte)
	// Diagram, when set, holds the run's recent messages for the
	// space-time diagram (spacetime.New).
	Diagram *spacetime.Model
	// Welcome shows a newcomer, on a first visit, a line that points to the
	// stories; OnWelcomeDone is called once it is closed or a story picked
	// from it, so the page can remember not to show it again.
	Welcome       bool
	OnWelcomeDone func()
}

// ErrStopped is what Update returns after a panic was reported to OnPanic.
var ErrStopped = errors.New("raftplay stopped after a panic")

// Game is the playground as an ebiten.Game.
type Game struct {
	mu    sync.Mutex
	sim   Sim
	opts  Options
	scene *scene.Scene
	fonts *fonts
	paint painter
	// last is when the previous Update ran, for the wall time between frames.
	last  time.Time
	drawn bool
	// onScreen sums up the picture on the screen (repaint.go), and painted
	// counts the frames that were drawn rather than left as they were.
	onScreen shownKeys
	// resting is set while the game asks for no frames (pacing.go).
	resting bool
	// clockBehind is set when the clock moved since it was painted and
	// waits for its turn (plan), so frames go on until it is painted.
	clockBehind bool
	painted     int
	// active is when the last frame painted or had something going on,
	// or the page called (pacing.go).
	active time.Time
	// alarm wakes the game from a sleep (pacing.go).
	alarm *time.Timer
	// motion is the frame rate of messages in flight (motionrate.go).
	motion  motionRate
	stopped bool
	// acted is set when an action was done since the last advance: the
	// snapshot that says whether the run plays is then out of date, so
	// that frame does not advance (a pause must stop the very next event).
	acted bool

	// pending holds notices from Notify, which may be called from anywhere;
	// Update moves them into the scene.
	noteMu  sync.Mutex
	pending []string
	// typed holds text from the page's text field (textfield.go), also
	// under noteMu; Update types it like keys.
	typed []rune

	// Scratch space reused every frame: input, the frame's new events, the
	// events the panel shows.
	runes   []rune
	touches []ebiten.TouchID
	events  []raftsim.Event
	shown   []raftsim.Event
	arrows  []spacetime.Arrow
	marks   []spacetime.Mark
	cursor  ebiten.CursorShapeType
	cache   cache
	sheet   sheet

	// lab runs the election experiment while its view is open (lab.go).
	lab control.Lab

	// check paces the linearizability check across frames (check.go).
	check control.Checker

	// travel shows the run's past and forks it (timetravel.go); the live
	// run waits while a past moment is shown.
	travel *control.TimeTravel

	// themeChoice is the theme chosen as OnTheme last heard of it.
	themeChoice string
}

// NewGame returns a game that drives and shows sim. An unknown theme or
// controls option falls back to the default and says so on screen.
func NewGame(sim Sim, opts Options) *Game {
	g := &Game{sim: sim, opts: opts, fonts: newFonts(), travel: control.NewTimeTravel(sim, opts.Timeline)}
	g.paint.fonts = g.fonts
	g.paint.sheet = &g.sheet
	// Draw leaves the screen as it is when nothing on it changed, so Ebiten
	// must keep what the last frame drew.
	ebiten.SetScreenClearedEveryFrame(false)
	// Frames come when scheduled (pacing.go), not at the display's rate.
	ebiten.SetFPSMode(ebiten.FPSModeVsyncOffMinimum)
	var notes []string
	g.scene, notes = scene.NewChosen(scene.Choices{Theme: opts.Theme, AutoTheme: opts.AutoTheme, Controls: opts.Controls, Panels: opts.Panels, ReducedMotion: opts.ReducedMotion, Touch: opts.Touch}, g.fonts.measure)
	for _, n := range notes {
		g.Notify(n)
	}
	g.themeChoice = g.scene.ThemeChoice()
	if opts.Stories != nil {
		g.scene.SetStories(opts.Stories.Entries(), opts.Stories.Scripts())
	}
	g.scene.Observe(sim.Snapshot(), sim.AppendEvents(nil, 0))
	if opts.Welcome && opts.Stories != nil {
		g.scene.ShowWelcome()
	}
	return g
}

// Notify shows text on screen for a few seconds (and passes it to
// OnMessage). It is safe to call from anywhere, at any time.
func (g *Game) Notify(text string) {
	g.noteMu.Lock()
	g.pending = append(g.pending, text)
	g.noteMu.Unlock()
	ebiten.ScheduleFrame()
}

// Locked runs f with the game's lock held, so f can use the simulator while
// no frame is being updated or drawn. Actions go through Do instead.
func (g *Game) Locked(f func()) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.wake()
	f()
}

// Do does an action from outside the game (a host page, the console)
// between frames, as a click would. Its error is returned, not shown.
func (g *Game) Do(a raftsim.Action) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.wake()
	if err := g.travel.ActOnPast(); err != nil {
		return err
	}
	g.acted = true
	return g.sim.Do(a)
}

// Update advances the simulator by the wall time since the last frame times
// its speed, after doing what the input asked for.
func (g *Game) Update() (err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return ErrStopped
	}
	defer g.recoverPanic("Update", &err)

	now := time.Now()
	var wallMs float64
	if !g.last.IsZero() {
		wallMs = float64(now.Sub(g.last)) / float64(time.Millisecond)
	}
	g.last = now

	g.takeNotices()
	g.readInput()
	g.tellTheme()
	g.doOps(g.scene.TakeOps())
	g.continueFork()
	g.settle()
	if ms := g.scene.Tick(wallMs); ms > 0 && !g.acted {
		control.PlayOn(g.sim, g.opts.Stories, g.travel, ms)
	}
	g.acted = false
	if story := g.opts.Stories; story != nil {
		g.scene.SetStory(story.View())
	}
	g.checkLinearizability()
	g.stepExperiment()
	snap := g.sim.Snapshot()
	g.travel.Observe(snap)
	g.scene.SetTime(g.travel.View(snap.NowMs))
	if past := g.travel.Past(); past != nil {
		snap = past
	}
	g.events = g.sim.AppendEvents(g.events[:0], g.scene.LastSeq())
	g.scene.Observe(snap, g.events)
	g.showDiagram()
	if g.opts.OnEvent != nil {
		for _, e := range g.events {
			g.opts.OnEvent(e)
		}
	}
	return nil
}

// do applies actions in order; a refused one is shown on screen (in the
// console, for a console command) and the rest are skipped, since they were
// meant to follow it.
func (g *Game) do(actions []raftsim.Action) {
	if len(actions) == 0 || g.doOnPast(actions) {
		return
	}
	g.acted = true
	if i, err := control.DoInOrder(g.sim, actions); err != nil && !g.scene.Console.Refused(actions[i], err, g.scene.Snap) {
		g.notice(err.Error(), true)
	}
}

func (g *Game) takeNotices() {
	g.noteMu.Lock()
	notes := g.pending
	g.pending = nil
	g.noteMu.Unlock()
	for _, n := range notes {
		g.notice(n, true)
	}
}

func (g *Game) notice(text string, isErr bool) {
	g.scene.Notify(text, isErr)
	if g.opts.OnMessage != nil {
		g.opts.OnMessage(text)
	}
}

// recoverPanic turns a panic in where into a report to OnPanic and a stopped
// game, so the page can show what happened instead of a frozen canvas.
func (g *Game) recoverPanic(where string, err *error) {
	v := recover()
	if v == nil {
		return
	}
	if g.opts.OnPanic == nil {
		panic(v)
	}
	g.stopped = true
	g.opts.OnPanic(where, v, debug.Stack())
	if err != nil {
		*err = ErrStopped
	}
}

// Draw paints the latest snapshot.
func (g *Game) Draw(screen *ebiten.Image) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return
	}
	defer g.recoverPanic("Draw", nil)
	all, region := g.plan()
	painted := g.repaint(screen, all, region)
	if painted {
		g.painted++
	}
	g.motion.frame(time.Now(), len(g.scene.Placed) > 0)
	g.pace(painted)
	if !g.drawn {
		g.drawn = true
		if g.opts.OnFirstFrame != nil {
			g.opts.OnFirstFrame()
		}
	}
}

// Placement returns where the picture puts its nodes and panels now, in
// CSS pixels.
func (g *Game) Placement() scene.Placement {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.scene.Placement()
}

// Painted returns how many frames were drawn; the others found nothing
// changed and left the screen as it was.
func (g *Game) Painted() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.painted
}

// LayoutF makes the screen as many device pixels as the window has, so
// nothing is scaled after drawing and text stays sharp on HiDPI screens.
func (g *Game) LayoutF(w, h float64) (float64, float64) {
	scale := 1.0
	if m := ebiten.Monitor(); m != nil && m.DeviceScaleFactor() > 0 {
		scale = m.DeviceScaleFactor()
	}
	w, h = math.Ceil(w*scale), math.Ceil(h*scale)
	g.mu.Lock()
	g.scene.Resize(w, h, scale)
	g.mu.Unlock()
	return w, h
}

// Layout is LayoutF in whole pixels; Ebiten calls LayoutF when a game has
// it, and this is here because ebiten.Game requires it.
func (g *Game) Layout(w, h int) (int, int) {
	fw, fh := g.LayoutF(float64(w), float64(h))
	return int(fw), int(fh)
}
