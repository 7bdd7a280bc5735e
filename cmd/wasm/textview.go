package main

import (
	"fmt"
	"strings"

	"raftplay/raftsim"
)

// clusterText is the cluster in words, for the text view beside the canvas
// that screen readers read: a summary, then a line per node.
type clusterText struct {
	Summary string
	Nodes   []string
}

// logTail is how many of a node's latest entries the text view names: a
// screen reader reads them all at each look, so the few that matter.
const logTail = 4

// describeCluster puts s in words: the time, who leads, what is cut off,
// and for each node its role, term, commit index and latest entries.
func describeCluster(s *raftsim.Snapshot) clusterText {
	var t clusterText
	sum := fmt.Sprintf("At %d ms: ", s.NowMs)
	if l := s.Leader(); l != 0 {
		sum += fmt.Sprintf("%s leads term %d.", s.NodeName(l), s.Node(l).Term)
	} else {
		sum += "no node leads."
	}
	var down []string
	for _, n := range s.Nodes {
		if !n.Up {
			down = append(down, s.NodeName(n.ID))
		}
	}
	if len(down) > 0 {
		sum += " Down: " + strings.Join(down, ", ") + "."
	}
	if len(s.Partition) > 0 {
		var groups []string
		for _, g := range s.Partition {
			var names []string
			for _, id := range g {
				names = append(names, s.NodeName(id))
			}
			groups = append(groups, "{"+strings.Join(names, ", ")+"}")
		}
		sum += " The network is partitioned into " + strings.Join(groups, " and ") + "."
	}
	sum += fmt.Sprintf(" %d messages in flight.", len(s.Messages))
	if !s.Invariants.OK {
		sum += " A safety property is broken."
	}
	t.Summary = sum
	for _, n := range s.Nodes {
		t.Nodes = append(t.Nodes, describeNode(s, &n))
	}
	return t
}

// describeNode is one node's line.
func describeNode(s *raftsim.Snapshot, n *raftsim.NodeView) string {
	role := n.Role
	if !n.Up {
		role = "down"
	}
	line := fmt.Sprintf("%s: %s, term %d", s.NodeName(n.ID), role, n.Term)
	if n.Member == raftsim.MemberLearner {
		line += ", a learner"
	}
	line += fmt.Sprintf("; log to index %d, committed to %d", n.LastIndex, n.Commit)
	var tail []string
	for i := max(0, len(n.Log)-logTail); i < len(n.Log); i++ {
		e := n.Log[i]
		what := e.Label
		if what == "·" {
			what = "a new leader's empty entry" // raftsim's label for it
		}
		state := "committed"
		if !e.Committed {
			state = "not committed"
		}
		tail = append(tail, fmt.Sprintf("%d %s (term %d, %s)", e.Index, what, e.Term, state))
	}
	if len(tail) > 0 {
		line += "; latest entries: " + strings.Join(tail, ", ")
	}
	return line + fmt.Sprintf("; %d keys.", n.Keys)
}

// text is the whole view as one string, to tell whether it changed.
func (t clusterText) text() string { return t.Summary + "\n" + strings.Join(t.Nodes, "\n") }
