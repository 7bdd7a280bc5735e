package raftsim

import "github.com/tidwall/gjson"

// ActAddMember has a new node join, as a learner or a voter (membership.go).
const ActAddMember ActionOp = "add-member"

func init() {
	register(&actionKind{
		op: ActAddMember, fields: "{as: learner/voter, name?, joint?}", help: "a new node with the next unused ID over an empty disk joins, as a learner or a voter; joint: through raft's joint consensus, which etcd's server does not use",
		parse: parseAddMember,
		apply: func(s *Sim, a *Action) error { return s.addMember(a, s.joint(a)) },
		faults: []Fault{
			{Op: ActAddMember, Weight: 1, Draw: drawAddLearner},
			{Op: ActAddMember, Weight: 1, Draw: drawAddVoter},
		},
	})
}

// parseAddMember reads add-member's fields: "as", and an optional "name".
func parseAddMember(r *fieldReader, a *Action) {
	as := r.get("as")
	if as.Type != gjson.String || (MemberKind(as.String()) != MemberLearner && MemberKind(as.String()) != MemberVoter) {
		r.fail(`add-member needs "as": "learner" or "voter"`)
		return
	}
	a.As = MemberKind(as.String())
	if name := r.get("name"); name.Exists() {
		if name.Type != gjson.String {
			r.fail(`add-member: "name" must be a string`)
			return
		}
		if err := checkName(name.String()); err != nil {
			r.fail("add-member: %v", err)
			return
		}
		a.Name = name.String()
	}
	a.Joint = r.joint()
}

// drawAddLearner adds a node as a learner.
func drawAddLearner(*FaultDraw) Action { return Action{Op: ActAddMember, As: MemberLearner} }

// drawAddVoter adds a node as a voter at once (etcdctl member add without
// --learner).
func drawAddVoter(*FaultDraw) Action { return Action{Op: ActAddMember, As: MemberVoter} }
