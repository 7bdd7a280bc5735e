// Package control is what the page does with a run, between the simulator
// (raftsim) and the picture (render): it plays stories and raft's scripts on
// the simulator a step at a time (Stories), and travels the run's past,
// shows a moment of it and forks the run there (TimeTravel). It is pure Go,
// free of Ebiten and of the browser, so its drivers are tested natively;
// render turns input into calls here and draws the views they return.
package control
