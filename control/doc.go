// Package control is what the page does with a run, between the simulator
// (raftsim) and the picture (render): it plays the live run on by each
// frame's time and does the picture's actions in order (PlayOn,
// DoInOrder), plays stories and raft's scripts on the simulator a step at a
// time (Stories), travels the run's past, showing a moment of it and
// forking the run there (TimeTravel), and runs the Raft paper's election
// experiment a frame's share at a time (Lab); it also paces the
// linearizability check of the clients' history across frames, measuring
// what its steps cost (Checker), and the events read aloud to a screen
// reader (LiveFeed). It is pure Go, free of Ebiten and of the browser, so
// its drivers are tested natively; render turns input into calls here and
// draws the views they return.
package control
