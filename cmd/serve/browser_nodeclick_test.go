package main

import (
	"math"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// nodeClick is where a click opens node id's menu in layout l at snap's
// moment: on the node, away from every message drawn over it. A message
// takes a click before the node under it (scene's hit test), and a paused
// page may hold one just sent at its sender's centre.
func nodeClick(l *scene.Layout, snap *raftsim.Snapshot, id uint64) scene.Point {
	c, _ := l.Node(id)
	placed := l.PlaceMessages(nil, snap, float64(snap.NowMs))
	free := func(p scene.Point) bool {
		_, hit := scene.MessageAt(placed, p, l.MessageR()+5*l.Scale)
		return !hit
	}
	if free(c) {
		return c
	}
	for r := 0.3; r <= 0.9; r += 0.3 {
		for a := 0.0; a < 2*math.Pi; a += math.Pi / 8 {
			p := scene.Point{X: c.X + r*l.NodeR*math.Cos(a), Y: c.Y + r*l.NodeR*math.Sin(a)}
			if free(p) {
				return p
			}
		}
	}
	return l.CaptionRect(id).Center()
}
