// Package nemesis runs seeded fault campaigns against the simulator, in the
// manner of Jepsen's nemesis: each seed draws a cluster size from 3 to 9 and
// a schedule of faults (crashes of up to a minority, crash-all, restarts,
// partitions of any shape, heals, message loss, dropped messages, leadership
// transfers, forced election time-outs, paused processes, stress and single
// writes: every fault an action registers, raftsim.Faults) and of
// membership changes (learners added and promoted, members removed, the
// leader too, voters added, crashed members replaced), while checking
// clients call in a safe read mode. When the faults stop, the network heals
// and every member restarts; after a quiet spell the run is judged: Raft's
// safety invariants, the linearizability of the clients' history, and
// convergence over the members in force (one leader that every member
// follows, no joint consensus left open, every member caught up, and members
// at the same applied index holding the same state).
//
// The campaign drives the simulator only through its exported action API, so
// the action log of a failing run, fed to cmd/sim -actions, replays it exactly.
// A separate mode adds lying disks, where failures are expected.
package nemesis
