package raftsim

// ActRemoveMember takes a member out of the cluster; it stops for good
// (membership.go, memberstop.go).
const ActRemoveMember ActionOp = "remove-member"

func init() {
	register(&actionKind{
		op: ActRemoveMember, fields: "{node}", help: "take a member out of the cluster, the leader too; it stops for good ten ticks after its removal applies",
		parse: func(r *fieldReader, a *Action) { a.Node = r.id("node") },
		apply: func(s *Sim, a *Action) error { return s.removeMember(a.Node) },
		faults: []Fault{
			{Op: ActRemoveMember, Weight: 1, Draw: drawRemoveMember},
			{Op: ActRemoveMember, Weight: 1, Draw: drawReplace},
		},
	})
}

// drawRemoveMember removes any member, the leader included, down to the
// last voter, which the core refuses to remove, but not the leader of the
// last two voters (see removable).
func drawRemoveMember(d *FaultDraw) Action {
	ids := removable(d.Snap, d.Snap.Members())
	if len(ids) == 0 {
		return drawAddVoter(d)
	}
	return Action{Op: ActRemoveMember, Node: d.Pick(ids)}
}

// removable are the members of ms a campaign may remove: all but the
// leader when it is one of the last two voters. A removed leader steps down
// once it applies the change that leaves joint consensus, and never sends
// that entry's commit again; it runs on for ten ticks (as etcd's server
// does), which is enough when its last appends arrive in order, as they do
// over rafthttp's TCP streams. The simulated network reorders messages: the
// survivor can reject the append that carried the commit (it overtook one
// before it), and in the joint configuration it needs the old leader's vote,
// which the longer log of the stopped node would refuse anyway. The cluster
// would stay in joint consensus with no leader; seed 199 of the campaign
// finds it when the leader may be removed.
func removable(snap *Snapshot, ms []NodeView) []uint64 {
	var ids []uint64
	for _, n := range ms {
		if n.ID != snap.Leader() || len(snap.Membership.Voters) > 2 {
			ids = append(ids, n.ID)
		}
	}
	return ids
}

// drawReplace removes a crashed member and has a voter added in its place
// at the next turn; with none down it removes any member.
func drawReplace(d *FaultDraw) Action {
	var down []NodeView
	for _, n := range d.Snap.Members() {
		if !n.Up {
			down = append(down, n)
		}
	}
	ids := removable(d.Snap, down)
	if len(ids) == 0 {
		return drawRemoveMember(d)
	}
	voter := drawAddVoter(d)
	d.Then = &voter
	return Action{Op: ActRemoveMember, Node: d.Pick(ids)}
}
