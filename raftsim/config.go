package raftsim

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Config holds everything that shapes a run besides the seed and the actions.
// All durations are virtual milliseconds, the simulator's only unit of time.
type Config struct {
	// Nodes is the cluster size, 3 to 9. Node IDs are 1..Nodes.
	Nodes int `json:"nodes"`
	// Seed drives every random choice of the run.
	Seed int64 `json:"seed"`

	// TickMs is the interval of raft's logical clock (RawNode.Tick).
	TickMs int64 `json:"tick_ms"`
	// ElectionTicks is raft's ElectionTick: a follower campaigns after a
	// randomized timeout in [ElectionTicks, 2*ElectionTicks-1] ticks.
	ElectionTicks int `json:"election_ticks"`
	// HeartbeatTicks is raft's HeartbeatTick.
	HeartbeatTicks int `json:"heartbeat_ticks"`

	// LatencyMinMs and LatencyMaxMs bound the one-way latency of a message;
	// each message draws its own from the seed.
	LatencyMinMs int64 `json:"latency_min_ms"`
	LatencyMaxMs int64 `json:"latency_max_ms"`
	// DiskMinMs and DiskMaxMs bound how long a disk sync takes.
	DiskMinMs int64 `json:"disk_min_ms"`
	DiskMaxMs int64 `json:"disk_max_ms"`
	// SnapshotBytesPerMs is the bandwidth a MsgSnap is sent at: it takes
	// its bytes divided by this on top of the latency; 0 leaves bandwidth
	// out. Other messages are small enough for their latency alone.
	SnapshotBytesPerMs int64 `json:"snapshot_bytes_per_ms"`
	// LossRate is the probability that a message on any link is lost, from
	// the start of the run; the loss action changes it per link. A fault
	// beyond what TCP does (it resends what it loses): rafthttp's streams
	// lose messages only when their connection breaks.
	LossRate float64 `json:"loss_rate,omitempty"`
	// ClientTimeoutMs is how long a client waits for its write to be applied.
	ClientTimeoutMs int64 `json:"client_timeout_ms"`

	// PreVote and CheckQuorum are raft's options of the same names; etcd turns
	// both on by default, and so does DefaultConfig.
	PreVote     bool `json:"pre_vote"`
	CheckQuorum bool `json:"check_quorum"`

	// TimeoutSpreadTicks is a what-if, not etcd: above 0, raft's randomized
	// election timeout is drawn from [ElectionTicks, ElectionTicks +
	// TimeoutSpreadTicks) instead of etcd raft's [ElectionTicks,
	// 2*ElectionTicks), to show the Raft paper's narrow ranges (150-155 ms).
	TimeoutSpreadTicks int `json:"timeout_spread_ticks,omitempty"`

	// Names are the members' names, as etcd's --name gives them: Names[i]
	// names node i+1 wherever a node is named (the picture, events, the
	// console, errors). Empty means n1, n2, ...; a story may name its nodes
	// A to E, as The Secret Lives of Data does.
	Names []string `json:"names,omitempty"`

	// SnapshotCount is how often a node snapshots its state machine into
	// raft's storage and compacts its log: every SnapshotCount applied
	// entries; 0 never. etcd v3.7.3 does so every 100 applied entries
	// (memorySnapshotCount) and also writes a snapshot to disk every
	// --snapshot-count (10000); one knob plays both parts here.
	SnapshotCount int `json:"snapshot_count"`
	// SnapshotCatchUpEntries is etcd's SnapshotCatchUpEntries: how many
	// entries before the snapshot a compaction keeps, so a follower a little
	// behind still catches up from the log rather than by a snapshot.
	SnapshotCatchUpEntries int `json:"snapshot_catchup_entries"`

	// ConfChange is how an add-member, promote or remove-member action
	// without "joint" changes the membership: ConfChangeEtcd, a v1
	// ConfChange applied in one step as etcd's server proposes it, or
	// ConfChangeJoint, raft's ConfChangeV2 through joint consensus. The
	// console's member commands are etcdctl's and always take etcd's way.
	ConfChange string `json:"conf_change"`

	// ReadOnly is raft's ReadOnlyOption, set in every node's raft.Config as
	// etcd sets it, once, when the node is built: ReadOnlySafe (etcd's, a
	// ReadIndex waits for a heartbeat round with a quorum) or
	// ReadOnlyLeaseBased (raft's option, which etcd does not use: the leader
	// answers on its CheckQuorum lease). The checking clients' lease reads
	// need it.
	ReadOnly ReadOnlyOption `json:"read_only"`
}

