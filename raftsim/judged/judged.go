// Package judged builds the simulation every front end runs: a cluster with
// checking clients whose history porcupine judges (package linearize). The
// playground, cmd/sim, the fault campaigns and the timeline's replays all
// build theirs here, so that their snapshots, verdict included, are the same
// bytes.
package judged

import (
	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/linearize"
)

// New builds a cluster from cfg with clients attached whose history
// linearize judges.
func New(cfg raftsim.Config) (*raftsim.Sim, error) {
	sim, err := clients.New(cfg)
	if err != nil {
		return nil, err
	}
	clients.Of(sim).CheckHistoryWith(linearize.New)
	return sim, nil
}
