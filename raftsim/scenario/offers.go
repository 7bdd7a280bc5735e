package scenario

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/tidwall/gjson"

	"raftplay/raftsim"
)

// Offer is an expectation a story's writer may give a step: a condition
// that holds at the step's end, as its JSON and in words.
type Offer struct {
	JSON  string `json:"json"`
	Words string `json:"words"`
}

// Offers lists the conditions that hold now, at the end of the current
// step, among those a writer would claim of what a step made happen: who
// leads (or that no node does), which nodes are down, the writes the step
// committed, equal hashes, the partition in force, a split vote and the
// safety properties. Each is checked here as the story will check it, so
// a step given any of them passes when it is played again.
func (p *Player) Offers() []Offer {
	w := p.observed()
	snap := w.snap
	var cands []string
	if l := snap.Leader(); l != 0 {
		cands = append(cands, fmt.Sprintf(`{"leader_is":%d}`, l))
	} else {
		cands = append(cands, `{"no_leader":true}`)
	}
	for _, n := range snap.Nodes {
		if n.Role == raftsim.RoleDown {
			cands = append(cands, fmt.Sprintf(`{"role":{"node":%d,"is":"down"}}`, n.ID))
		}
	}
	for _, label := range committedLabels(snap) {
		if p.startLabels[label] {
			continue
		}
		k := countNodes(snap, func(n raftsim.NodeView) bool {
			return slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == label && e.Committed })
		})
		l, _ := json.Marshal(label) // a string: cannot fail
		cands = append(cands, fmt.Sprintf(`{"committed_label":{"label":%s,"nodes":%d}}`, l, k))
	}
	cands = append(cands, `{"hashes_equal":true}`)
	if len(snap.Partition) > 0 {
		cands = append(cands, fmt.Sprintf(`{"snapshot":{"path":"partition","is":%s}}`, gjson.GetBytes(snap.JSON(), "partition").Raw))
	}
	cands = append(cands, `{"split_vote":true}`, `{"invariants_ok":true}`)

	var out []Offer
	for _, js := range cands {
		ps := &parser{cfg: p.sc.Config}
		c := ps.condition(gjson.Parse(js), "offer")
		if len(ps.errs) > 0 {
			continue
		}
		if ok, err := c.holds(w); ok && err == nil {
			out = append(out, Offer{JSON: js, Words: c.String()})
		}
	}
	return out
}

// unwritten are the labels raftsim's views give entries that write no
// value (raftsim's entryLabel): a new leader's empty entry, a
// configuration change, a TTL sync, a quorum read, an undecodable entry.
var unwritten = []string{"", "·", "conf", "sync", "QGET", "?"}

// committedLabels lists, in the order the logs hold them, the labels of
// the entries committed on some node that write a value: the writes the
// cluster has taken.
func committedLabels(s *raftsim.Snapshot) []string {
	var out []string
	for _, n := range s.Nodes {
		for _, e := range n.Log {
			if e.Committed && !slices.Contains(unwritten, e.Label) && !slices.Contains(out, e.Label) {
				out = append(out, e.Label)
			}
		}
	}
	return out
}
