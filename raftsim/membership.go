package raftsim

import (
	"fmt"
	"github.com/tidwall/gjson"
	"slices"

	pb "go.etcd.io/raft/v3/raftpb"
)

// Membership changes, as etcdctl member add / promote / remove make them:
// each action is checked here the way etcd's server checks it, refused with
// etcd's message when it must be, and otherwise proposed by the leader as a
// raft configuration change (confchange.go): etcd's single-step one, or
// raft's joint consensus when the action or the run asks for it.

// maxMembers bounds the cluster: voters and learners together, as the
// picture's ring has room for.
const maxMembers = 9

// learnerReadyPercent is etcd's readyPercentThreshold: a learner can be
// promoted once its log holds 90% of the leader's.
const learnerReadyPercent = 0.9

// joint reads a membership action's optional "joint".
func (r *fieldReader) joint() bool {
	j := r.get("joint")
	switch {
	case r.err != nil || !j.Exists():
		return false
	case j.Type != gjson.True && j.Type != gjson.False:
		r.fail(`%s: "joint" must be true or false`, r.op)
		return false
	}
	return j.Bool()
}

// joint reports whether membership action a takes raft's joint consensus
// instead of etcd's single step.
func (s *Sim) joint(a *Action) bool { return a.Joint || s.cfg.ConfChange == ConfChangeJoint }

// addMember starts a new node with the next unused ID over an empty disk and
// has the leader propose adding it.
func (s *Sim) addMember(a *Action, joint bool) error {
	if a.As != MemberLearner && a.As != MemberVoter {
		return fmt.Errorf(`add-member: "as" must be "learner" or "voter", got %q`, a.As)
	}
	if a.Name != "" {
		if err := checkName(a.Name); err != nil {
			return fmt.Errorf("add-member: %v", err)
		}
		for _, n := range s.nodes {
			if s.name(n.id) == a.Name {
				return fmt.Errorf("add-member: %q already names node %d", a.Name, n.id)
			}
		}
	}
	l, err := s.reconfigurer(a.Op)
	if err != nil {
		return err
	}
	if members := s.memberCount(); members >= maxMembers {
		return fmt.Errorf("add-member: etcdserver: too many members: the cluster has %d voters and learners, the most it can have", members)
	}
	typ, change := pb.ConfChangeAddLearnerNode, ChangeAddLearner
	if a.As == MemberVoter {
		typ, change = pb.ConfChangeAddNode, ChangeAddVoter
		// The new voter is not started yet: it does not count.
		if err := s.strictReconfigCheck(a.Op, l, len(l.confState.GetVoters())+1, 0); err != nil {
			return err
		}
	}
	id := s.nodes[len(s.nodes)-1].id + 1 // IDs are never reused
	if err := s.proposeConfChange(l, typ, id, change, joint); err != nil {
		return err
	}
	s.startNewNode(id, a.Name, l)
	s.proposed(l, id, change)
	return nil
}

// promote has the leader propose making a learner a voter.
func (s *Sim) promote(id uint64, joint bool) error {
	n, l, err := s.memberAndLeader(ActPromote, id)
	if err != nil {
		return err
	}
	switch {
	case slices.Contains(l.confState.GetVoters(), id):
		return fmt.Errorf("promote: etcdserver: can only promote a learner member: %s is a voter already", s.name(id))
	case !slices.Contains(l.confState.GetLearners(), id):
		return fmt.Errorf("promote: etcdserver: member not found: %s is not in the configuration in force", s.name(id))
	}
	st := l.raftFullStatus()
	lead, learner := st.Progress[l.id].Match, st.Progress[id].Match
	if float64(learner) < float64(lead)*learnerReadyPercent {
		return fmt.Errorf("promote: etcdserver: can only promote a learner member which is in sync with leader (%s holds up to index %d of the leader's %d)",
			s.name(id), learner, lead)
	}
	// The learner about to vote counts among the started voters while it
	// runs (etcd counts it always: there, started means it once joined).
	started := 0
	if n.up() {
		started = 1
	}
	if err := s.strictReconfigCheck(ActPromote, l, len(l.confState.GetVoters())+1, started); err != nil {
		return err
	}
	if err := s.proposeConfChange(l, pb.ConfChangeAddNode, id, ChangePromote, joint); err != nil {
		return err
	}
	s.proposed(l, id, ChangePromote)
	return nil
}

