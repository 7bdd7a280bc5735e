package scene

import (
	"fmt"
	"math"
)

// The timeline strip under the cluster: the run's virtual time from its
// start to the live present, with marks for what happened; a drag or click
// on it shows the past, [ ] and ←→ step through the marks, and its buttons
// play on from the moment shown (a fork) or export the run as a test. The
// game carries its commands out (GameOp), since they need the timeline.

// isTimeOp tells the timeline's commands, which the game carries out.
func isTimeOp(c Command) bool { return c >= CmdTimeShow && c <= CmdExport }

// TimeMark is one mark on the strip: when, and a kind named as
// raftsim.MarkKind names it ("leader", "crash", ...).
type TimeMark struct {
	AtMs int64
	Kind string
}

// TimeView is what the strip shows, as the game tells it each frame.
type TimeView struct {
	// EndMs is the live run's present; ShownMs the moment shown, which is
	// EndMs unless Past.
	EndMs, ShownMs int64
	Past           bool
	Marks          []TimeMark
	// Forking is set while a fork replays; Progress is how far, 0 to 1.
	Forking  bool
	Progress float64
}

// TimeStripH is the strip's height in CSS pixels, where a mouse points.
const TimeStripH = 30.0

// TimeStrip is the strip's layout: its track, the label before it and its
// buttons after.
type TimeStrip struct {
	Rect    Rect
	Track   Rect
	Label   Point
	Text    string
	Buttons []Button
}

// layTimeStrip takes the strip's room from the bottom of the stage.
func (l *Layout) layTimeStrip() {
	// Its buttons leave 2 px above and below them: a finger's are
	// TargetMin high.
	h, gap := max(TimeStripH*l.Scale, l.tap(0)+4*l.Scale), Pad*l.Scale/2
	l.Time = Rect{l.Stage.X + Pad*l.Scale, l.Stage.Bottom() - h - gap, l.Stage.W - 2*Pad*l.Scale, h}
	l.Stage.H -= h + gap
}

// narrowStrip is the width, in CSS pixels, under which the strip says the
// moment alone and has a short Play on.
const narrowStrip = 560

// recordRoom is the least width, in CSS pixels, whose strip has a Record
// clip button.
const recordRoom = 1000

// TimeStrip lays out the strip for v: "12.3 s / 60.0 s", the track, and
// its buttons, Play from here and Live enabled only while the past is
// shown: the track keeps its length, so a drag that starts on it stays
// true to it.
func (l *Layout) TimeStrip(v *TimeView, measure Measure) TimeStrip {
	u, r := l.Scale, l.Time
	size := FontSmall * u
	// A phone's strip, or one beside unfolded side panels, keeps its room
	// for the track.
	narrow := l.Compact || r.W < narrowStrip*u
	ts := TimeStrip{Rect: r, Text: timeLabel(v, narrow)}
	ts.Label = Point{r.X + 6*u, r.Y + (r.H-size*LineH)/2}
	x := r.Right()
	bh := math.Min(r.H-4*u, l.btnH())
	add := func(cmd Command, label string, enabled bool) {
		w := max(measure(label, FontUI*u)+2*8*u, l.tap(0))
		x -= w
		ts.Buttons = append(ts.Buttons, Button{Cmd: cmd, Label: label, Rect: Rect{x, r.Y + (r.H-bh)/2, w, bh}, Disabled: v.Forking || !enabled})
		x -= 4 * u
	}
	add(CmdExport, "Export", true)
	add(CmdTimeLive, "Live", v.Past)
	fork, widest := "Play from here", "000.0 s / 000.0 s"
	if narrow {
		fork, widest = "Play on", "000.0 s"
	}
	add(CmdFork, fork, v.Past)
	if diagramRoom(l.W/u, l.H/u) {
		// The diagram follows the strip's moment: its switch sits here.
		add(CmdDiagram, "Diagram", true)
	}
	if l.W/u >= recordRoom {
		// A narrower strip keeps its room for the track; raftplay.record()
		// records there.
		add(CmdRecord, "Record clip", true)
	}
	left := ts.Label.X + measure(widest, size) + 8*u
	ts.Track = Rect{left, r.Y + 4*u, math.Max(x-4*u-left, 20*u), r.H - 8*u}
	return ts
}

