package raftsim

import "encoding/json"

// Snapshot is an immutable view of the whole simulation at one virtual instant:
// what the renderer draws, what window.raftplay.state() returns and what
// cmd/sim prints at the end of a run.
type Snapshot struct {
	// Generation is the Sim's run count (see Sim.Replay): it changes on
	// every reset and replay. It describes the Sim, not the run, so it is
	// left out of the JSON, which equal runs must give byte for byte.
	Generation uint64 `json:"-"`
	// Changes numbers the parts the picture draws, so a painter can tell
	// which changed since the Sim's previous snapshot; like Generation it
	// describes the Sim, not the run.
	Changes Changes `json:"-"`
	Seed    int64   `json:"seed"`
	NowMs   int64   `json:"now_ms"`
	Paused  bool    `json:"paused"`
	// Manual is set in manual mode: the clock and the network are held,
	// and every message waits on its link to be delivered by hand.
	Manual     bool            `json:"manual,omitempty"`
	Speed      float64         `json:"speed"`
	Config     Config          `json:"config"`
	Nodes      []NodeView      `json:"nodes"`
	Messages   []MessageView   `json:"messages"`
	Partition  [][]uint64      `json:"partition"`
	Invariants InvariantStatus `json:"invariants"`
	Clients    ClientsView     `json:"clients"`
	Actions    []ActionRecord  `json:"actions"`
	// Membership is the cluster's configuration in force: the leader's
	// applied one, or with no leader the one applied at the highest index
	// among running nodes.
	Membership ConfView `json:"membership"`
}

// ClientsView is the clients' side of the run, load and verdict, as the
// attached App (raftsim/clients) reports it.
type ClientsView struct {
	Stress bool `json:"stress"`
	// Workload is how many clients keep calling (stress writers included).
	Workload int `json:"workload"`
	// OpsPerSec is how many calls were answered successfully in the last
	// virtual second.
	OpsPerSec int `json:"ops_per_sec"`
	// Operations is how many calls the history holds.
	Operations   int     `json:"operations"`
	Linearizable Verdict `json:"linearizability"`
	// ConsoleReading is set while a console command (txn) reads the lines
	// typed after it.
	ConsoleReading bool `json:"console_reading,omitempty"`
}

// VerdictStatus is the linearizability check's judgement; its value is the
// verdict's JSON "status".
type VerdictStatus string

// The judgements a Verdict can give.
const (
	StatusNoOperations    VerdictStatus = "no operations"    // nothing checked yet
	StatusLinearizable    VerdictStatus = "linearizable"     // so far
	StatusNotLinearizable VerdictStatus = "not linearizable" // for good: a piece has no order
)

// Verdict is the linearizability check's judgement so far.
type Verdict struct {
	Status VerdictStatus `json:"status"`
	// Checked is how many operations have been judged.
	Checked int `json:"checked"`
	// Offending lists, for a history that is not linearizable, the
	// operations of the piece that cannot be ordered, in words.
	Offending []string `json:"offending,omitempty"`
}

// NodeView is one node as the snapshot shows it.
type NodeView struct {
	ID uint64 `json:"id"`
	Up bool   `json:"up"`
	// Halted is set when raft itself panicked on this node (for example on a
	// log that lost acknowledged entries); the node stays down until restarted.
	Halted bool `json:"halted,omitempty"`
	// LyingDisk is set while the node's disk acknowledges writes before
	// they are durable.
	LyingDisk bool `json:"lying_disk,omitempty"`
	// Paused is set while the node's process is paused (pause-node): up,
	// its state as it was, taking no CPU. Waiting counts the messages that
	// arrived for it meanwhile, which it handles when it resumes.
	Paused  bool `json:"paused,omitempty"`
	Waiting int  `json:"waiting,omitempty"`
	// Role is "follower", "pre-candidate", "candidate" or "leader"; "down" when
	// the node is crashed.
	Role      Role   `json:"role"`
	Term      uint64 `json:"term"`
	Vote      uint64 `json:"vote"`
	Lead      uint64 `json:"lead"`
	Commit    uint64 `json:"commit"`
	Applied   uint64 `json:"applied"`
	LastIndex uint64 `json:"last_index"`
	// DurableIndex is how far the log shown is on disk: entries after it
	// were handed to the disk (Syncing) or acknowledged by a lying one and
	// would be lost in a crash now.
	DurableIndex uint64 `json:"durable_index"`
	// Syncing is the Ready in progress, nil when the node waits for no sync.
	Syncing *ReadyView `json:"syncing,omitempty"`
	// HasReady is set in manual mode when raft has a Ready for the node to
	// hand over; Handed is the Ready it handed over last.
	HasReady bool             `json:"has_ready,omitempty"`
	Handed   *HandedReadyView `json:"handed,omitempty"`
	// ElectionElapsedMs and ElectionTimeoutMs are raft's own election timer
	// (electionElapsed and randomizedElectionTimeout, in ticks times TickMs):
	// the node campaigns when elapsed reaches timeout. For a leader they are its
	// heartbeat timer instead.
	ElectionElapsedMs int64       `json:"election_elapsed_ms"`
	ElectionTimeoutMs int64       `json:"election_timeout_ms"`
	Log               []EntryView `json:"log"`
	Keys              int         `json:"keys"`
	Hash              string      `json:"hash"`
	// Revision and CompactRevision are the node's v3 store's current
	// revision and the revision of its last compaction (0 before any);
	// both 0 while the v3 key space was never written (its revision is 1).
	Revision        int64 `json:"revision,omitempty"`
	CompactRevision int64 `json:"compact_revision,omitempty"`
	// SnapshotIndex and SnapshotTerm are those of the last snapshot on the
	// node's disk (0 before the first); FirstIndex is the first entry its
	// log still holds: those before it were compacted away.
	SnapshotIndex uint64 `json:"snapshot_index"`
	SnapshotTerm  uint64 `json:"snapshot_term"`
	FirstIndex    uint64 `json:"first_index"`
	// Progress is, on the leader, its view of each member (itself
	// included), in ID order.
	Progress []ProgressView `json:"progress,omitempty"`

	// Name is what the node is called (Snapshot.NodeName reads it).
	Name string `json:"name"`
	// Member is what the node is to the configuration in force: "voter",
	// "learner", "joining" (added, its change not in force yet) or
	// "removed" (stopped for good).
	Member MemberKind `json:"member"`
	// Conf is the configuration the node itself has applied, while it runs.
	Conf *ConfView `json:"conf,omitempty"`
}