// The ways a membership change goes through raft (Config.ConfChange).
const (
	// ConfChangeEtcd is etcd's server's way (server.go, AddMember,
	// PromoteMember, RemoveMember → configure): a raftpb.ConfChange, which
	// raft applies at once, without joint consensus.
	ConfChangeEtcd = "etcd"
	// ConfChangeJoint is raft's option, which etcd's server does not use: a
	// ConfChangeV2 with the implicit joint transition, entered when it
	// applies and left by the leader by itself.
	ConfChangeJoint = "joint"
)

// ReadOnlyOption is raft's ReadOnlyOption (Config.ReadOnly), by the name a
// config gives it.
type ReadOnlyOption string

// raft's read-only options, by the names raft gives them.
const (
	ReadOnlySafe       ReadOnlyOption = "safe"        // raft.ReadOnlySafe, etcd's
	ReadOnlyLeaseBased ReadOnlyOption = "lease_based" // raft.ReadOnlyLeaseBased, raft's option
)

// NodeName is what node id is called in this run: its name from Names, or
// "n" and its ID.
func (c Config) NodeName(id uint64) string {
	if id >= 1 && id <= uint64(len(c.Names)) {
		return c.Names[id-1]
	}
	if id < uint64(len(defaultNames)) {
		return defaultNames[id]
	}
	return "n" + strconv.FormatUint(id, 10)
}

// defaultNames holds n0..n9 so that drawing a frame formats no names.
var defaultNames = [...]string{"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9"}

// DefaultConfig returns the timing of the Raft paper and The Secret Lives of
// Data: election timeout 150-290 ms, heartbeat 50 ms, one-way latency 4-12 ms;
// a snapshot every 100 applied entries, as etcd's in-memory one, keeping 20
// entries (etcd's SnapshotCatchUpEntries is 5000) so compaction and
// catching up by snapshot show within a minute of stress.
func DefaultConfig() Config {
	return Config{
		Nodes:          5,
		Seed:           1,
		TickMs:         10,
		ElectionTicks:  15,
		HeartbeatTicks: 5,
		LatencyMinMs:   4,
		LatencyMaxMs:   12,
		DiskMinMs:      1,
		DiskMaxMs:      3,
		// 1000 bytes/ms (1 MB/s): a snapshot of a few hundred keys takes
		// tens of ms more than an append, which the diagram shows.
		SnapshotBytesPerMs: 1000,
		ClientTimeoutMs:    1000,
		PreVote:            true,
		CheckQuorum:        true,

		SnapshotCount:          100,
		SnapshotCatchUpEntries: 20,
		ConfChange:             ConfChangeEtcd,
		ReadOnly:               ReadOnlySafe,
	}
}

