package raftsim

import "testing"

// Clearing a loss (rate 0) is logged with its rate, so a run that lowered
// loss and cleared it replays from its log and its share link.
func TestClearedLossRoundTrips(t *testing.T) {
	h := newHarness(t, 2)
	h.leader(2000)
	for _, js := range []string{
		`{"op":"loss","rate":0.3}`, `{"op":"loss","rate":0}`,
		`{"op":"loss","from":2,"to":3,"rate":0.5}`, `{"op":"loss","from":2,"to":3,"rate":0}`,
	} {
		h.do(js)
		h.run(10)
	}
	for _, r := range h.sim.Actions() {
		roundTrip(t, r.Action)
	}
}
