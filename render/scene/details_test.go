package scene

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// detailed is a cluster of five at 5 s: node 1 leads with a view of every
// member, node 2 waits on its disk for entries 41–42, node 5 is down; each
// node has had events events of its own, one every 100 ms up to 4.9 s.
func detailed(events int) (*raftsim.Snapshot, []raftsim.Event) {
	snap := cluster(5)
	snap.NowMs = 5000
	for i := range snap.Nodes {
		n := &snap.Nodes[i]
		n.Commit, n.Applied, n.LastIndex, n.DurableIndex, n.FirstIndex = 40, 40, 40, 40, 21
		n.SnapshotIndex, n.SnapshotTerm = 20, 1
	}
	ldr, f, down := &snap.Nodes[0], &snap.Nodes[1], &snap.Nodes[4]
	for id := uint64(1); id <= 5; id++ {
		p := raftsim.ProgressView{ID: id, Match: 40, Next: 41, State: "replicate", Active: true}
		switch id {
		case 2:
			p.Inflight = 2
		case 5:
			p.Match, p.Next, p.State, p.Active = 30, 31, "probe", false
		}
		ldr.Progress = append(ldr.Progress, p)
	}
	f.LastIndex, f.DurableIndex = 42, 40
	f.Syncing = &raftsim.ReadyView{FirstIndex: 41, LastIndex: 42, HardState: true, Messages: 1, DoneMs: 5002}
	down.Up, down.Role = false, raftsim.RoleDown
	var evs []raftsim.Event
	for i := range events {
		for id := uint64(1); id <= 5; id++ {
			at := int64(4900 - 100*(events-1-i))
			evs = append(evs, raftsim.Event{AtMs: at, Kind: raftsim.EvCommit, Node: id, Text: fmt.Sprintf("n%d commit %d", id, i)})
		}
	}
	return snap, evs
}

// rowText finds the row labelled key.
func rowText(rows []DetailRow, key string) string {
	for _, r := range rows {
		if r.Key == key {
			return r.Text
		}
	}
	return "(no row " + key + ")"
}

func TestNodeDetailsSayWhatRaftKnows(t *testing.T) {
	snap, _ := detailed(0)
	leader := NodeDetails(snap, snap.Node(1), nil)
	for key, want := range map[string]string{
		"raft":     "term 2, vote n1, lead n1, heartbeat timer 50/200 ms",
		"indexes":  "commit 40, applied 40",
		"log":      "first 21, last 40, durable 40",
		"snapshot": "index 20, term 1",
		"Ready":    "none waiting for the disk",
		"n2":       "match 40, next 41, replicate, 2 in flight, active",
		"n5":       "match 30, next 31, probe, 0 in flight, inactive",
		"events":   "none kept up to this moment",
	} {
		if got := rowText(leader, key); got != want {
			t.Errorf("leader's %s: %q, want %q", key, got, want)
		}
	}
	if got := rowText(leader, "n1"); !strings.HasPrefix(got, "(no row") {
		t.Errorf("the leader lists itself as a follower: %q", got)
	}
	follower := NodeDetails(snap, snap.Node(2), nil)
	if got, want := rowText(follower, "Ready"), "entries 41–42 + hard state syncing until 5 002 ms; 1 message waits"; got != want {
		t.Errorf("follower's Ready: %q, want %q", got, want)
	}
	if got, want := rowText(follower, "log"), "first 21, last 42, durable 40"; got != want {
		t.Errorf("follower's log: %q, want %q", got, want)
	}
	if got := rowText(NodeDetails(snap, snap.Node(5), nil), "Ready"); !strings.Contains(got, "down") {
		t.Errorf("a down node's Ready: %q", got)
	}
}

