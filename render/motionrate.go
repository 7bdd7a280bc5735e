package render

import "time"

// motionRate counts the frames drawn while messages were in flight, each
// right after another such frame, and the wall time between them: the rate
// at which a reader sees messages move. A page that sleeps while nothing
// moves (pacing.go) draws few frames a second in all, so its frames per
// second say nothing of how smoothly it shows what does move.
type motionRate struct {
	// last is when the latest frame with a message in flight was drawn,
	// zero after a frame without.
	last   time.Time
	frames int
	ms     float64
}

// frame counts a frame drawn at now, with a message in flight or not.
func (m *motionRate) frame(now time.Time, moving bool) {
	if !moving {
		m.last = time.Time{}
		return
	}
	if !m.last.IsZero() {
		m.frames++
		m.ms += float64(now.Sub(m.last)) / float64(time.Millisecond)
	}
	m.last = now
}

// MotionFrames returns how many frames were drawn while messages were in
// flight, each right after another such frame, and the wall milliseconds
// between them, all frames together: their ratio is the frame rate of the
// messages' motion.
func (g *Game) MotionFrames() (frames int, ms float64) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.motion.frames, g.motion.ms
}
