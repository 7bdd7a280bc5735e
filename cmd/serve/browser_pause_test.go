package main

import (
	"math"
	"testing"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// A user pauses a follower with its digit and the , key: the canvas shows
// it under a pause sign. Its menu's Resume runs it again, and the sign goes.
func TestBrowserPauseNodeByKeyAndMenu(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=dark")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.pause()
	s := tab.state()
	id := uint64(1)
	if s.Leader() == id {
		id = 2
	}
	measure := goFontMeasure(t)
	l := viewLayout(measure, len(s.Nodes))
	th := &scene.Dark
	c, _ := l.Node(id)
	d := l.TimerR() * math.Sqrt2 / 2
	sign := c.Add(scene.Point{X: -d, Y: -d})
	signShown := func() bool {
		_, img := tab.screenshot()
		return near(pixel(img, sign), th.Warn, 30)
	}
	if signShown() {
		t.Fatalf("n%d shows a pause sign before it is paused", id)
	}

	tab.press(string(rune('0' + id)))
	tab.press(",")
	if n := tab.state().Node(id); !n.Paused || !n.Up {
		t.Fatalf("after its digit and , n%d is paused=%v, up=%v", id, n.Paused, n.Up)
	}
	if !signShown() {
		t.Errorf("paused n%d shows no pause sign at %v", id, sign)
	}

	tab.click(c)
	tab.clickItem(l.NodeMenu(id, tab.state(), measure), scene.CmdNodeAction, raftsim.ActResumeNode)
	if tab.state().Node(id).Paused {
		t.Fatalf("n%d is still paused after its menu's Resume", id)
	}
	if signShown() {
		t.Errorf("resumed n%d still shows a pause sign", id)
	}
}
