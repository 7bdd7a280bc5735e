package nemesis

import (
	"fmt"
	"slices"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/v2store"
)

// Options shape a campaign's runs.
type Options struct {
	// Lying adds lying disks to the faults: disks that acknowledge writes
	// before they are durable, so a crash can lose acknowledged entries.
	// Raft cannot survive that; failures are expected in this mode.
	Lying bool
}

// The phases of a run, in virtual milliseconds: faults from firstFaultMs
// until a seeded end between faultsMinMs and faultsMinMs+faultsSpreadMs, then
// a quiet spell in which the cluster must converge.
const (
	firstFaultMs   = 300
	faultsMinMs    = 6000
	faultsSpreadMs = 8000
	quietMs        = 6000
	// caughtUpMs is how long before the end the commit index is taken that
	// every node must have applied by the end.
	caughtUpMs = 1000
	callers    = 3
)

// Outcome is what one seeded run found.
type Outcome struct {
	Seed  int64            `json:"seed"`
	Nodes int              `json:"nodes"`
	Read  v2store.ReadMode `json:"read"`
	Lying bool             `json:"lying,omitempty"`
	EndMs int64            `json:"end_ms"`
	// Operations is how many client calls the history holds; Checked how
	// many of them the linearizability check judged.
	Operations int `json:"operations"`
	Checked    int `json:"checked"`
	// MemberChanges is how many membership changes the core took (added,
	// promoted, removed); refused ones are not counted.
	MemberChanges int `json:"member_changes"`
	// Failures says, one line each, what went wrong; none for a good run.
	Failures []string `json:"failures,omitempty"`
	// Actions is the run's action log, kept only when it failed: fed to
	// cmd/sim -actions it replays the run.
	Actions []raftsim.ActionRecord `json:"actions,omitempty"`
}

// Failed reports whether the run found anything wrong.
func (o *Outcome) Failed() bool { return len(o.Failures) > 0 }

// Config is the simulator configuration of a seed's run.
func Config(seed int64, opt Options) raftsim.Config {
	cfg := raftsim.DefaultConfig()
	cfg.Seed, cfg.Nodes = seed, newDrawer(seed, opt.Lying).nodes
	if readMode(seed) == v2store.ReadLease {
		// raft's lease option is the nodes' own, set when they are built.
		cfg.ReadOnly = raftsim.ReadOnlyLeaseBased
	}
	return cfg
}

// Run runs one seed's campaign and judges it.
func Run(seed int64, opt Options) Outcome {
	d := newDrawer(seed, opt.Lying)
	cfg := Config(seed, opt)
	out := Outcome{Seed: seed, Nodes: cfg.Nodes, Read: readMode(seed), Lying: opt.Lying}
	sim, err := judged.New(cfg)
	if err != nil {
		out.Failures = []string{err.Error()}
		return out
	}
	cs := clients.Of(sim)
	if err := sim.Do(raftsim.Action{Op: raftsim.ActClients, Count: callers, Read: out.Read}); err != nil {
		out.Failures = []string{"clients refused: " + err.Error()}
		return out
	}
	faultsEnd := int64(faultsMinMs + d.rng.IntN(faultsSpreadMs))
	for t := int64(firstFaultMs); t < faultsEnd; t += int64(150 + d.rng.IntN(1000)) {
		sim.AdvanceTo(t)
		// A refused fault (a transfer with no leader, a heal with no
		// partition) changes nothing and is not logged; the run goes on.
		_ = sim.Do(d.next(sim.Snapshot()))
	}
	sim.AdvanceTo(faultsEnd)
	for _, a := range allClear(sim.Snapshot()) {
		_ = sim.Do(a)
	}
	out.EndMs = faultsEnd + quietMs
	sim.AdvanceTo(out.EndMs - caughtUpMs)
	committed := maxCommit(sim.Snapshot())
	sim.AdvanceTo(out.EndMs)
	v := cs.FinalVerdict()
	snap := sim.Snapshot()
	out.Operations, out.Checked = snap.Clients.Operations, v.Checked
	out.MemberChanges = memberChanges(sim.Actions())
	for _, viol := range snap.Invariants.Violations {
		out.Failures = append(out.Failures, fmt.Sprintf("invariant %s broke at %d ms: %s", viol.Invariant, viol.AtMs, viol.Detail))
	}
	if v.Status == raftsim.StatusNotLinearizable {
		out.Failures = append(out.Failures, v.Offending...)
	}
	out.Failures = append(out.Failures, converged(snap, committed)...)
	if out.Failed() {
		out.Actions = sim.Actions()
	}
	return out
}

