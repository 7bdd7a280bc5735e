package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// memberLayout is the playground's layout of s's members in the default
// viewport, with the full toolbar.
func memberLayout(measure scene.Measure, s *raftsim.Snapshot) scene.Layout {
	ids := scene.MemberIDs(s)
	l := viewLayout(measure, len(ids))
	l.SetNodeIDs(ids)
	return l
}

// untilMember advances virtual time until node id is what member says, the
// change is done (no joint consensus) and a removed node has stopped, or
// the leader knows a member has caught up (its match reaches the leader's commit
// index), as a promotion needs.
func (t *tab) untilMember(id uint64, member raftsim.MemberKind) *raftsim.Snapshot {
	t.tb.Helper()
	return t.until(fmt.Sprintf("n%d %s", id, member), budgetMs, writeStepMs, func(s *raftsim.Snapshot) bool {
		n, lead := s.Node(id), s.Node(s.Leader())
		if n == nil || n.Member != member || lead == nil || s.Membership.Joint() {
			return false
		}
		if member == raftsim.MemberRemoved {
			return !n.Up // it stops ten ticks after its removal applies
		}
		i := slices.IndexFunc(lead.Progress, func(p raftsim.ProgressView) bool { return p.ID == id })
		return i >= 0 && lead.Progress[i].Match >= lead.Commit
	})
}

// untilJoint advances virtual time a millisecond at a time, within the
// page (a round trip to a page drawing a phone's screen takes seconds),
// until the cluster is in joint consensus, which lasts a round trip or two.
func (t *tab) untilJoint() *raftsim.Snapshot {
	t.tb.Helper()
	const budgetMs = 300
	s := t.snapshot("advance(1)…", eval[string](t, fmt.Sprintf(`(() => {
		let text = %[1]s.state();
		for (let i = 0; i < %[2]d && JSON.parse(text).membership.voters_outgoing.length == 0; i++) {
			text = %[1]s.advance(1);
		}
		return text;
	})()`, t.api, budgetMs)))
	if !s.Membership.Joint() {
		t.tb.Fatalf("joint consensus: not within %d virtual ms; the cluster: %s", budgetMs, describe(s))
	}
	return s
}

// placed lists the node IDs raftplay.layout() places.
func (t *tab) placed() []uint64 {
	t.tb.Helper()
	var ids []uint64
	for _, n := range t.layout().Nodes {
		ids = append(ids, n.ID)
	}
	return ids
}

// clickItem clicks the item of menu that does cmd, failing if it has none
// or it is disabled.
func (t *tab) clickItem(menu scene.Panel, cmd scene.Command, op raftsim.ActionOp) {
	t.tb.Helper()
	i := slices.IndexFunc(menu.Buttons, func(b scene.Button) bool { return b.Cmd == cmd && b.Op == op })
	if i < 0 || menu.Buttons[i].Disabled {
		t.tb.Fatalf("menu %q has no enabled item for command %d %s: %+v", menu.Title, cmd, op, menu.Buttons)
	}
	t.click(menu.Buttons[i].Rect.Center())
}

