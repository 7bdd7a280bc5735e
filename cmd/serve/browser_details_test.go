package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// detailsText is what the open details panel says, as layout() gives it.
func (t *tab) detailsText() []string {
	t.tb.Helper()
	return t.layout().Details
}

// wantDetails checks the details panel's text against node id of snap.
func wantDetails(t *testing.T, text []string, snap *raftsim.Snapshot, id uint64) {
	t.Helper()
	n, name := snap.Node(id), snap.Config.NodeName
	nameOr := func(id uint64) string {
		if id == 0 {
			return "none"
		}
		return name(id)
	}
	want := []string{
		fmt.Sprintf("raft  term %d, vote %s, lead %s", n.Term, nameOr(n.Vote), nameOr(n.Lead)),
		fmt.Sprintf("indexes  commit %d, applied %d", n.Commit, n.Applied),
		fmt.Sprintf("log  first %d, last %d, durable %d", n.FirstIndex, n.LastIndex, n.DurableIndex),
	}
	for _, p := range n.Progress {
		if p.ID != id {
			want = append(want, fmt.Sprintf("%s  match %d, next %d, %s", name(p.ID), p.Match, p.Next, p.State))
		}
	}
	if rd := n.Syncing; rd != nil {
		want = append(want, "syncing until "+scene.FormatMs(rd.DoneMs))
	}
	if len(text) == 0 || !strings.HasPrefix(text[0], name(id)+"  ") {
		t.Fatalf("the details of %s are not open: %q", name(id), text)
	}
	for _, w := range want {
		if !slices.ContainsFunc(text, func(line string) bool { return strings.Contains(line, w) }) {
			t.Errorf("the details of %s at %d ms lack %q:\n%s", name(id), snap.NowMs, w, strings.Join(text, "\n"))
		}
	}
}

// A node's details by mouse (its menu's Details) and by key (j), checked
// against state(); scrubbed back with seek(), they show the past moment.
func TestBrowserNodeDetails(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=dark")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	before := tab.advance(1000).NowMs
	tab.do(`{"op":"put","key":"a","value":"much"}`)
	s := tab.until("a committed write", budgetMs, electionStepMs, func(s *raftsim.Snapshot) bool {
		n := s.Node(s.Leader())
		return n != nil && n.Commit >= 2
	})
	tab.pause()
	s = tab.state()
	lead := s.Leader()

	measure := goFontMeasure(t)
	l := viewLayout(measure, len(s.Nodes))
	menu := l.NodeMenu(lead, s, measure)
	i := slices.IndexFunc(menu.Buttons, func(b scene.Button) bool { return b.Cmd == scene.CmdDetails })
	if i < 0 {
		t.Fatal("the node menu has no Details item")
	}
	tab.click(nodeClick(&l, s, lead))
	tab.click(menu.Buttons[i].Rect.Center())
	wantDetails(t, tab.detailsText(), s, lead)
	if _, img := tab.screenshot(); panelShown(img, &scene.Dark, tab.panel("details")) != nil {
		t.Errorf("the details panel is not on the canvas where layout() puts it: %v", panelShown(img, &scene.Dark, tab.panel("details")))
	}
	tab.saveShot("details-1280x800.png")

	tab.press(kb.Escape)
	if text := tab.detailsText(); text != nil {
		t.Fatalf("Esc leaves the details open: %q", text)
	}
	follower := lead%uint64(len(s.Nodes)) + 1
	tab.press(fmt.Sprint(follower))
	tab.press("j")
	wantDetails(t, tab.detailsText(), s, follower)

	// The details follow the moment shown.
	at := before - 1
	past := tab.snapshot("seek()", call[string](tab, "seek", at))
	tab.waitFrames(2)
	text := tab.detailsText()
	wantDetails(t, text, past, follower)
	events := 0
	for _, line := range text {
		ms, _, ok := strings.Cut(line, " ms  ")
		if !ok {
			continue
		}
		events++
		var at2 int64
		if _, err := fmt.Sscan(strings.ReplaceAll(ms, " ", ""), &at2); err != nil || at2 > at {
			t.Errorf("the details at %d ms list an event of %q", at, line)
		}
	}
	if events == 0 {
		t.Errorf("the details at %d ms list no events:\n%s", at, strings.Join(text, "\n"))
	}
}