// The panel fits below the toolbar at a phone's, a small embed's and a
// laptop's size, lists every row of the state, and gives the events the
// room that is left, newest kept.
func TestDetailsPanelFits(t *testing.T) {
	for _, sc := range []struct {
		w, h, u    float64
		leastShown int
	}{{390, 844, 3, 10}, {640, 400, 1, 2}, {1280, 800, 1, 10}, {1280, 800, 2, 10}} {
		l := NewLayout(sc.w*sc.u, sc.h*sc.u, sc.u, 5, ControlsFull, measure)
		snap, evs := detailed(12)
		ne := &NodeEvents{}
		for _, e := range evs {
			ne.Add(e)
		}
		for _, id := range []uint64{1, 2} {
			events := ne.Latest(id, snap.NowMs, detailsEvents)
			p := l.DetailsPanel(snap, snap.Node(id), events, measure)
			name := fmt.Sprintf("%v×%v@%v node %d", sc.w, sc.h, sc.u, id)
			if !inside(p.Rect, l.below()) {
				t.Errorf("%s: panel %v leaves the screen below the toolbar %v", name, p.Rect, l.below())
			}
			if overlap(p.Rect, l.HUD) {
				t.Errorf("%s: panel %v covers the HUD %v", name, p.Rect, l.HUD)
			}
			if phone := sc.w < sc.h; overlap(p.Rect, l.Time) && !phone {
				t.Errorf("%s: panel %v covers the timeline strip %v", name, p.Rect, l.Time)
			}
			for _, b := range p.Buttons {
				if !inside(b.Rect, p.Rect) {
					t.Errorf("%s: button %q at %v is outside the panel %v", name, b.Label, b.Rect, p.Rect)
				}
			}
			if bottom := p.Body.Y + float64(len(p.Lines))*FontUI*sc.u*LineH; bottom > p.Buttons[0].Rect.Y {
				t.Errorf("%s: the lines reach %v, over the Close button at %v", name, bottom, p.Buttons[0].Rect.Y)
			}
			state := NodeDetails(snap, snap.Node(id), nil)
			state = state[:len(state)-1]
			for i, r := range state {
				if i >= len(p.Keys) || p.Keys[i] != r.Key || p.Lines[i] != r.Text {
					t.Errorf("%s: row %d is not %v: keys %q", name, i, r, p.Keys)
				}
			}
			shown := len(p.Lines) - len(state)
			if shown < min(sc.leastShown, detailsEvents) {
				t.Errorf("%s: %d events shown, want at least %d", name, shown, sc.leastShown)
			}
			if last := p.Lines[len(p.Lines)-1]; last != fmt.Sprintf("n%d commit 11", id) {
				t.Errorf("%s: the last row is %q, want the newest event", name, last)
			}
		}
	}
}

// Events are kept for each node they concern, once, and looked up as of a
// moment: a past moment shows the events up to it.
func TestNodeEventsAsOfAMoment(t *testing.T) {
	ne := &NodeEvents{}
	ne.Add(raftsim.Event{AtMs: 10, Kind: raftsim.EvDropped, Node: 1, From: 1, To: 2, Text: "dropped"})
	ne.Add(raftsim.Event{AtMs: 20, Kind: raftsim.EvSent, Node: 2, From: 2, To: 1, Text: "sent"})
	ne.Add(raftsim.Event{AtMs: 30, Kind: raftsim.EvElected, Node: 2, Text: "elected"})
	texts := func(evs []raftsim.Event) []string {
		var out []string
		for _, e := range evs {
			out = append(out, e.Text)
		}
		return out
	}
	if got := texts(ne.Latest(1, 100, 10)); !slices.Equal(got, []string{"dropped"}) {
		t.Errorf("node 1: %q", got)
	}
	if got := texts(ne.Latest(2, 100, 10)); !slices.Equal(got, []string{"dropped", "elected"}) {
		t.Errorf("node 2: %q (message traffic is left out, as the event panel does while the run plays)", got)
	}
	if got := texts(ne.Latest(2, 29, 10)); !slices.Equal(got, []string{"dropped"}) {
		t.Errorf("node 2 as of 29 ms: %q", got)
	}
	for i := range 2 * nodeEventsKept {
		ne.Add(raftsim.Event{AtMs: int64(100 + i), Kind: raftsim.EvCommit, Node: 3, Text: fmt.Sprint(i)})
	}
	if got := texts(ne.Latest(3, 1000, 3)); !slices.Equal(got, []string{"61", "62", "63"}) {
		t.Errorf("node 3's newest three: %q", got)
	}
}

