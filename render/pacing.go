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

// linger is how long frames go on after the last one that painted or was
// asked for.
const linger = time.Second

// pace schedules the next frame unless nothing goes on and no frame
// painted for linger.
func (g *Game) pace(painted bool) {
	now := time.Now()
	if painted || g.clockBehind || g.busy() {
		g.active = now
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

// busy reports whether something goes on that the next frame carries on
// with, whether or not it shows yet.
func (g *Game) busy() bool {
	s := g.scene
	if s.Snap == nil || !s.Snap.Paused || g.animating() || len(s.Drops.Bursts) > 0 {
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
