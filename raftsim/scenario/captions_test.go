package scenario

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// A caption names what the picture shows by the end of its step. Three
// kinds of words are checked against the step's events and its snapshots
// at its start and its end:
//   - a message kind (MsgVote, MsgHeartbeat…) was sent or delivered in the
//     step, or is in flight at its end;
//   - a key in quotes ("much") is on some node's log at the step's start or
//     end, and one that the caption says commits ("cool" commits, "much" is
//     committed) is committed and applied on a majority at the end, so the
//     log strips and the key counts show it;
//   - a key the step throws away from a node's log (not compacted into a
//     snapshot) is named, in a sentence that names the node.
var (
	msgKinds  = regexp.MustCompile(`\bMsg[A-Z][A-Za-z]*\b`)
	quoted    = regexp.MustCompile(`"([^"]+)"`)
	commits   = regexp.MustCompile(`"([^"]+)" (?:commits|is committed)`)
	wordsOnly = regexp.MustCompile(`[A-Za-z]+`)
)

func TestCaptionsMatchThePicture(t *testing.T) {
	for _, name := range Builtins {
		t.Run(name, func(t *testing.T) {
			sc, err := Builtin(name)
			if err != nil {
				t.Fatal(err)
			}
			sim, err := clients.New(sc.Config)
			if err != nil {
				t.Fatal(err)
			}
			var events []raftsim.Event
			stop := sim.OnEvent(func(e raftsim.Event) { events = append(events, e) })
			defer stop()
			p, err := NewPlayer(sim, sc)
			if err != nil {
				t.Fatal(err)
			}
			start := sim.Snapshot()
			for k := range sc.Steps {
				if k > 0 {
					start = sim.Snapshot()
					events = events[:0]
					if err := p.Next(); err != nil {
						t.Fatal(err)
					}
				}
				p.Finish()
				end := sim.Snapshot()
				caption := sc.Steps[k].Caption
				for _, problem := range captionProblems(caption, start, end, events) {
					t.Errorf("step %d: %s\n  caption: %s", k+1, problem, caption)
				}
			}
		})
	}
}

// captionProblems returns what caption says that the step, from snapshot
// start to end with events between, does not show.
func captionProblems(caption string, start, end *raftsim.Snapshot, events []raftsim.Event) []string {
	var problems []string
	for _, kind := range msgKinds.FindAllString(caption, -1) {
		seen := slices.ContainsFunc(events, func(e raftsim.Event) bool {
			return (e.Kind == raftsim.EvSent || e.Kind == raftsim.EvDelivered) && e.MsgType.String() == kind
		}) || slices.ContainsFunc(end.Messages, func(m raftsim.MessageView) bool { return m.Type.String() == kind })
		if !seen {
			problems = append(problems, "names "+kind+", which is neither sent nor delivered in the step, nor in flight at its end")
		}
	}
	for _, m := range quoted.FindAllStringSubmatch(caption, -1) {
		if key := m[1]; onSomeLog(start, key) == "" && onSomeLog(end, key) == "" {
			problems = append(problems, `names "`+key+`", which no log holds at the step's start or end`)
		}
	}
	for _, m := range commits.FindAllStringSubmatch(caption, -1) {
		if n, majority := appliedOn(end, m[1]), len(end.Nodes)/2+1; n < majority {
			problems = append(problems, `says "`+m[1]+`" commits, but it is committed and applied on `+strconv.Itoa(n)+" nodes at the step's end, fewer than a majority")
		}
	}
	for i := range start.Nodes {
		before := &start.Nodes[i]
		after := end.Node(before.ID)
		for _, e := range before.Log {
			if after == nil || e.Index < after.FirstIndex || slices.ContainsFunc(after.Log, func(x raftsim.EntryView) bool { return x.Label == e.Label }) {
				continue
			}
			if node := end.NodeName(before.ID); !sentenceNames(caption, `"`+e.Label+`"`, node) {
				problems = append(problems, node+` loses "`+e.Label+`" in the step, and no sentence of the caption names both`)
			}
		}
	}
	return problems
}

// sentenceNames reports whether a sentence of caption holds text and names
// node (as a word, or with 's).
func sentenceNames(caption, text, node string) bool {
	for _, sentence := range strings.SplitAfter(caption, ". ") {
		if strings.Contains(sentence, text) && slices.ContainsFunc(wordsOnly.FindAllString(sentence, -1), func(w string) bool { return w == node }) {
			return true
		}
	}
	return false
}

// onSomeLog returns the name of a node whose log holds an entry labelled
// label in snap, or "".
func onSomeLog(snap *raftsim.Snapshot, label string) string {
	for _, n := range snap.Nodes {
		if slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == label }) {
			return snap.NodeName(n.ID)
		}
	}
	return ""
}

// appliedOn counts the running nodes that have an entry labelled label
// committed and applied in snap.
func appliedOn(snap *raftsim.Snapshot, label string) int {
	count := 0
	for _, n := range snap.Nodes {
		if n.Up && slices.ContainsFunc(n.Log, func(e raftsim.EntryView) bool { return e.Label == label && e.Committed && e.Index <= n.Applied }) {
			count++
		}
	}
	return count
}