// ReadyView is the Ready a node handed to its disk that is not synced yet.
// Raft's contract holds its messages back until the sync is done, and the
// node takes no new Ready meanwhile.
type ReadyView struct {
	// FirstIndex and LastIndex are the range of the entries it writes; both
	// 0 when it writes none.
	FirstIndex uint64 `json:"first_index,omitempty"`
	LastIndex  uint64 `json:"last_index,omitempty"`
	// HardState is set when it writes a new term, vote or commit index.
	HardState bool `json:"hard_state,omitempty"`
	// SnapshotIndex is the index of the snapshot it writes, 0 for none.
	SnapshotIndex uint64 `json:"snapshot_index,omitempty"`
	// Messages counts the messages waiting for the sync.
	Messages int `json:"messages"`
	// DoneMs is when the sync completes, in virtual ms.
	DoneMs int64 `json:"done_ms"`
}

// EntryView is one log entry of one node.
type EntryView struct {
	Index     uint64 `json:"index"`
	Term      uint64 `json:"term"`
	Label     string `json:"label"`
	Committed bool   `json:"committed"`
	// Durable is false for entries raft handed to the disk that are not synced yet.
	Durable bool `json:"durable"`
}

// MessageView is one message in flight.
type MessageView struct {
	ID      uint64   `json:"id"`
	From    uint64   `json:"from"`
	To      uint64   `json:"to"`
	Type    MsgType  `json:"type"`
	Term    uint64   `json:"term"`
	LogTerm uint64   `json:"log_term"`
	Index   uint64   `json:"index"`
	Commit  uint64   `json:"commit"`
	Reject  bool     `json:"reject,omitempty"`
	Entries []string `json:"entries,omitempty"`
	// Bytes is the size of the state a MsgSnap carries; its Index and
	// LogTerm are then the snapshot's index and term.
	Bytes int `json:"bytes,omitempty"`
	// Response is true for answers (append, heartbeat and vote responses).
	Response bool `json:"response,omitempty"`
	// Stream is the way the message travels: "msgappv2", "message" or
	// "pipeline", as etcd's rafthttp picks it.
	Stream    Stream `json:"stream"`
	SentMs    int64  `json:"sent_ms"`
	DeliverMs int64  `json:"deliver_ms"`
	// Held is set for a message sent in manual mode: it has no delivery
	// time (DeliverMs 0) and waits to be delivered by hand.
	Held bool `json:"held,omitempty"`
}

// InvariantStatus says whether every safety property has held so far.
type InvariantStatus struct {
	OK         bool        `json:"ok"`
	Violations []Violation `json:"violations"`
}

// Violation is one broken safety property.
type Violation struct {
	AtMs      int64  `json:"at_ms"`
	Invariant string `json:"invariant"`
	Detail    string `json:"detail"`
}

// JSON encodes the snapshot. Field order is fixed by the struct definitions and
// every slice is ordered, so equal runs give equal bytes.
func (s *Snapshot) JSON() []byte {
	b, err := json.Marshal(s)
	if err != nil {
		// Only plain values are encoded; this cannot fail.
		panic(err)
	}
	return b
}

// Leader returns the ID of the cluster's leader, or 0 when there is none: the
// running node in role leader with the highest term, the lower ID on a tie
// (the same rule the actions use).
func (s *Snapshot) Leader() uint64 {
	return leaderOf(s.Nodes, func(n NodeView) leaderCandidate {
		return leaderCandidate{id: n.ID, term: n.Term, leads: n.Up && n.Role == RoleLeader}
	})
}

// NodeIDs lists the nodes' raft IDs, in order.
func (s *Snapshot) NodeIDs() []uint64 {
	ids := make([]uint64, len(s.Nodes))
	for i, n := range s.Nodes {
		ids[i] = n.ID
	}
	return ids
}

// Node returns the view of node id, or nil.
func (s *Snapshot) Node(id uint64) *NodeView {
	for i := range s.Nodes {
		if s.Nodes[i].ID == id {
			return &s.Nodes[i]
		}
	}
	return nil
}

// Role is what a node is doing in raft, as snapshots and events name it:
// raft's StateType, and RoleDown for a node that is not running.
type Role string

// The roles, by the names snapshots and events give them.
const (
	RoleFollower     Role = "follower"
	RolePreCandidate Role = "pre-candidate"
	RoleCandidate    Role = "candidate"
	RoleLeader       Role = "leader"
	RoleDown         Role = "down"
)

// Roles lists every role, in the order a node goes through them.
var Roles = [...]Role{RoleFollower, RolePreCandidate, RoleCandidate, RoleLeader, RoleDown}
