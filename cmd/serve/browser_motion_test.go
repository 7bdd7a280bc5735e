package main

import (
	"encoding/json"
	"image"
	"math"
	"strings"
	"testing"
	"time"

	"raftplay/render/scene"
)

// clusterNow is state() without what moves on by itself as virtual time
// passes (the clock, the election timers, the clients' check): two equal
// ones mean nothing happened in the cluster between them.
func (t *tab) clusterNow() (string, int) {
	t.tb.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(eval[string](t, t.api+".state()")), &v); err != nil {
		t.tb.Fatal(err)
	}
	delete(v, "now_ms")
	delete(v, "clients")
	for _, n := range v["nodes"].([]any) {
		delete(n.(map[string]any), "election_elapsed_ms")
	}
	msgs, _ := v["messages"].([]any)
	b, _ := json.Marshal(v)
	return string(b), len(msgs)
}

// movedPixels counts the pixels that differ between a and b on the stage
// outside every panel and every node with its timer arc and captions (the
// arcs run down with time, by design): where only messages are drawn.
func movedPixels(a, b image.Image, p scene.Placement) int {
	moved := 0
	bounds := a.Bounds()
outer:
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			pt := scene.Point{X: float64(x) + 0.5, Y: float64(y) + 0.5}
			for _, pn := range p.Panels {
				if (scene.Rect{X: pn.X, Y: pn.Y, W: pn.W, H: pn.H}).Contains(pt) {
					continue outer
				}
			}
			for _, n := range p.Nodes {
				// The disc, its arc and its captions above and below.
				if math.Abs(pt.X-n.X) < 2.2*n.R+40 && math.Abs(pt.Y-n.Y) < 2.6*n.R {
					continue outer
				}
			}
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 {
				moved++
			}
		}
	}
	return moved
}

// stillFrames looks, in a paused run moved on a millisecond at a time, for
// two frames with messages in flight and nothing changed in the cluster
// between them, and returns how many pixels of the messages' ground differ
// between the frames.
func stillFrames(t *testing.T, tab *tab) int {
	t.Helper()
	p := tab.layout()
	for range 500 {
		before, inFlight := tab.clusterNow()
		if inFlight == 0 {
			tab.advance(1)
			continue
		}
		_, a := tab.screenshot()
		tab.advance(1)
		_, b := tab.screenshot()
		if after, _ := tab.clusterNow(); after != before {
			continue // something happened between: not the pair sought
		}
		return movedPixels(a, b, p)
	}
	t.Fatal("found no two frames with messages in flight and nothing happening between them")
	return 0
}

// With motion=reduced a message is a still mark: between two frames a
// virtual millisecond apart with nothing sent, delivered or lost, no pixel
// where messages are drawn changes. With motion=full the same look finds
// them sliding, so the look can tell.
func TestBrowserReducedMotionKeepsMessagesStill(t *testing.T) {
	requireBrowser(t)
	for _, tc := range []struct {
		motion string
		still  bool
	}{{"reduced", true}, {"full", false}} {
		tab := openURL(t, browser.server.URL+"/?seed=7&theme=dark&paused=true&panels=none&motion="+tc.motion, ownAPI, defaultView)
		tab.until("a leader", budgetMs, electionStepMs, hasLeader)
		moved := stillFrames(t, tab)
		t.Logf("motion=%s: %d pixels changed where messages are drawn", tc.motion, moved)
		if tc.still && moved > 0 {
			t.Errorf("motion=%s: %d pixels changed where messages are drawn, with nothing changed in the cluster", tc.motion, moved)
		}
		if !tc.still && moved == 0 {
			t.Errorf("motion=%s: no message moved between two frames; the look cannot tell still from sliding", tc.motion)
		}
		if tc.still {
			tab.saveShot("motion-reduced.png")
		}
		tab.close()
	}
}

// The cluster in words, beside the canvas for screen readers, follows the
// cluster: it names the leader, and a node crashed and a partition made
// show in it.
func TestBrowserTextViewFollowsTheCluster(t *testing.T) {
	tab := openPlayground(t, "scenario=partition&step=2&theme=dark")
	text := func() string {
		return eval[string](tab, `document.getElementById("raftplay-cluster")?.innerText ?? ""`)
	}
	tab.pollFor("the text view to name A as leader", `(document.getElementById("raftplay-cluster")?.textContent ?? "").includes("A leads term 1")`, 10*time.Second)
	if got := text(); !strings.Contains(got, "E: follower, term 1") {
		t.Errorf("the text view says %q, want a line per node", got)
	}
	tab.do(`{"op":"crash","node":5}`)
	tab.do(`{"op":"partition","groups":[[1,2],[3,4,5]]}`)
	tab.pollFor("the text view to say E is down and the network is cut", `(document.getElementById("raftplay-cluster")?.textContent ?? "").includes("Down: E.") && (document.getElementById("raftplay-cluster")?.textContent ?? "").includes("partitioned into {A, B} and {C, D, E}")`, 10*time.Second)
	if got := eval[string](tab, `document.getElementById("raftplay-cluster").getAttribute("aria-label")`); got == "" {
		t.Error("the text view has no accessible name")
	}
}