// timeLabel says where the strip stands: the moment shown of the run's
// length, or the fork's progress; on a phone, the moment or the progress only.
func timeLabel(v *TimeView, compact bool) string {
	switch {
	case v.Forking && compact:
		return fmt.Sprintf("%.0f%%", 100*v.Progress)
	case v.Forking:
		return fmt.Sprintf("replaying %.0f%%", 100*v.Progress)
	case compact:
		return fmt.Sprintf("%.1f s", float64(v.ShownMs)/1000)
	}
	return fmt.Sprintf("%.1f s / %.1f s", float64(v.ShownMs)/1000, float64(v.EndMs)/1000)
}

// X is where moment ms lies on the track of a run that is endMs long.
func (ts *TimeStrip) X(ms, endMs int64) float64 {
	if endMs <= 0 {
		return ts.Track.X
	}
	return ts.Track.X + ts.Track.W*float64(ms)/float64(endMs)
}

// MsAt is the moment at x on the track of a run that is endMs long,
// clamped to the run.
func (ts *TimeStrip) MsAt(x float64, endMs int64) int64 {
	if ts.Track.W <= 0 {
		return endMs
	}
	f := math.Min(math.Max((x-ts.Track.X)/ts.Track.W, 0), 1)
	return int64(math.Round(f * float64(endMs)))
}

// OnTrack reports whether p is on the track, or close enough above or
// below it to grab.
func (ts *TimeStrip) OnTrack(p Point) bool {
	r := ts.Track
	return p.X >= r.X-4 && p.X <= r.Right()+4 && p.Y >= ts.Rect.Y && p.Y <= ts.Rect.Bottom()
}

// timeState is the strip's part of the scene: what it shows and whether
// the track is being dragged.
type timeState struct {
	view      *TimeView
	strip     TimeStrip
	scrubbing bool
	// lastMs is the moment the drag last asked for, so a held pointer
	// does not ask again every frame.
	lastMs int64
}

// SetTime sets what the strip shows, as the game does every frame.
func (s *Scene) SetTime(v *TimeView) {
	s.time.view = v
	s.time.strip = s.Layout.TimeStrip(v, s.frame.measure)
}

// Strip returns the strip's layout and what it shows; false before the
// game has set it.
func (s *Scene) Strip() (*TimeStrip, *TimeView, bool) {
	return &s.time.strip, s.time.view, s.time.view != nil
}

// Scrubbing reports whether the track is being dragged.
func (s *Scene) Scrubbing() bool { return s.time.scrubbing }

// pressTime starts a drag when p is on the track, showing the moment under
// it; it reports whether the press was the strip's.
func (s *Scene) pressTime(p Point) bool {
	t := &s.time
	if t.view == nil || t.view.Forking || !t.strip.OnTrack(p) || s.overPanel(p) {
		return false
	}
	t.scrubbing = true
	t.lastMs = -1
	s.dragTime(p)
	return true
}

// overPanel reports whether p is on an open panel, which takes a press
// before the strip: a phone's story panel covers the strip (storyOverFoot).
func (s *Scene) overPanel(p Point) bool {
	for _, o := range s.OpenPanels() {
		if o.Rect.Contains(p) {
			return true
		}
	}
	return false
}

// dragTime follows a drag along the track.
func (s *Scene) dragTime(p Point) {
	t := &s.time
	if !t.scrubbing {
		return
	}
	if ms := t.strip.MsAt(p.X, t.view.EndMs); ms != t.lastMs {
		t.lastMs = ms
		s.ops = append(s.ops, GameOp{Cmd: CmdTimeShow, Arg: int(ms)})
	}
}

// releaseTime ends a drag; it reports whether there was one.
func (s *Scene) releaseTime(p Point) bool {
	if !s.time.scrubbing {
		return false
	}
	s.dragTime(p)
	s.time.scrubbing = false
	return true
}

// timeHit is the strip's button under p, if any.
func (s *Scene) timeHit(p Point) (Hit, bool) {
	if s.time.view == nil {
		return Hit{}, false
	}
	if h, ok := buttonAt(s.time.strip.Buttons, p); ok {
		return h, true
	}
	return Hit{}, false
}

// timeButtonNames name the strip's buttons in Placement.
var timeButtonNames = map[Command]string{CmdFork: "timeline-fork", CmdTimeLive: "timeline-live", CmdExport: "timeline-export", CmdRecord: "timeline-record", CmdDiagram: "timeline-diagram"}

// placeTime adds the strip, its track and its enabled buttons to a
// Placement.
func (s *Scene) placeTime(add func(name string, r Rect)) {
	if s.time.view == nil {
		return
	}
	add("timeline", s.time.strip.Rect)
	add("timeline-track", s.time.strip.Track)
	for _, b := range s.time.strip.Buttons {
		if !b.Disabled {
			add(timeButtonNames[b.Cmd], b.Rect)
		}
	}
}
