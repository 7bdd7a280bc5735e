// Package experiment reproduces the election-time experiment of the Raft
// paper (Ongaro and Ousterhout, §9.3, Figure 16) on the simulator, with the
// real etcd raft library in every server.
//
// The paper's method: five servers; once a leader is established it crashes
// at a uniformly random point of its heartbeat interval (half the minimum
// election timeout); the time until the cluster has a leader again is
// measured, over 1000 trials per election-timeout range (the paper states
// a broadcast time of about 15 ms; see DefaultCalibration). Each trial here is its own simulation with a seed
// derived from the experiment's seed and the trial number, so a whole
// experiment is deterministic however its trials are spread: cmd/sim runs
// them in worker processes, a page between frames (Runner).
//
// etcd raft draws a follower's timeout uniformly from [ElectionTick,
// 2·ElectionTick) ticks, which is exactly the shape of the paper's lower
// graph (12–24, 25–50, ... 150–300 ms) when a tick is one millisecond.
// The experiment drives the simulator only through its exported API: a
// config, the crash action, and the event stream.
package experiment
