package linearize

import (
	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// NewSim builds a cluster from cfg with clients attached whose history this
// package judges: the simulation the playground, cmd/sim, the fault
// campaigns and the timeline's replays all run, so that their snapshots,
// verdict included, are the same bytes.
func NewSim(cfg raftsim.Config) (*raftsim.Sim, error) {
	sim, err := clients.New(cfg)
	if err != nil {
		return nil, err
	}
	clients.Of(sim).CheckHistoryWith(New)
	return sim, nil
}
