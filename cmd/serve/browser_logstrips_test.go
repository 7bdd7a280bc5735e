package main

import (
	"testing"

	"raftplay/raftsim"
)

// The log strips move what they have drawn along as entries are appended
// and draw only the cells that changed; after many such frames, with the
// window of indexes sliding, entries committed and the commit bars moving,
// they show pixel for pixel what drawing them afresh shows.
func TestBrowserLogStripsSlide(t *testing.T) {
	for _, theme := range []string{"dark", "light"} {
		t.Run(theme, func(t *testing.T) {
			tab := openPlayground(t, "seed=1&paused=true&theme="+theme)
			panel := tab.panel("logs")
			start := tab.until("a leader", budgetMs, electionStepMs, hasLeader)
			tab.do(`{"op":"stress","on":true}`)
			var last uint64
			for range 60 {
				s := tab.advance(15)
				last = longestLog(s)
				tab.waitFrames(1)
			}
			// More entries than the panel has columns at any size.
			if first := longestLog(start); last < first+40 {
				t.Fatalf("the leader's log grew from %d to %d only: the strips hardly slid", first, last)
			}
			tab.samePanelDrawnAfresh("logs", panel, "the slid log strips")
		})
	}
}

// longestLog is the last index of the longest log in s.
func longestLog(s *raftsim.Snapshot) uint64 {
	var last uint64
	for i := range s.Nodes {
		last = max(last, s.Nodes[i].LastIndex)
	}
	return last
}
