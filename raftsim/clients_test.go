package raftsim_test

import (
	"raftplay/raftsim"
	"raftplay/raftsim/clients"
)

// The package's own tests write through clients, as users do (see
// raftsim.AttachClients).
func init() {
	raftsim.AttachClients = func(s *raftsim.Sim) { clients.Attach(s) }
}
