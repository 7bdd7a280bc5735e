// Package scene is everything the playground's picture and controls need that
// is not drawing: where each element goes for a screen size, which element is
// under a point, what a key, a click or a tap asks for, how far each message
// in flight has travelled, and what the panels say. It reads raftsim
// snapshots and produces raftsim actions; it never imports Ebiten, so all of
// it runs and is tested without a display. Package render draws what a Scene
// describes and feeds it input.
//
// Every coordinate is in device pixels; Layout.Scale (device pixels per CSS
// pixel) scales the sizes so the picture is crisp and equally large on HiDPI
// screens.
package scene
