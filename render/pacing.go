package render

import (
	"time"

	"github.com/hajimehoshi/ebiten/v2"
)

// A page that shows a paused run nobody touches needs no frames at all:
// Ebiten runs in FPSModeVsyncOffMinimum, where Update and Draw run only
// when a frame is scheduled or input arrives (a key, the pointer, a touch,
// a resize), and the game schedules the next frame while something goes
// on: the run plays (a story's steps too), the experiment runs, the time
// strip seeks or forks, the checker has operations left it can judge,
// something animates by the wall clock. Calls from the page (Do, Locked, Notify, Type) schedule one
// too. After the last frame that painted, frames go on for linger, so
// what settles over a few frames (a layout, a hover) is drawn and a page
// that waits for frames gets them, however slowly the machine draws.
//
// A run that plays slowly changes the picture only now and then: at the
// default speed a tick comes three times a second, and between the
// simulator's events nothing moves unless a message is in flight. Frames
// run then would paint nothing, yet Ebiten puts the three after a painted
// one on the canvas again (maxSkipCount in its internal/ui/context.go),
// and in software GL that costs as much as a frame that shows something.
// So while nothing moves the game sleeps until the simulator's next event
// or the clock's next repaint (quiet), and the frame it wakes for counts
// the time slept (scene.Pacer.Slept).

// linger is how long frames go on after the last one that painted or was
// asked for.
const linger = time.Second

// minSleep is the least time worth sleeping through: a shorter wait is
// over by the next display frame or the one after.
const minSleep = 40 * time.Millisecond

// pace schedules the next frame unless nothing goes on and no frame
// painted for linger, or the run plays and nothing moves for a while.
func (g *Game) pace(painted bool) {
	now := time.Now()
	if painted || g.clockBehind || g.busy() {
		g.active = now
	}
	if d := g.quiet(now); d >= minSleep {
		g.sleep(d)
		return
	}
	if now.Sub(g.active) < linger {
		g.rest(false)
		ebiten.ScheduleFrame()
	} else {
		g.rest(true)
	}
}

// wake schedules a frame for a call from the page and starts the frames
// that linger after it afresh. It is called with the game's lock held.
func (g *Game) wake() {
	g.active = time.Now()
	g.rest(false)
	ebiten.ScheduleFrame()
}

// rest tells the page (OnRest) when the game stops asking for frames and
// when it asks again: Ebiten's loop wakes the program every display frame
// even when it has nothing to do, which the page can hold meanwhile.
func (g *Game) rest(on bool) {
	if g.resting == on {
		return
	}
	g.resting = on
	if g.opts.OnRest != nil {
		g.opts.OnRest(on)
	}
}

// quiet returns how long the picture stays as it is while the run plays
// and nothing else goes on: until the simulator's next event or the
// clock's next repaint, whichever comes first. It returns 0 while a
// message is in flight, a story or the past is shown, or anything busy
// reports goes on besides the run.
func (g *Game) quiet(now time.Time) time.Duration {
	s := g.scene
	if s.Snap == nil || s.Snap.Paused || s.Snap.Manual || len(s.Placed) > 0 || g.travel.Past() != nil {
		return 0
	}
	if st := g.opts.Stories; st != nil && st.Active() {
		return 0
	}
	if g.working() {
		return 0
	}
	d := g.onScreen.clockAt.Add(clockEvery).Sub(now)
	if at, ok := g.sim.NextEventAt(); ok {
		d = min(d, time.Duration(s.WallMsUntil(at)*float64(time.Millisecond)))
	}
	return d
}

// sleep asks for no frame for d, then for one. A frame that comes sooner
// (a key, the pointer, a call from the page) is drawn as usual.
func (g *Game) sleep(d time.Duration) {
	g.rest(true)
	g.scene.Pace.Slept(float64(d) / float64(time.Millisecond))
	if g.alarm != nil {
		g.alarm.Stop()
	}
	g.alarm = time.AfterFunc(d, func() {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.wake()
	})
}

// busy reports whether something goes on that the next frame carries on
// with, whether or not it shows yet.
func (g *Game) busy() bool {
	s := g.scene
	return s.Snap == nil || !s.Snap.Paused || g.working()
}

// working reports whether something goes on besides the run playing.
func (g *Game) working() bool {
	s := g.scene
	if g.animating() || len(s.Drops.Bursts) > 0 {
		return true
	}
	if _, open := s.ConsoleView(); open {
		return true // the caret blinks
	}
	if g.travel.Busy() || g.lab.Open() || s.Scrubbing() {
		return true
	}
	c := &s.Snap.Clients
	return g.check.Busy(c.Linearizable.Checked, c.Operations)
}
