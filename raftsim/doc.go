// Package raftsim simulates a cluster of etcd Raft nodes on a virtual clock.
//
// Every node is a real go.etcd.io/raft/v3 RawNode over its own durable storage.
// The simulator owns everything around them: the virtual clock and its event
// queue, the network (each message in flight is an object with a send and a
// delivery time), the disks (syncs take virtual time; a crash loses what was not
// synced), a key-value state machine fed by committed entries, and a checker
// of Raft's safety properties that runs after every event. What talks to the
// cluster from outside is an App (app.go): the simulator tells it what each
// node applied and which ReadIndex answers came, and dispatches to it the
// actions that are its (put, console, stress, clients).
//
// A run is (Config, seed, action log). One seed drives every random choice,
// including raft's own election-timeout draws, so replaying the same actions at
// the same virtual times reproduces the run byte for byte, natively and in wasm.
//
// Membership changes (membership.go, confchange.go, confview.go) go
// through raft as etcd's server makes them, a v1 ConfChange applied in one
// step, or through raft's joint consensus when asked (conf_change "joint", an
// action's "joint": true); a leader sends a member it must catch up by
// snapshot the merged snapshot etcd sends (mergedsnap.go); a removed
// node stays in the snapshot's nodes with member "removed" and, ten ticks
// after its removal applies, stops for good (memberstop.go), and a
// node added whose change is not in force yet has member "joining" (a value
// the shared contract of the membership work did not list). Every reader
// names nodes with Snapshot.NodeName or Sim.NodeName, which know the names
// add-member gives.
//
// Every action (crash, partition, put, add-member, …) is one value in a
// registry, in a file of its own: act_crash.go, act_partition.go, … beside
// its table test (actionkind.go says what a kind holds). The kinds are in
// this package, not in a package of actions, because doing one reaches into
// what raftsim keeps unexported (its nodes, their RawNodes, the network, the
// clock): a package of actions would import raftsim while raftsim's parser
// and Do import it back, a cycle, unless raftsim exported its insides
// wholesale.
//
// Read it top-down: sim.go (the loop and the action API), node.go (the Ready
// contract), network.go, clock.go, app.go (the App's seam), then the checker
// and the views (snapshot.go, event.go); replay.go reproduces a run.
//
// Beside it: clients (the App: clients, workloads, their history and the
// etcdctl console), v2store (etcd's v2 key space, the nodes' state machine,
// and etcdctl's v2 command lines), v3store (etcd's v3 key space beside it:
// revisions, txns, leases, watches, and etcdctl's v3 commands and the v3
// JSON gateway; v3state.go and lessor.go apply it on the nodes), linearize (the clients' history checked with
// porcupine, plugged in through clients.HistoryChecker), runcodec (runs as
// share-link text), scenario (the stories), nemesis (fault campaigns) and
// experiment (the election experiment).
package raftsim