// A user adds a learner from the Members menu, promotes it from its node
// menu in a run that takes raft's joint consensus (conf_change=joint) while
// the joint configuration shows on the canvas, adds a voter
// through raftplay.do, removes a voter from its menu and adds a learner by
// keys; the ring and raftplay.layout() follow every change, and a refused
// change is reported.
func TestBrowserMembership(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=dark&conf_change=joint")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.pause()
	s := tab.state()
	measure := goFontMeasure(t)
	th := &scene.Dark

	// Members → Add learner.
	l := memberLayout(measure, s)
	i := slices.IndexFunc(l.Buttons, func(b scene.Button) bool { return b.Cmd == scene.CmdMembers })
	if i < 0 {
		t.Fatal("the toolbar has no Members button")
	}
	tab.click(l.Buttons[i].Rect.Center())
	tab.clickItem(l.MembersMenu(s, measure), scene.CmdAddLearner, "")
	s = tab.untilMember(6, raftsim.MemberLearner)
	if got := tab.placed(); !slices.Equal(got, []uint64{1, 2, 3, 4, 5, 6}) {
		t.Fatalf("after Add learner raftplay.layout() places %v; want n1…n6", got)
	}

	// n6's menu → Promote to voter; the joint configuration is drawn.
	l = memberLayout(measure, s)
	c, _ := l.Node(6)
	tab.click(c)
	tab.clickItem(l.NodeMenu(6, s, measure), scene.CmdNodeAction, raftsim.ActPromote)
	s = tab.untilJoint()
	j, _ := scene.JointOf(s)
	if j.Mark(6) != scene.VoterJoins {
		t.Errorf("joint consensus %+v does not bring n6 in", j)
	}
	box := l.JointBox(j, s.NodeName, measure)
	buf, img := tab.screenshot()
	saveArtifact(t, "members-joint-1280x800.png", buf)
	if err := panelShown(img, th, box.Rect); err != nil {
		t.Errorf("the joint consensus caption is not where the layout puts it (%v): %v", box.Rect, err)
	}
	tab.untilMember(6, raftsim.MemberVoter)

	// raftplay.do adds a voter; refusals come back as errors.
	tab.do(`{"op":"add-member","as":"voter"}`)
	tab.untilMember(7, raftsim.MemberVoter)
	if res := call[string](tab, "do", `{"op":"promote","node":7}`); !strings.Contains(res, `"ok":false`) {
		t.Errorf("promoting a voter: %s; want a refusal", res)
	}

	// n2's menu → Remove from cluster: n2 leaves the ring.
	s = tab.state()
	l = memberLayout(measure, s)
	c, _ = l.Node(2)
	tab.click(c)
	tab.clickItem(l.NodeMenu(2, s, measure), scene.CmdNodeAction, raftsim.ActRemoveMember)
	s = tab.untilMember(2, raftsim.MemberRemoved)
	if got := tab.placed(); !slices.Equal(got, []uint64{1, 3, 4, 5, 6, 7}) {
		t.Errorf("after removing n2 raftplay.layout() places %v", got)
	}
	if n := s.Node(2); n.Up {
		t.Errorf("the removed n2 still runs: %+v", n)
	}

	// Keys: q opens the Members menu, l adds a learner.
	tab.press("q")
	tab.press("l")
	tab.untilMember(8, raftsim.MemberLearner)
	if got := tab.placed(); !slices.Equal(got, []uint64{1, 3, 4, 5, 6, 7, 8}) {
		t.Errorf("after q l raftplay.layout() places %v", got)
	}
	buf, _ = tab.screenshot()
	saveArtifact(t, "members-7-1280x800.png", buf)

	// While the run is paused a second change waits on the first: the
	// refusal is shown, as every refused action is.
	tab.press("q")
	tab.press("v")
	tab.press("q")
	tab.press("v")
	tab.waitConsole(10*time.Second, "raftplay: ", "add-member: a membership change is in progress")
}

// Screenshots of a cluster grown to seven members, one a learner, and of
// raft's joint consensus while a voter is removed through it, at a phone's size and at a
// blog embed's with the minimal toolbar, land in the artifacts folder.
func TestBrowserMembershipScreenshots(t *testing.T) {
	requireBrowser(t)
	for _, v := range []struct {
		view  viewport
		query string
	}{
		{viewport{390, 844, 3}, "theme=dark"},
		{viewport{640, 400, 1}, "theme=light&controls=minimal"},
	} {
		name := fmt.Sprintf("%dx%d@%v", v.view.w, v.view.h, v.view.scale)
		t.Run(name, func(t *testing.T) {
			// Few round trips: a page drawing a phone's screen at scale 3
			// answers slowly.
			tab := openLed(t, v.view, v.query)
			tab.do(`{"op":"add-member","as":"voter"}`)
			tab.untilMember(6, raftsim.MemberVoter)
			tab.do(`{"op":"add-member","as":"learner"}`)
			tab.untilMember(7, raftsim.MemberLearner)
			if got := tab.placed(); len(got) != 7 {
				t.Errorf("raftplay.layout() places %v; want seven members", got)
			}
			buf, _ := tab.screenshot()
			saveArtifact(t, "members-7-"+name+".png", buf)
			tab.do(`{"op":"remove-member","node":2,"joint":true}`)
			tab.untilJoint()
			buf, _ = tab.screenshot()
			saveArtifact(t, "members-joint-"+name+".png", buf)
		})
	}
}
