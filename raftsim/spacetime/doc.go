// Package spacetime keeps a run's recent messages as a space-time diagram
// (a message sequence chart): one lane per node, time running down, each
// message an arrow from its sender's lane at the time it was sent to its
// receiver's lane at the time it arrived, or to a cross where it was lost;
// crashes, restarts, partitions and heals are marks on the lanes.
//
// A Model follows a simulation through its event stream alone
// (raftsim.Sim.OnEvent): the sent, delivered and dropped events give the
// arrows, the crash, restart and action events the marks. Its memory is
// bounded: it keeps the arrows sent in the last KeepMs of virtual time, and
// at most MaxArrows of them (see Options). The diagram draws what Arrows and
// Marks return for the window it shows.
package spacetime
