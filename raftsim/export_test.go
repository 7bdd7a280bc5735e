package raftsim

// What the external tests (package raftsim_test, which may import the
// subpackages that import raftsim, such as clients and linearize) need of
// the inside, and what the inside's tests need of them.

// AttachClients attaches raftsim/clients to a Sim. The package's own tests
// drive the cluster as its users do, through client writes, but cannot
// import raftsim/clients, which imports raftsim; the external tests, built
// into the same test binary, set this before any test runs (clients_test.go).
var AttachClients func(*Sim)

// Others lists the node IDs 1 to 5 other than id, comma-separated.
var Others = others
