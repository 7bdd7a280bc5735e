package scene

import (
	"fmt"
	"strconv"

	"raftplay/raftsim"
)

// LeaderView is how the leader sees follower id, in words for its caption:
// "replicate, match 120", "probe, match 95, inactive", "snapshot 100 on
// its way"; with the appends in flight when there are any. It is "" when
// there is no leader, or for the leader itself.
func LeaderView(snap *raftsim.Snapshot, id uint64) string {
	l := snap.Leader()
	if l == 0 || l == id {
		return ""
	}
	for _, p := range snap.Node(l).Progress {
		if p.ID != id {
			continue
		}
		s := fmt.Sprintf("%s, match %d", p.State, p.Match)
		if p.State == "snapshot" {
			s = fmt.Sprintf("snapshot %d on its way", p.PendingSnapshot)
		}
		if p.Inflight > 0 {
			s += fmt.Sprintf(", %d in flight", p.Inflight)
		}
		if !p.Active {
			s += ", inactive"
		}
		return s
	}
	return ""
}

// FormatBytes renders a size in bytes briefly: "840 B", "12.5 kB".
func FormatBytes(n int) string {
	if n < 1000 {
		return strconv.Itoa(n) + " B"
	}
	return strconv.FormatFloat(float64(n)/1000, 'f', 1, 64) + " kB"
}
