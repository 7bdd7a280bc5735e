package control

import (
	"testing"

	"raftplay/raftsim"
)

func TestLiveFeedKeepsTheLatestStoryLine(t *testing.T) {
	var f LiveFeed
	if _, ok := f.Take(); ok {
		t.Fatal("an empty feed has a line")
	}
	f.Offer(raftsim.Event{Kind: raftsim.EvElected, Text: "n1 won the election for term 2"})
	f.Offer(raftsim.Event{Kind: raftsim.EvCommit, Text: "n1 committed up to index 3"})
	f.Offer(raftsim.Event{Kind: raftsim.EvSent, Text: "sent #9 n1→n2 MsgHeartbeat"})
	f.Offer(raftsim.Event{Kind: raftsim.EvApply, Text: "n1 applied index 3"})
	if s, ok := f.Take(); !ok || s != "n1 committed up to index 3" {
		t.Errorf("Take() = %q, %v; want the latest announced kind", s, ok)
	}
	if s, ok := f.Take(); ok {
		t.Errorf("a line was announced twice: %q", s)
	}
	for _, k := range []raftsim.EventKind{raftsim.EvRole, raftsim.EvCrash, raftsim.EvRestart, raftsim.EvClient, raftsim.EvViolation} {
		f.Offer(raftsim.Event{Kind: k, Text: string(k)})
		if s, _ := f.Take(); s != string(k) {
			t.Errorf("%s events are not announced", k)
		}
	}
}
