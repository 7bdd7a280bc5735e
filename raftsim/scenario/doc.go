// Package scenario plays guided, narrated stories on a raftsim.Sim: the
// failure walk-throughs of etcd-play and the Raft walk-through of The Secret
// Lives of Data.
//
// A scenario is JSON: a name, a title, a config and steps. A step has a
// caption (the narration), actions at times relative to the step's start, an
// optional condition to run until (with a time limit), an optional minimum
// duration, and expectations checked when the step ends. Node fields in
// actions and conditions take a node ID, "leader" (the leader at that moment)
// or "$name" (a node remembered by an earlier step), so a story reads the way
// it is told: "the leader crashes", "the old leader comes back". A config
// may name the nodes ("names": ["A", "B", "C", "D", "E"], as The Secret Lives
// of Data calls them); the picture, the events, the console and the errors
// then call them so, and the captions must too (a test checks them).
//
// A Player drives the simulation through the steps: headless in one go
// (cmd/sim -scenario, the tests) or a frame at a time in the browser, where it
// stops at the end of every step. Back and jump replay the scenario from its
// start, which gives the same state every time because runs are deterministic.
package scenario