// removeMember has the leader propose taking a member (the leader itself
// too) out of the cluster. The node stops once the change is applied.
func (s *Sim) removeMember(id uint64, joint bool) error {
	n, l, err := s.memberAndLeader(ActRemoveMember, id)
	if err != nil {
		return err
	}
	voters := l.confState.GetVoters()
	switch {
	case slices.Contains(voters, id) && len(voters) == 1:
		return fmt.Errorf("remove-member: %s is the last voter; a cluster cannot do without one", s.name(id))
	case slices.Contains(voters, id):
		// The voter leaving is not counted among the started ones either.
		leaving := 0
		if n.up() {
			leaving = -1
		}
		if err := s.strictReconfigCheck(ActRemoveMember, l, len(voters)-1, leaving); err != nil {
			return err
		}
	case !slices.Contains(l.confState.GetLearners(), id):
		return fmt.Errorf("remove-member: etcdserver: member not found: %s is not in the configuration in force", s.name(id))
	}
	if err := s.proposeConfChange(l, pb.ConfChangeRemoveNode, id, ChangeRemove, joint); err != nil {
		return err
	}
	s.proposed(l, id, ChangeRemove)
	return nil
}

// reconfigurer returns the leader, ready to propose a configuration change,
// or says why a change cannot be proposed now.
func (s *Sim) reconfigurer(op ActionOp) (*node, error) {
	l := s.leader()
	if l == nil {
		return nil, fmt.Errorf("%s: etcdserver: no leader: a membership change is proposed by the leader, and there is none now", op)
	}
	if l.paused {
		return nil, fmt.Errorf("%s: the leader, %s, is paused and takes no request", op, s.name(l.id))
	}
	if to := l.raftStatus().LeadTransferee; to != 0 {
		// raft drops every proposal until the transfer ends.
		return nil, fmt.Errorf("%s: %s is handing its leadership over to %s; a membership change waits until it is done", op, s.name(l.id), s.name(to))
	}
	if len(l.confState.GetVotersOutgoing()) > 0 {
		return nil, fmt.Errorf("%s: a membership change is in progress: the cluster is in joint consensus and has not left it yet", op)
	}
	// raft takes one configuration change at a time: until the leader has
	// applied the last one it accepted, it would drop a new one.
	if pending := l.pendingConfIndex(); pending > l.applied {
		if l.hasConfEntryAfter(l.applied) {
			return nil, fmt.Errorf("%s: a membership change is in progress: the leader has not applied it yet", op)
		}
		return nil, fmt.Errorf("%s: %s has just been elected and has applied its log up to index %d of %d; a membership change waits until it has",
			op, s.name(l.id), l.applied, pending)
	}
	return l, nil
}

// strictReconfigCheck is etcd's --strict-reconfig-check: a change of voters
// is refused when the started voters would be fewer than a quorum of the new
// voter set, for the cluster could then not commit anything. voters is the
// size of the new set; extra adjusts the count of started voters (the
// learner being promoted, the voter being removed).
func (s *Sim) strictReconfigCheck(op ActionOp, l *node, voters, extra int) error {
	started := extra
	for _, id := range l.confState.GetVoters() {
		if n := s.node(id); n != nil && n.up() {
			started++
		}
	}
	if quorum := voters/2 + 1; started < quorum {
		return fmt.Errorf("%s: etcdserver: re-configuration failed due to not enough started members (%d of the %d voters would be running, a quorum is %d)",
			op, started, voters, quorum)
	}
	return nil
}

// memberAndLeader returns node id, for an action that changes its
// membership, and the leader to propose the change, or says why there is no
// change to make.
func (s *Sim) memberAndLeader(op ActionOp, id uint64) (n, l *node, err error) {
	n = s.node(id)
	switch {
	case n == nil:
		return nil, nil, fmt.Errorf("%s: unknown node %d (%s)", op, id, DescribeNodeIDs(s.nodeIDs()))
	case n.removed:
		return nil, nil, fmt.Errorf("%s: %s", op, removedText(s.name(id)))
	}
	l, err = s.reconfigurer(op)
	return n, l, err
}

// votes reports whether node id is a voter in the configuration n applied
// (in either half of a joint one): raft lets only voters campaign and lead.
func (n *node) votes(id uint64) bool {
	return slices.Contains(n.confState.GetVoters(), id) || slices.Contains(n.confState.GetVotersOutgoing(), id)
}

// memberCount is how many nodes belong to the cluster or are joining it.
func (s *Sim) memberCount() int {
	count := 0
	for _, n := range s.nodes {
		if !n.removed {
			count++
		}
	}
	return count
}

// removedText is what an action on a removed node is told.
func removedText(name string) string { return name + " was removed from the cluster" }

// partition splits the network into groups that must cover every node still
// in the cluster; removed nodes are out of it.
func (s *Sim) partition(groups [][]uint64) error {
	var ids []uint64
	for _, n := range s.nodes {
		if !n.removed {
			ids = append(ids, n.id)
		}
	}
	for _, g := range groups {
		for _, id := range g {
			if n := s.node(id); n != nil && n.removed {
				return fmt.Errorf("partition: %s", removedText(s.name(id)))
			}
		}
	}
	return s.net.partition(groups, ids)
}
