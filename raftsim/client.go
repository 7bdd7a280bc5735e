package raftsim

import (
	"errors"
	"fmt"

	"go.etcd.io/raft/v3"
	pb "go.etcd.io/raft/v3/raftpb"
)

// request is a client write waiting for its outcome.
type request struct {
	id    uint64
	via   uint64
	key   string
	value string
}

// clients tracks the writes clients have sent and not yet heard back about.
type clients struct {
	nextID  uint64
	pending map[uint64]*request // looked up by ID only, never ranged over
}

// put proposes key=value through node via, as a client connected to via does;
// a follower forwards the proposal to its leader (MsgProp).
func (s *Sim) put(via uint64, key, value string) error {
	n := s.node(via)
	s.clients.nextID++
	r := &request{id: s.clients.nextID, via: via, key: key, value: value}
	data := command{request: r.id, key: key, value: value}.encode()
	err := n.raftPropose(data)
	if !n.up() {
		return fmt.Errorf("n%d halted while proposing", via)
	}
	if err != nil {
		reason := err.Error()
		if errors.Is(err, raft.ErrProposalDropped) {
			reason = "no leader known to accept it"
		}
		s.emit(Event{Kind: EvClient, Node: via, Text: fmt.Sprintf("client put %s=%s via n%d dropped: %s", key, value, via, reason)})
		return nil
	}
	s.clients.pending[r.id] = r
	s.clock.schedule(timer{at: s.clock.now + s.cfg.ClientTimeoutMs, kind: timerClientTimeout, id: r.id})
	n.pump()
	return nil
}

// applied reports a client's write as done when the node it was sent to
// applies it, which is when etcd answers its client.
func (c *clients) applied(s *Sim, n *node, e *pb.Entry, cmd command) {
	r := c.pending[cmd.request]
	if r == nil || r.via != n.id {
		return
	}
	delete(c.pending, r.id)
	s.emit(Event{Kind: EvClient, Node: n.id, Index: e.GetIndex(), Term: e.GetTerm(),
		Text: fmt.Sprintf("client put %s=%s via n%d applied at index %d", r.key, r.value, r.via, e.GetIndex())})
}

func (c *clients) expire(s *Sim, id uint64) {
	r := c.pending[id]
	if r == nil {
		return
	}
	delete(c.pending, id)
	s.emit(Event{Kind: EvClient, Node: r.via, Text: fmt.Sprintf("client put %s=%s via n%d timed out after %d ms (outcome unknown)", r.key, r.value, r.via, s.cfg.ClientTimeoutMs)})
}
