package scene

import (
	"math"
	"unicode"

	"raftplay/raftsim"
)

// membersMenuItems are the members menu's entries: etcdctl member add, with
// --learner or without. Their keys act while the menu is open.
var membersMenuItems = []toolSpec{
	{CmdAddLearner, "Add learner", "", "l"},
	{CmdAddVoter, "Add voter", "", "v"},
}

// MembersMenu lays out the cluster's members menu under the toolbar's
// Members button (at the stage's top left with a toolbar without one): the
// configuration in force, and items to add a member, disabled once the
// cluster has as many members as it may.
func (l *Layout) MembersMenu(snap *raftsim.Snapshot, measure Measure) Panel {
	u := l.Scale
	p := Panel{Title: "Members: " + MembershipLine(snap), Menu: true}
	full := len(snap.Membership.Voters)+len(snap.Membership.Learners) >= MaxMembers
	w := measure(p.Title, FontUI*u)
	for _, it := range membersMenuItems {
		w = math.Max(w, ButtonWidth(it.label, "", it.key, u, measure))
		p.Buttons = append(p.Buttons, Button{Cmd: it.cmd, Label: it.label, Key: it.key, Disabled: full})
	}
	lines := []string{"A node's menu promotes or removes it."}
	if full {
		lines = []string{"The cluster has the most members it may have."}
	}
	for _, line := range lines {
		p.Lines = append(p.Lines, Wrap(line, w, FontUI*u, measure)...)
	}
	p.Rect = Rect{X: l.Stage.X + Pad*u, Y: l.HUD.Bottom()}
	for _, b := range l.Buttons {
		if b.Cmd == CmdMembers {
			p.Rect.X, p.Rect.Y = b.Rect.X, b.Rect.Bottom()+buttonGap*u
		}
	}
	return l.stackMenu(p, w, measure)
}

// membersPanel is the members menu while it is open.
type membersPanel struct {
	open bool
}

func (*membersPanel) placeName() string { return "members" }

// intent handles the members menu's commands; it reports whether in was
// one of them.
func (m *membersPanel) intent(s *Scene, in Intent) ([]raftsim.Action, string, bool) {
	switch in.Cmd {
	case CmdMembers:
		m.open = !m.open
	case CmdAddLearner, CmdAddVoter:
		m.open = false
		as := raftsim.MemberLearner
		if in.Cmd == CmdAddVoter {
			as = raftsim.MemberVoter
		}
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActAddMember, As: as}}, "", true
	case CmdClose:
		if !m.open || s.Controller.Help {
			return nil, "", false
		}
		m.open = false
	case CmdDismiss:
		// A tap on empty ground closes the node menu too.
		m.open = false
		return nil, "", false
	default:
		return nil, "", false
	}
	return nil, "", true
}

// key handles a key while the members menu is open: its items' keys add a
// member, Esc closes it. It reports whether the key was taken.
func (m *membersPanel) key(s *Scene, r rune) ([]raftsim.Action, bool) {
	if !m.open || s.Controller.Help {
		return nil, false
	}
	for _, it := range membersMenuItems {
		if string(unicode.ToLower(r)) == it.key {
			return s.handle(Intent{Cmd: it.cmd}), true
		}
	}
	return nil, false
}

func (m *membersPanel) lay(s *Scene) (Panel, bool) {
	if !m.open {
		return Panel{}, false
	}
	return s.Layout.MembersMenu(s.Snap, s.frame.measure), true
}
