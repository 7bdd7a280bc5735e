package scene

import (
	"fmt"
	"math"
	"slices"

	"raftplay/raftsim"
)

// A node's details: what raft knows on that node at the moment shown (its
// hard state, indexes, the Ready waiting for the disk, a leader's view of
// each member) and the latest events concerning it. The panel opens from
// the node's menu or with j, and follows the snapshot the picture shows, so
// scrubbing the timeline shows the details of the past.

// detailsEvents is how many of a node's events its details list, room
// allowing.
const detailsEvents = 10

// DetailRow is one row of a node's details: a label and what it says.
type DetailRow struct{ Key, Text string }

// NodeDetails lists what raft knows about node n in snap, then events (the
// node's latest, oldest first).
func NodeDetails(snap *raftsim.Snapshot, n *raftsim.NodeView, events []raftsim.Event) []DetailRow {
	name := func(id uint64) string {
		if id == 0 {
			return "none"
		}
		return snap.NodeName(id)
	}
	rows := []DetailRow{
		{"raft", fmt.Sprintf("term %d, vote %s, lead %s%s", n.Term, name(n.Vote), name(n.Lead), timerText(n))},
		{"indexes", fmt.Sprintf("commit %d, applied %d", n.Commit, n.Applied)},
		{"log", fmt.Sprintf("first %d, last %d, durable %d", n.FirstIndex, n.LastIndex, n.DurableIndex)},
		{"snapshot", snapshotText(n)},
		{"Ready", readyText(n)},
	}
	if n.Revision > 0 {
		rows = append(rows, DetailRow{"v3", revisionText(n)})
	}
	rows = append(rows, handedRows(n)...)
	for _, p := range n.Progress {
		if p.ID != n.ID {
			rows = append(rows, DetailRow{name(p.ID), progressText(&p)})
		}
	}
	if len(events) == 0 {
		return append(rows, DetailRow{"events", "none kept up to this moment"})
	}
	for _, e := range events {
		rows = append(rows, DetailRow{FormatMs(e.AtMs), EventText(&e, snap)})
	}
	return rows
}

// timerText says how far the node's election timer (a leader's heartbeat
// timer) has run, as its ring draws it: in words too, since with reduced
// motion the ring shows no countdown. It is "" for a node with no timer
// running.
func timerText(n *raftsim.NodeView) string {
	if _, ok := TimerLeft(n); !ok {
		return ""
	}
	what := "election"
	if n.Role == raftsim.RoleLeader {
		what = "heartbeat"
	}
	return fmt.Sprintf(", %s timer %d/%d ms", what, n.ElectionElapsedMs, n.ElectionTimeoutMs)
}

// revisionText is the node's v3 revision and its last compaction's.
func revisionText(n *raftsim.NodeView) string {
	if n.CompactRevision == 0 {
		return fmt.Sprintf("revision %d, never compacted", n.Revision)
	}
	return fmt.Sprintf("revision %d, compacted at %d", n.Revision, n.CompactRevision)
}

func snapshotText(n *raftsim.NodeView) string {
	if n.SnapshotIndex == 0 {
		return "none yet"
	}
	return fmt.Sprintf("index %d, term %d", n.SnapshotIndex, n.SnapshotTerm)
}

// readyText says what the node's Ready in progress hands to the disk and
// what waits for it.
func readyText(n *raftsim.NodeView) string {
	rd := n.Syncing
	switch {
	case !n.Up:
		return "none: the node is down, its disk is what is left"
	case rd == nil && n.HasReady:
		return "raft has one to hand over (! in manual mode)"
	case rd == nil:
		return "none waiting for the disk"
	}
	what := ""
	switch {
	case rd.LastIndex > rd.FirstIndex:
		what = fmt.Sprintf("entries %d–%d", rd.FirstIndex, rd.LastIndex)
	case rd.LastIndex > 0:
		what = fmt.Sprintf("entry %d", rd.LastIndex)
	}
	if rd.SnapshotIndex > 0 {
		what = join(what, fmt.Sprintf("snapshot %d", rd.SnapshotIndex))
	}
	if rd.HardState {
		what = join(what, "hard state")
	}
	waiting := fmt.Sprintf("%d messages wait", rd.Messages)
	if rd.Messages == 1 {
		waiting = "1 message waits"
	}
	return fmt.Sprintf("%s syncing until %s; %s", what, FormatMs(rd.DoneMs), waiting)
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + " + " + b
}

// progressText is a leader's view of one member, what matters first.
func progressText(p *raftsim.ProgressView) string {
	s := fmt.Sprintf("match %d, next %d, %s", p.Match, p.Next, p.State)
	if p.State == "snapshot" {
		s += fmt.Sprintf(" %d", p.PendingSnapshot)
	}
	s += fmt.Sprintf(", %d in flight", p.Inflight)
	if !p.Active {
		return s + ", inactive"
	}
	return s + ", active"
}

