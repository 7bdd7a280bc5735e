package main

import (
	"slices"
	"strings"
	"testing"

	"raftplay/raftsim"
)

// The console's member commands in the page: a learner is added, promoted
// once it has caught up and removed again, each answered as etcdctl answers,
// and member list follows.
func TestBrowserConsoleMembers(t *testing.T) {
	requireBrowser(t)
	tab := openPlayground(t, "seed=2&paused=true")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	answered := func(line, want string) {
		t.Helper()
		tab.do(`{"op":"console","line":"` + line + `"}`)
		tab.untilConsole(want, func(lines []string) bool {
			i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "$ etcdctl "+line+" ") })
			return i >= 0 && slices.ContainsFunc(lines[i+1:], func(l string) bool { return strings.HasPrefix(l, want) })
		})
	}
	answered("member add n6 --learner", "Member                6 added to cluster ")
	answered("member list", "6, started, n6, http://n6:2380, http://n6:2379, true")
	tab.advance(500)
	answered("member promote 6", "Member                6 promoted in cluster ")
	if s := tab.state(); !slices.Equal(s.Membership.Voters, []uint64{1, 2, 3, 4, 5, 6}) || s.Node(6).Member != raftsim.MemberVoter {
		t.Errorf("after member promote 6: voters %v, n6 is %s", s.Membership.Voters, s.Node(6).Member)
	}
	answered("member remove 6", "Member                6 removed from cluster ")
	answered("member remove 6", "Error: etcdserver: member not found")
	tab.advance(200) // a removed member runs on for ten ticks before it stops
	if s := tab.state(); s.Node(6).Member != raftsim.MemberRemoved || s.Node(6).Up {
		t.Errorf("after member remove 6, n6 is %s, up %v", s.Node(6).Member, s.Node(6).Up)
	}
}