// The details open from the node's menu and by key, show the snapshot the
// picture shows, and close by their button, by key, by Esc and by a tap
// on empty ground.
func TestDetailsOpenAndClose(t *testing.T) {
	snap, evs := detailed(3)
	s := New(&Dark, ControlsFull, measure)
	s.Resize(1280, 800, 1)
	s.Observe(snap, evs)
	s.Key('j')
	if n := s.Notices.List(); s.Details() != 0 || len(n) == 0 || !strings.Contains(n[len(n)-1].Text, "select a node first") {
		t.Fatalf("j with no node selected: details %d, notices %+v", s.Details(), n)
	}

	s.Key('2')
	var item Button
	for _, b := range s.OpenPanels()[len(s.OpenPanels())-1].Buttons {
		if b.Cmd == CmdDetails {
			item = b
		}
	}
	if item.Label != "Details" || item.Disabled {
		t.Fatalf("the menu of n2 has no Details item: %+v", item)
	}
	click(s, item.Rect.Center())
	if s.Details() != 2 || s.Controller.Selected != 0 {
		t.Fatalf("after Details in the menu: details %d, menu of %d", s.Details(), s.Controller.Selected)
	}
	p := s.Placement()
	if !slices.ContainsFunc(p.Panels, func(pp PanelPlace) bool { return pp.Name == "details" }) ||
		!slices.Contains(p.Details, "log  first 21, last 42, durable 40") || !slices.Contains(p.Details, "4 900 ms  n2 commit 2") {
		t.Fatalf("layout() of the details: %+v", p)
	}

	// A past moment: the details follow it, events after it left out.
	past, _ := detailed(0)
	past.NowMs = 4850
	past.Node(2).LastIndex = 39
	s.Observe(past, nil)
	text := strings.Join(s.Placement().Details, "\n")
	if !strings.Contains(text, "last 39") || strings.Contains(text, "n2 commit 2") || !strings.Contains(text, "n2 commit 1") {
		t.Errorf("details at 4.85 s:\n%s", text)
	}

	s.Key('j')
	if s.Details() != 0 {
		t.Errorf("j with no node selected leaves the details of %d open", s.Details())
	}
	s.Key('4')
	s.Key('j')
	if s.Details() != 4 {
		t.Fatalf("4 then j: details of %d", s.Details())
	}
	s.Key('1')
	s.Key(KeyEscape)
	if s.Details() != 4 || s.Controller.Selected != 0 {
		t.Errorf("Esc over the menu of n1 closes the menu first: details %d, menu %d", s.Details(), s.Controller.Selected)
	}
	s.Key(KeyEscape)
	if s.Details() != 0 {
		t.Errorf("a second Esc leaves the details of %d open", s.Details())
	}
	s.Key('3')
	s.Key('j')
	click(s, s.OpenPanels()[len(s.OpenPanels())-1].Buttons[0].Rect.Center())
	if s.Details() != 0 {
		t.Errorf("Close leaves the details of %d open", s.Details())
	}
	s.Key('3')
	s.Key('j')
	click(s, Point{640, 790})
	if s.Details() != 0 {
		t.Errorf("a tap on empty ground leaves the details of %d open", s.Details())
	}
}

func TestNodeDetailsShowTheV3Revision(t *testing.T) {
	snap, _ := detailed(0)
	if got := rowText(NodeDetails(snap, snap.Node(1), nil), "v3"); !strings.HasPrefix(got, "(no row") {
		t.Errorf("a node whose v3 key space was never written shows %q", got)
	}
	snap.Nodes[0].Revision = 7
	if got, want := rowText(NodeDetails(snap, snap.Node(1), nil), "v3"), "revision 7, never compacted"; got != want {
		t.Errorf("v3 row %q, want %q", got, want)
	}
	snap.Nodes[0].CompactRevision = 5
	if got, want := rowText(NodeDetails(snap, snap.Node(1), nil), "v3"), "revision 7, compacted at 5"; got != want {
		t.Errorf("v3 row %q, want %q", got, want)
	}
}
