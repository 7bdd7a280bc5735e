// Package timeline is time travel for a raftsim run: it keeps the run's past
// for display, marks what happened on it, gives the exact state of any
// earlier moment, forks the run at one, and exports the run as a test.
//
// It drives the simulator through its exported API only. RawNode's state
// cannot be copied, so there are two mechanisms (docs/design.md, "Time
// travel"):
//
//   - Frames: the live snapshots, kept at short intervals of virtual time
//     under a byte budget, make scrubbing instant. When the budget is spent,
//     every other frame goes and the interval doubles, so the frames always
//     reach back to the run's start, more coarsely the longer the run.
//   - Replays: StateAt and Fork rebuild a moment by deterministic replay of the
//     action log. StateAt replays in a scratch simulation its Builder makes
//     (judged.New, as cmd/sim builds its own), so the snapshot it returns is
//     byte for byte what cmd/sim prints for the same config, actions and
//     -for; Fork replays the live simulation itself, in slices a frame can
//     afford.
//
// A run is (config, action log), so a fork is the log cut at a moment: the
// run continues from there, and its share link, its replays and its action
// log agree.
package timeline
