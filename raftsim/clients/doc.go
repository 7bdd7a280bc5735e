// Package clients is the application the simulated cluster serves: etcd
// clients that call it, the workloads that keep them calling, the history of
// their operations that a linearizability checker judges, and the etcdctl
// console session. It plugs into the simulator as its raftsim.App, using
// only raftsim's exported API, as an application sits on etcd raft's Ready:
// the simulator tells it what each node applied and which ReadIndex answers
// came, and it proposes, reads and sets timers through the Sim.
//
// Read it top-down: clients.go (the App and its actions), client.go (one
// call's life: attempts, retries, answers), workload.go, history.go (what the
// checker judges) and console.go (etcdctl's command lines).
package clients
