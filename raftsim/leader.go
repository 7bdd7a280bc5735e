package raftsim

// The cluster's leader, defined once for the actions (who a put or a transfer
// goes to), the snapshot (what the picture crowns and stories test) and the
// checks built on both: the running node in role leader with the highest
// term. Two leaders of one term break election safety (the checker reports
// it); the lower ID is taken then, so every reader names the same node.

// leaderCandidate is what the rule needs to know about one node.
type leaderCandidate struct {
	id, term uint64
	leads    bool // up and in role leader
}

// leaderOf returns the ID of the leader among nodes, listed in ID order, or 0.
func leaderOf[N any](nodes []N, view func(N) leaderCandidate) uint64 {
	var best leaderCandidate
	for _, n := range nodes {
		if c := view(n); c.leads && (best.id == 0 || c.term > best.term) {
			best = c
		}
	}
	return best.id
}
