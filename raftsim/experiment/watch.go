package experiment

import (
	pb "go.etcd.io/raft/v3/raftpb"

	"raftplay/raftsim"
)

// watch follows a trial through the event stream: who leads, when the
// leader last sent heartbeats, the round trips, and after the crash when a
// new leader is elected and first heard from.
type watch struct {
	leader   uint64
	lastBeat int64 // when the leader last sent a heartbeat

	crashed            uint64
	crashAt, electedAt int64
	heardAt            int64 // -1 until the new leader's first message lands
	newLeader, newTerm uint64

	inFlight map[uint64]sent     // by message ID
	beatAt   map[uint64]int64    // heartbeat delivery's send time, by follower
	voteAt   map[[2]uint64]int64 // vote request's send time, by (candidate, voter)

	heartbeatRTT, voteRTT Mean
}

// sent is what the watch keeps of a message until it lands.
type sent struct {
	from uint64
	typ  pb.MessageType
	at   int64
	term uint64
}

func newWatch() *watch {
	return &watch{
		lastBeat: -1, crashAt: -1, electedAt: -1, heardAt: -1,
		inFlight: map[uint64]sent{}, beatAt: map[uint64]int64{}, voteAt: map[[2]uint64]int64{},
	}
}

// crash notes that the leader went down at time at.
func (w *watch) crash(id uint64, at int64) {
	w.crashed, w.crashAt, w.leader = id, at, 0
}

func (w *watch) see(e raftsim.Event) {
	switch e.Kind {
	case raftsim.EvRole:
		// Leadership can pass before the crash too: with short timeouts a
		// follower may time out before a heartbeat lands.
		if e.Role == raftsim.RoleLeader {
			w.leader, w.lastBeat = e.Node, -1
		} else if e.Node == w.leader {
			w.leader, w.lastBeat = 0, -1
		}
	case raftsim.EvElected:
		if w.crashAt >= 0 && w.electedAt < 0 {
			w.electedAt, w.newLeader, w.newTerm = e.AtMs, e.Node, e.Term
		}
	case raftsim.EvSent:
		typ := e.MsgType.Raft()
		w.inFlight[e.Message] = sent{from: e.Node, typ: typ, at: e.AtMs, term: e.Term}
		if typ == pb.MsgHeartbeat && e.Node == w.leader {
			w.lastBeat = e.AtMs
		}
	case raftsim.EvDropped:
		delete(w.inFlight, e.Message)
	case raftsim.EvDelivered:
		m, ok := w.inFlight[e.Message]
		if !ok {
			return
		}
		delete(w.inFlight, e.Message)
		w.delivered(m, e.Node, e.AtMs)
	}
}

// delivered accounts for message m landing at node to at time at.
func (w *watch) delivered(m sent, to uint64, at int64) {
	switch m.typ {
	case pb.MsgHeartbeat:
		w.beatAt[to] = m.at
	case pb.MsgHeartbeatResp:
		if t, ok := w.beatAt[m.from]; ok {
			w.heartbeatRTT.add(float64(at - t))
			delete(w.beatAt, m.from)
		}
	case pb.MsgVote:
		w.voteAt[[2]uint64{m.from, to}] = m.at
	case pb.MsgVoteResp:
		if t, ok := w.voteAt[[2]uint64{to, m.from}]; ok {
			w.voteRTT.add(float64(at - t))
			delete(w.voteAt, [2]uint64{to, m.from})
		}
	}
	if w.heardAt < 0 && w.newLeader != 0 && m.from == w.newLeader && m.term == w.newTerm &&
		(m.typ == pb.MsgApp || m.typ == pb.MsgHeartbeat) {
		w.heardAt = at
	}
}

// Mean accumulates a mean; its JSON form carries a trial's round trips from
// a worker process to the one that sums them up.
type Mean struct {
	Sum float64 `json:"sum"`
	N   int     `json:"n"`
}

func (m *Mean) add(v float64) { m.Sum += v; m.N++ }

func (m *Mean) merge(o Mean) { m.Sum += o.Sum; m.N += o.N }

// Value is the mean, or 0 with nothing added.
func (m Mean) Value() float64 {
	if m.N == 0 {
		return 0
	}
	return m.Sum / float64(m.N)
}
