package scene

import (
	"fmt"
	"strconv"
	"strings"

	"raftplay/raftsim"
)

// FormatSpeed renders a speed as a multiple of real time: "0.03×".
func FormatSpeed(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) + "×" }

// FormatMs renders virtual milliseconds with thousands grouped: "12 345 ms".
func FormatMs(ms int64) string { return FormatCount(ms) + " ms" }

// FormatCount renders a number with thousands grouped: "12 345".
func FormatCount(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// HUD is the text of the heads-up display.
type HUD struct {
	// Clock is the virtual time, speed and whether the run plays.
	Clock string
	// Cluster names the leader and its term, the seed and the partition.
	Cluster string
	// Invariants says that every safety property holds, or which one broke.
	Invariants string
	OK         bool
}

// NewHUD describes snap, shown while story is played (nil in free play):
// the clock stands still while a story waits, and the HUD says why.
func NewHUD(snap *raftsim.Snapshot, story *StoryView) HUD {
	state := "playing"
	if snap.Paused {
		state = "paused"
	}
	if w := story.Waiting(); w != "" {
		state = w
	}
	if snap.Manual {
		state = "manual: the clock and the network are held"
	}
	h := HUD{Clock: fmt.Sprintf("t = %s   speed %s   %s", FormatMs(snap.NowMs), FormatSpeed(snap.Speed), state)}
	if id := snap.Leader(); id != 0 {
		h.Cluster = fmt.Sprintf("leader %s, term %d", snap.NodeName(id), snap.Node(id).Term)
	} else {
		h.Cluster = "no leader"
	}
	// The members only: removed nodes are no longer part of the cluster.
	h.Cluster += fmt.Sprintf("   seed %d   %d nodes", snap.Seed, len(MemberIDs(snap)))
	if n := len(snap.Membership.Learners); n > 0 {
		h.Cluster += ", " + plural(n, "learner")
	}
	if len(snap.Partition) > 0 {
		h.Cluster += "   partition " + FormatGroups(snap.Partition, snap)
	}
	h.OK = snap.Invariants.OK
	if h.OK {
		h.Invariants = "all invariants hold"
	} else {
		v := snap.Invariants.Violations
		h.Invariants = fmt.Sprintf("%d invariant violation(s)", len(v))
		if len(v) > 0 {
			h.Invariants = fmt.Sprintf("BROKEN at %s: %s: %s", FormatMs(v[0].AtMs), v[0].Invariant, v[0].Detail)
		}
	}
	return h
}

// Namer names nodes: a snapshot, which knows the names members were added
// with, or a config, which knows the initial ones.
type Namer interface{ NodeName(id uint64) string }

// FormatGroups renders a partition as "{n1 n2} | {n3 n4 n5}", each node
// called what names calls it.
func FormatGroups(groups [][]uint64, names Namer) string {
	var b strings.Builder
	for i, g := range groups {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteByte('{')
		for j, id := range g {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(names.NodeName(id))
		}
		b.WriteByte('}')
	}
	return b.String()
}

// NodeCaption is the two lines under (or over) a node: its role, then its
// term and vote, or for a node raft halted, why.
func NodeCaption(n *raftsim.NodeView, names Namer) (role, detail string) {
	role = string(n.Role)
	switch {
	case n.Halted:
		role = "halted"
	case !n.Up:
		role = "down"
	case IsLearner(n):
		// A learner never campaigns: what it is matters more than its role.
		role = "learner"
	case n.Member == raftsim.MemberJoining:
		role = "joining"
	}
	detail = fmt.Sprintf("term %d", n.Term)
	if n.Vote != 0 {
		detail += " · voted " + names.NodeName(n.Vote)
	}
	if n.Paused {
		// Its role and term are what it knew when its process stopped.
		detail = fmt.Sprintf("paused, %d waiting · %s", n.Waiting, detail)
	}
	if n.HasReady {
		// Manual mode: raft waits for the user to hand this Ready over.
		detail = "Ready waiting · " + detail
	}
	if n.Halted {
		// Unlike a crash, raft stopped itself: say so where the term goes.
		detail = "raft panicked"
	}
	return role, detail
}

// TimerLeft is the fraction of a node's election timer still to run, 1 when
// it just reset and 0 when the node is about to campaign; for a leader it is
// the heartbeat timer. It is false for a node without a running timer.
func TimerLeft(n *raftsim.NodeView) (float64, bool) {
	if !n.Up || n.ElectionTimeoutMs <= 0 {
		return 0, false
	}
	return clamp01(1 - float64(n.ElectionElapsedMs)/float64(n.ElectionTimeoutMs)), true
}

// MessageLines describes a message for its details panel, in the terms of
// raftpb.Message.
func MessageLines(m *raftsim.MessageView) []string {
	dir := "request"
	if m.Response {
		dir = "response"
	}
	lines := []string{
		fmt.Sprintf("%s (%s)", m.Type, dir),
		fmt.Sprintf("from n%d → to n%d", m.From, m.To),
		fmt.Sprintf("term %d   index %d   log term %d", m.Term, m.Index, m.LogTerm),
		fmt.Sprintf("commit %d", m.Commit),
	}
	if m.Reject {
		lines = append(lines, "reject: true")
	}
	const shown = 5
	switch k := len(m.Entries); {
	case k == 0:
		lines = append(lines, "entries: none")
	case k > shown:
		lines = append(lines, fmt.Sprintf("entries (%d): %s, …", k, strings.Join(m.Entries[:shown], ", ")))
	default:
		lines = append(lines, fmt.Sprintf("entries (%d): %s", k, strings.Join(m.Entries, ", ")))
	}
	if m.Held {
		lines = append(lines, fmt.Sprintf("sent at %s, waits to be delivered by hand", FormatMs(m.SentMs)))
	} else {
		lines = append(lines, fmt.Sprintf("sent at %s, due at %s", FormatMs(m.SentMs), FormatMs(m.DeliverMs)))
	}
	if m.Stream != "" {
		lines = append(lines, StreamText(m.Stream)+" (etcd's rafthttp)")
	}
	return lines
}

// StreamText says which way of rafthttp a message takes: "on the msgappv2
// stream", "on the message stream" or "on the pipeline".
func StreamText(st raftsim.Stream) string {
	if st == raftsim.StreamPipeline {
		return "on the pipeline"
	}
	return "on the " + string(st) + " stream"
}
