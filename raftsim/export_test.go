package raftsim

import "math/rand/v2"

// What the external tests (package raftsim_test, which may import the
// subpackages that import raftsim, such as linearize) need of the inside.

// Rand is the simulation's own random stream, for tests whose faults are
// drawn from the run's seed.
func Rand(s *Sim) *rand.Rand { return s.rng }

// Others lists the node IDs 1 to 5 other than id, comma-separated.
var Others = others