// allClear ends the faults: the network heals and loses nothing, every node
// runs, unpaused, with an honest disk, and stress stops. Every paused node
// resumes, members or not: one the configuration in force does not hold yet
// (its addition on its way, or known only to a lagging node while no leader
// leads) may be a member once it commits, and would then stay behind.
func allClear(snap *raftsim.Snapshot) []raftsim.Action {
	acts := []raftsim.Action{{Op: raftsim.ActHeal}, {Op: raftsim.ActLoss, Rate: 0}}
	for _, n := range snap.Members() {
		if n.LyingDisk {
			acts = append(acts, raftsim.Action{Op: raftsim.ActLyingDisk, Node: n.ID})
		}
	}
	for _, n := range snap.Nodes {
		if n.Paused {
			acts = append(acts, raftsim.Action{Op: raftsim.ActResumeNode, Node: n.ID})
		}
	}
	return append(acts, raftsim.Action{Op: raftsim.ActRestartAll}, raftsim.Action{Op: raftsim.ActStress})
}

func maxCommit(snap *raftsim.Snapshot) uint64 {
	var c uint64
	for _, n := range snap.Nodes {
		c = max(c, n.Commit)
	}
	return c
}

// converged lists how the cluster, some time after the faults stopped, falls
// short of one leader that every member follows, every member having applied
// what was committed a while ago, and equal states at equal applied indexes.
// The members are those of the configuration in force, voters and learners:
// a removed node has stopped, and one whose addition never committed was
// never let in.
func converged(snap *raftsim.Snapshot, committed uint64) []string {
	var fails []string
	var leaders []uint64
	var inForce []raftsim.NodeView
	for _, n := range snap.Nodes {
		if slices.Contains(snap.Membership.Voters, n.ID) || slices.Contains(snap.Membership.Learners, n.ID) {
			inForce = append(inForce, n)
		}
		if n.Up && n.Role == raftsim.RoleLeader {
			leaders = append(leaders, n.ID)
		}
	}
	if len(leaders) != 1 {
		fails = append(fails, fmt.Sprintf("not converged: %d leaders %v after the faults stopped", len(leaders), leaders))
	}
	if len(snap.Membership.VotersOutgoing) > 0 {
		fails = append(fails, fmt.Sprintf("not converged: still in joint consensus (voters %v, outgoing %v) after the faults stopped", snap.Membership.Voters, snap.Membership.VotersOutgoing))
	}
	hashAt := map[uint64]raftsim.NodeView{}
	for _, n := range inForce {
		switch {
		case !n.Up:
			fails = append(fails, fmt.Sprintf("not converged: n%d is down after restart-all", n.ID))
			continue
		case len(leaders) == 1 && n.Lead != leaders[0]:
			fails = append(fails, fmt.Sprintf("not converged: n%d follows %d, not the leader n%d", n.ID, n.Lead, leaders[0]))
		case n.Applied < committed:
			fails = append(fails, fmt.Sprintf("not converged: n%d applied %d, behind index %d committed %d ms before", n.ID, n.Applied, committed, caughtUpMs))
		}
		if o, ok := hashAt[n.Applied]; ok && o.Hash != n.Hash {
			fails = append(fails, fmt.Sprintf("diverged: n%d and n%d applied %d but hold states %s and %s", o.ID, n.ID, n.Applied, o.Hash, n.Hash))
		}
		hashAt[n.Applied] = n
	}
	return fails
}