// DetailsPanel lays out the details of node n at the stage's left, the
// message panel's opposite, between the HUD and the timeline strip, which
// stay in sight (the strip moves the moment shown). Where that is too low
// and the side panels lie under the strip (a phone), it reaches down over
// the strip and them. It is as tall as its room allows: the oldest events
// give way first, so the state always shows.
func (l *Layout) DetailsPanel(snap *raftsim.Snapshot, n *raftsim.NodeView, events []raftsim.Event, measure Measure) Panel {
	u := l.Scale
	role, detail := NodeCaption(n, snap)
	p := Panel{Title: fmt.Sprintf("%s  %s, %s: details", snap.NodeName(n.ID), role, detail)}
	p.Buttons = []Button{{Cmd: CmdDetails, Arg: int(n.ID), Label: "Close", Key: "Esc"}}
	state := len(NodeDetails(snap, n, nil)) - 1
	lineH := FontUI * u * LineH
	top := l.HUD.Bottom() + Pad*u/2
	fits := func(bottom float64) int { return int((bottom-top-3*Pad*u-l.btnH())/lineH) - 1 }
	room := fits(l.Time.Y - Pad*u/2)
	if sideUnder := max(l.Logs.Y, l.Events.Y) > l.Time.Y; room < state+len(events) && sideUnder {
		room = fits(l.H - Pad*u)
	}
	if keep := room - state; keep < len(events) {
		events = events[len(events)-max(keep, 0):]
	}
	rows := NodeDetails(snap, n, events)
	rows = rows[:min(len(rows), max(room, 1))]
	for _, r := range rows {
		p.Keys = append(p.Keys, r.Key)
		p.Lines = append(p.Lines, r.Text)
		p.KeyW = math.Max(p.KeyW, measure(r.Key, FontUI*u)+10*u)
	}
	return l.boxPanel(p, Point{l.Stage.X + Pad*u, top}, 0, measure)
}

// nodeEventsKept is how many events each node's details remember: more
// than the panel shows, so a moment a little in the past still has its ten.
const nodeEventsKept = 32

// NodeEvents keeps the latest events concerning each node: those on it and
// the messages it lost, as the event panel lists them while the run plays.
type NodeEvents struct {
	rings []nodeEventRing
}

type nodeEventRing struct {
	id    uint64
	buf   [nodeEventsKept]raftsim.Event
	total int
}

// Add records e for every node it concerns.
func (ne *NodeEvents) Add(e raftsim.Event) {
	if !Shown(&e, false) {
		return
	}
	ids := [...]uint64{e.Node, e.From, e.To}
	for i, id := range ids {
		if id == 0 || slices.Contains(ids[:i], id) {
			continue
		}
		r := ne.ring(id)
		r.buf[r.total%nodeEventsKept] = e
		r.total++
	}
}

func (ne *NodeEvents) ring(id uint64) *nodeEventRing {
	for i := range ne.rings {
		if ne.rings[i].id == id {
			return &ne.rings[i]
		}
	}
	ne.rings = append(ne.rings, nodeEventRing{id: id})
	return &ne.rings[len(ne.rings)-1]
}

// Latest returns up to k of node id's newest events at or before atMs,
// oldest first.
func (ne *NodeEvents) Latest(id uint64, atMs int64, k int) []raftsim.Event {
	var out []raftsim.Event
	for i := range ne.rings {
		r := &ne.rings[i]
		if r.id != id {
			continue
		}
		for j := r.total - 1; j >= max(0, r.total-nodeEventsKept) && len(out) < k; j-- {
			if e := r.buf[j%nodeEventsKept]; e.AtMs <= atMs {
				out = append(out, e)
			}
		}
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// Clear forgets every event, for a new run.
func (ne *NodeEvents) Clear() { ne.rings = ne.rings[:0] }

// detailsPanel is a node's details while they are open; they close when
// the node has left the cluster.
type detailsPanel struct {
	// node is the node whose details are open, or 0.
	node uint64
	// events are the latest events of each node, which the details list.
	events NodeEvents
}

func (*detailsPanel) placeName() string { return "details" }

// intent opens and closes a node's details: CmdDetails toggles
// those of the node it names (a button's Arg), or else of the selected
// node, closing its menu; Esc closes them when nothing the controller
// keeps is open above them, and a tap on empty ground closes them with the
// rest. It reports whether it handled in.
func (d *detailsPanel) intent(s *Scene, in Intent) ([]raftsim.Action, string, bool) {
	switch in.Cmd {
	case CmdDetails:
		id := uint64(in.Arg)
		if id == 0 {
			id = s.Controller.Selected
		}
		switch {
		case id == 0 && d.node != 0:
			d.node = 0
		case id == 0:
			return nil, "details: " + selectFirst(s.Snap.NodeIDs()), true
		case id == d.node:
			d.node = 0
		default:
			d.node, s.Controller.Selected = id, 0
		}
		return nil, "", true
	case CmdClose:
		c := &s.Controller
		if d.node == 0 || c.Help || c.Edit != nil || c.Message != 0 || c.Selected != 0 {
			return nil, "", false
		}
		d.node = 0
		return nil, "", true
	case CmdDismiss:
		d.node = 0
	}
	return nil, "", false
}

// Details returns the node whose details are open, or 0.
func (s *Scene) Details() uint64 { return panelOf[*detailsPanel](s).node }

func (d *detailsPanel) lay(s *Scene) (Panel, bool) {
	if d.node == 0 {
		return Panel{}, false
	}
	n := s.Snap.Node(d.node)
	if n == nil {
		d.node = 0
		return Panel{}, false
	}
	events := d.events.Latest(n.ID, s.Snap.NowMs, detailsEvents)
	return s.Layout.DetailsPanel(s.Snap, n, events, s.frame.measure), true
}

// panelText is what panel p says, line by line, as Placement.Details has it.
func panelText(p *Panel) []string {
	out := []string{p.Title}
	for i, line := range p.Lines {
		if i < len(p.Keys) {
			line = p.Keys[i] + "  " + line
		}
		out = append(out, line)
	}
	return out
}
