package main

import (
	"encoding/json"
	"image"
	"strings"
	"testing"
	"time"

	"raftplay/render/scene"
)

// clusterNow is state() without what moves on by itself as virtual time
// passes (the clock, the election timers, the clients' check): two equal
// ones mean nothing happened in the cluster between them. It also returns
// how many messages are in flight and the election timers, which tick on.
func (t *tab) clusterNow() (cluster string, inFlight int, timers string) {
	t.tb.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(eval[string](t, t.api+".state()")), &v); err != nil {
		t.tb.Fatal(err)
	}
	delete(v, "now_ms")
	delete(v, "clients")
	var elapsed []any
	for _, n := range v["nodes"].([]any) {
		elapsed = append(elapsed, n.(map[string]any)["election_elapsed_ms"])
		delete(n.(map[string]any), "election_elapsed_ms")
	}
	msgs, _ := v["messages"].([]any)
	b, _ := json.Marshal(v)
	e, _ := json.Marshal(elapsed)
	return string(b), len(msgs), string(e)
}

// movedPixels counts the pixels that differ between a and b outside every
// panel (the HUD and the strip, which say the time, among them): on the
// ring, its links, its messages and its nodes with their timers.
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
// two frames with nothing changed in the cluster between them and what
// sought says to look for (messages in flight, timers ticked on), and
// returns how many pixels outside the panels differ between the frames.
func stillFrames(t *testing.T, tab *tab, what string, sought func(inFlight int, ticked bool) bool) int {
	t.Helper()
	p := tab.layout()
	for range 500 {
		before, inFlight, timers := tab.clusterNow()
		if !sought(inFlight, true) {
			tab.advance(1)
			continue
		}
		_, a := tab.screenshot()
		tab.advance(1)
		_, b := tab.screenshot()
		after, _, ticked := tab.clusterNow()
		if after != before || !sought(inFlight, ticked != timers) {
			continue // something happened between, or not what is sought
		}
		return movedPixels(a, b, p)
	}
	t.Fatalf("found no two frames with %s and nothing happening in the cluster between them", what)
	return 0
}

// With motion=reduced nothing moves that nothing in the cluster moved: a
// message is a still mark, and a node's ring shows no countdown. Between
// two frames a virtual millisecond apart with nothing sent, delivered or
// lost, no pixel of the ring, its messages or its nodes changes, both with
// messages in flight and where only the election timers ticked on (before
// the first election). With motion=full the same looks find the messages
// sliding and the timers running down, so the looks can tell.
func TestBrowserReducedMotionKeepsMessagesStill(t *testing.T) {
	requireBrowser(t)
	looks := []struct {
		what   string
		sought func(inFlight int, ticked bool) bool
		start  func(*tab)
	}{
		{"messages in flight", func(inFlight int, _ bool) bool { return inFlight > 0 },
			func(tab *tab) { tab.until("a leader", budgetMs, electionStepMs, hasLeader) }},
		{"only the election timers ticking", func(inFlight int, ticked bool) bool { return inFlight == 0 && ticked }, func(*tab) {}},
	}
	for _, look := range looks {
		for _, tc := range []struct {
			motion string
			still  bool
		}{{"reduced", true}, {"full", false}} {
			tab := openURL(t, browser.server.URL+"/?seed=7&theme=dark&paused=true&panels=none&motion="+tc.motion, ownAPI, defaultView)
			look.start(tab)
			moved := stillFrames(t, tab, look.what, look.sought)
			t.Logf("motion=%s, %s: %d pixels changed outside the panels", tc.motion, look.what, moved)
			if tc.still && moved > 0 {
				t.Errorf("motion=%s, %s: %d pixels changed outside the panels, with nothing changed in the cluster", tc.motion, look.what, moved)
			}
			if !tc.still && moved == 0 {
				t.Errorf("motion=%s, %s: nothing moved between two frames; the look cannot tell still from moving", tc.motion, look.what)
			}
			if tc.still && strings.HasPrefix(look.what, "messages") {
				tab.saveShot("motion-reduced.png")
			}
			tab.close()
		}
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
