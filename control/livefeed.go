package control

import (
	"sync"

	"raftplay/raftsim"
)

// liveKinds are the events worth reading aloud: what changes the cluster's
// story, not the message traffic that would flood a screen reader.
var liveKinds = map[raftsim.EventKind]bool{
	raftsim.EvRole: true, raftsim.EvElected: true, raftsim.EvCrash: true, raftsim.EvRestart: true,
	raftsim.EvCommit: true, raftsim.EvClient: true, raftsim.EvViolation: true,
}

// LiveFeed passes events to the page's aria-live region at a pace a
// listener can follow: the page takes at most one line per interval, and it
// is always the latest one, so a burst of commits reads as its outcome. It
// is safe to use from the game's frames and the page's timer at once.
type LiveFeed struct {
	mu      sync.Mutex
	pending string
}

// Offer keeps e's text as the next line if e is worth announcing.
func (f *LiveFeed) Offer(e raftsim.Event) {
	if !liveKinds[e.Kind] {
		return
	}
	f.mu.Lock()
	f.pending = e.Text
	f.mu.Unlock()
}

// Take returns the line to announce now, if one is waiting.
func (f *LiveFeed) Take() (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := f.pending
	f.pending = ""
	return s, s != ""
}
