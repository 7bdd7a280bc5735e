package raftsim

import (
	"slices"
	"strings"

	"go.etcd.io/raft/v3/tracker"
)

// ProgressView is the leader's view of one member's replication, as raft's
// tracker keeps it (Status().Progress).
type ProgressView struct {
	ID uint64 `json:"id"`
	// Match is the highest index known to be in the member's log; Next the
	// index the leader sends from next.
	Match uint64 `json:"match"`
	Next  uint64 `json:"next"`
	// State is "probe" (finding where the logs agree, one message at a
	// time), "replicate" (streaming entries) or "snapshot" (waiting for a
	// snapshot to arrive).
	State string `json:"state"`
	// PendingSnapshot is the index of the snapshot sent, in state snapshot.
	PendingSnapshot uint64 `json:"pending_snapshot,omitempty"`
	// Inflight counts append messages sent and not yet acknowledged.
	Inflight int `json:"inflight"`
	// Active says the member was heard from within the last election timeout.
	Active bool `json:"active"`
}

// progressViews is the leader's view of every member, in ID order; nil when
// n does not lead.
func (n *node) progressViews() []ProgressView {
	st := n.raftFullStatus()
	if len(st.Progress) == 0 {
		return nil
	}
	ids := make([]uint64, 0, len(st.Progress))
	for id := range st.Progress {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	views := make([]ProgressView, len(ids))
	for i, id := range ids {
		pr := st.Progress[id]
		views[i] = ProgressView{ID: id, Match: pr.Match, Next: pr.Next, State: progressStateName(pr.State),
			Inflight: pr.Inflights.Count(), Active: pr.RecentActive}
		if pr.State == tracker.StateSnapshot {
			views[i].PendingSnapshot = pr.PendingSnapshot
		}
	}
	return views
}

// progressStateName is raft's progress state without its prefix: "probe",
// "replicate" or "snapshot".
func progressStateName(s tracker.StateType) string {
	return strings.ToLower(strings.TrimPrefix(s.String(), "State"))
}