// Validate reports every field that is out of range, in one error.
func (c Config) Validate() error {
	var errs []string
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if c.Nodes < 3 || c.Nodes > 9 {
		bad("nodes must be 3 to 9, got %d", c.Nodes)
	}
	if c.TickMs < 1 {
		bad("tick_ms must be at least 1, got %d", c.TickMs)
	}
	if c.HeartbeatTicks < 1 {
		bad("heartbeat_ticks must be at least 1, got %d", c.HeartbeatTicks)
	}
	if c.ElectionTicks <= c.HeartbeatTicks {
		bad("election_ticks (%d) must be greater than heartbeat_ticks (%d)", c.ElectionTicks, c.HeartbeatTicks)
	}
	if c.TimeoutSpreadTicks < 0 || c.TimeoutSpreadTicks > c.ElectionTicks {
		bad("timeout_spread_ticks must be 0 (etcd's spread) to election_ticks (%d), got %d", c.ElectionTicks, c.TimeoutSpreadTicks)
	}
	if c.LatencyMinMs < 1 || c.LatencyMaxMs < c.LatencyMinMs {
		bad("latency must satisfy 1 <= latency_min_ms <= latency_max_ms, got %d..%d", c.LatencyMinMs, c.LatencyMaxMs)
	}
	if c.DiskMinMs < 0 || c.DiskMaxMs < c.DiskMinMs {
		bad("disk sync must satisfy 0 <= disk_min_ms <= disk_max_ms, got %d..%d", c.DiskMinMs, c.DiskMaxMs)
	}
	if c.SnapshotBytesPerMs < 0 {
		bad("snapshot_bytes_per_ms must be 0 (no limit) or more, got %d", c.SnapshotBytesPerMs)
	}
	if !(c.LossRate >= 0 && c.LossRate < 1) {
		bad("loss_rate must be at least 0 and below 1, got %v", c.LossRate)
	}
	if c.ClientTimeoutMs < 1 {
		bad("client_timeout_ms must be at least 1, got %d", c.ClientTimeoutMs)
	}
	if err := c.validateNames(); err != nil {
		bad("%v", err)
	}
	if c.SnapshotCount < 0 {
		bad("snapshot_count must be 0 (never) or more, got %d", c.SnapshotCount)
	}
	if c.SnapshotCatchUpEntries < 0 {
		bad("snapshot_catchup_entries must be 0 or more, got %d", c.SnapshotCatchUpEntries)
	}
	if c.ConfChange != ConfChangeEtcd && c.ConfChange != ConfChangeJoint {
		bad("conf_change must be %q (etcd's single-step change) or %q (raft's joint consensus), got %q", ConfChangeEtcd, ConfChangeJoint, c.ConfChange)
	}
	switch {
	case c.ReadOnly != ReadOnlySafe && c.ReadOnly != ReadOnlyLeaseBased:
		bad("read_only must be %q (etcd's ReadOnlySafe) or %q (raft's ReadOnlyLeaseBased), got %q", ReadOnlySafe, ReadOnlyLeaseBased, c.ReadOnly)
	case c.ReadOnly == ReadOnlyLeaseBased && !c.CheckQuorum:
		// raft refuses it: the lease is only as good as the leader's check
		// that it still has a quorum.
		bad("read_only %q needs check_quorum", ReadOnlyLeaseBased)
	}
	if len(errs) > 0 {
		return fmt.Errorf("invalid config: %s", strings.Join(errs, "; "))
	}
	return nil
}

// maxNameLen keeps a node's name as short as n1..n9, so that it fits where
// they do: inside the node's disc and the log strips' name column.
const maxNameLen = 2

// looksDefault reports whether name has the form nodes get when Names is
// empty ("n" and digits).
func looksDefault(name string) bool {
	_, err := strconv.ParseUint(strings.TrimPrefix(name, "n"), 10, 64)
	return strings.HasPrefix(name, "n") && err == nil
}

// validateNames checks that Names, when given, names every node once, each
// with a short word that no other node's default name could be mistaken for.
func (c Config) validateNames() error {
	if len(c.Names) == 0 {
		return nil
	}
	if len(c.Names) != c.Nodes {
		return fmt.Errorf("names must name all %d nodes, got %d", c.Nodes, len(c.Names))
	}
	seen := map[string]bool{}
	for i, n := range c.Names {
		if err := checkName(n); err != nil {
			return fmt.Errorf("names[%d]: %v", i, err)
		}
		if seen[n] {
			return fmt.Errorf("names[%d]: %q names two nodes", i, n)
		}
		seen[n] = true
	}
	return nil
}

// checkName says what is wrong with a node's name, or returns nil: it must be
// a short word that no other node's default name could be mistaken for.
func checkName(n string) error {
	if n == "" || len([]rune(n)) > maxNameLen || strings.IndexFunc(n, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) >= 0 {
		return fmt.Errorf("a name must be 1 to %d letters or digits, got %q", maxNameLen, n)
	}
	if looksDefault(n) {
		return fmt.Errorf("%q looks like another node's default name", n)
	}
	return nil
}
