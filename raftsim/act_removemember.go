package raftsim

// ActRemoveMember takes a member out of the cluster; it stops for good
// (membership.go, memberstop.go).
const ActRemoveMember ActionOp = "remove-member"

func init() {
	register(&actionKind{
		op: ActRemoveMember, fields: "{node, joint?}", help: "take a member out of the cluster, the leader too; it stops for good ten ticks after its removal applies (joint: as add-member)",
		parse: func(r *fieldReader, a *Action) { a.Node, a.Joint = r.id("node"), r.joint() },
		apply: func(s *Sim, a *Action) error { return s.removeMember(a.Node, s.joint(a)) },
		faults: []Fault{
			{Op: ActRemoveMember, Weight: 1, Draw: drawRemoveMember},
			{Op: ActRemoveMember, Weight: 1, Draw: drawReplace},
		},
	})
}

// drawRemoveMember removes any member, the leader included, down to the
// last voter, which the core refuses to remove. The leader of the last two
// voters may go too: its last appends reach the survivor in order on the
// msgappv2 stream, so the survivor learns that the entry leaving joint
// consensus committed. Only a fault beyond TCP can take that one append
// away (loss, as in seed 3781): the leader, stepping down on its removal
// (raft's StepDownOnRemoval, which etcd leaves off), sends it no more, and
// the survivor stays in joint consensus needing the stopped node's vote.
func drawRemoveMember(d *FaultDraw) Action {
	ids := d.MemberIDs()
	if len(ids) == 0 {
		return drawAddVoter(d)
	}
	return Action{Op: ActRemoveMember, Node: d.Pick(ids)}
}

// drawReplace removes a crashed member and has a voter added in its place
// at the next turn; with none down it removes any member.
func drawReplace(d *FaultDraw) Action {
	var ids []uint64
	for _, n := range d.Snap.Members() {
		if !n.Up {
			ids = append(ids, n.ID)
		}
	}
	if len(ids) == 0 {
		return drawRemoveMember(d)
	}
	voter := drawAddVoter(d)
	d.Then = &voter
	return Action{Op: ActRemoveMember, Node: d.Pick(ids)}
}
