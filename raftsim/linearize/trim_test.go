package linearize

import (
	"fmt"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// A long run's history keeps only what the check still needs: the judged
// operations go, and the verdict still covers them.
func TestHistoryTrimmedToWhatTheCheckNeeds(t *testing.T) {
	sim := stressed(t)
	cs := clients.Of(sim)
	cs.CheckHistoryWith(New)
	// Crashes leave writes whose outcome is unknown until some node applies
	// them: the check rereads those, so the history must keep them.
	for at := int64(20_000); at <= 180_000; at += 20_000 {
		sim.AdvanceTo(at)
		id := at/20_000%5 + 1
		if err := sim.DoJSON(fmt.Sprintf(`{"op":"crash","node":%d}`, id)); err != nil {
			t.Fatal(err)
		}
		sim.Advance(3000)
		if err := sim.DoJSON(fmt.Sprintf(`{"op":"restart","node":%d}`, id)); err != nil {
			t.Fatal(err)
		}
	}
	sim.Advance(5000)
	total, kept := sim.Snapshot().Clients.Operations, len(cs.History(0))
	if kept*2 > total {
		t.Fatalf("the history holds %d of %d operations; want the judged ones dropped", kept, total)
	}
	v := cs.FinalVerdict()
	t.Logf("%d operations, %d kept, %d checked", total, kept, v.Checked)
	if v.Status != raftsim.StatusLinearizable || v.Checked < total/2 {
		t.Fatalf("verdict %s with %d of %d operations checked: %q", v.Status, v.Checked, total, v.Offending)
	}
}
