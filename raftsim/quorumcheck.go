package raftsim

import (
	"fmt"
	"slices"

	pb "go.etcd.io/raft/v3/raftpb"
)

// Election safety under a changing membership: a leader of term T must have
// been elected by a quorum of the configuration its log held, counted from
// the votes the network delivered to it: a majority of the voters and, in
// joint consensus, a majority of the outgoing voters too. Two quorums of one
// configuration always share a voter, which is why one vote per term is
// enough for one leader per term; the check catches a leader counted in by
// the wrong configuration.

// voteFact is a vote granted to candidate in term, delivered to it.
type voteFact struct{ term, candidate, voter uint64 }

// vote records a granted vote as it reaches its candidate.
func (c *checker) vote(term, candidate, voter uint64) {
	c.votes = append(c.votes, voteFact{term, candidate, voter})
}

// quorum checks that node id, now leading term under configuration conf,
// holds the votes of a quorum of it, its own included. The votes of term are
// dropped then, as a term has only one election to check, and so are those
// of candidates whose term (termOf) has moved past the vote's. The votes of an
// earlier term whose candidate is still in it stay: a candidate whose process
// paused may win that term when it runs again, with the votes delivered
// before and those that waited for it.
func (c *checker) quorum(term, id uint64, conf ConfView, termOf func(uint64) uint64) error {
	got := []uint64{id}
	for _, v := range c.votes {
		if v.term == term && v.candidate == id {
			got = append(got, v.voter)
		}
	}
	c.votes = slices.DeleteFunc(c.votes, func(v voteFact) bool { return v.term == term || termOf(v.candidate) > v.term })
	for _, voters := range [][]uint64{conf.Voters, conf.VotersOutgoing} {
		if len(voters) == 0 {
			continue
		}
		n := 0
		for _, v := range voters {
			if slices.Contains(got, v) {
				n++
			}
		}
		if n <= len(voters)/2 {
			return fmt.Errorf("%s leads term %d with the votes of %d of the voters %v, not a majority (configuration %s)",
				c.name(id), term, n, voters, conf.describe())
		}
	}
	return nil
}

// observeVote records a vote granted in a message about to reach its
// candidate.
func (s *Sim) observeVote(m *pb.Message) {
	if m.GetType() == pb.MsgVoteResp && !m.GetReject() {
		s.checker.vote(m.GetTerm(), m.GetTo(), m.GetFrom())
	}
}

// termOf is node id's current term as its last Ready said (0 for a node
// the run does not know).
func (s *Sim) termOf(id uint64) uint64 {
	if n := s.node(id); n != nil {
		return n.term
	}
	return 0
}
