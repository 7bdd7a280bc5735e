package main

import (
	"encoding/json"
	"fmt"
	"image"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"raftplay/raftsim"
	"raftplay/raftsim/spacetime"
	"raftplay/render/scene"
)

// diagram reads raftplay.diagram(args…).
func (t *tab) diagram(args ...int64) scene.DiagramReport {
	t.tb.Helper()
	var list []string
	for _, a := range args {
		list = append(list, fmt.Sprint(a))
	}
	res := eval[string](t, t.api+".diagram("+strings.Join(list, ",")+")")
	var r scene.DiagramReport
	if err := json.Unmarshal([]byte(res), &r); err != nil || (r.Arrows == nil && !r.Shown.Open) {
		t.tb.Fatalf("diagram(%v) is not its report: %.300s", args, res)
	}
	return r
}

// hover moves the mouse to p and waits until the game has read it.
func (t *tab) hover(p scene.Point) {
	t.tb.Helper()
	if err := chromedp.Do(t.ctx, chromedp.MouseEvent(chromedp.MouseMoved, p.X, p.Y)); err != nil {
		t.tb.Fatal(err)
	}
	t.inputRead()
}

// mid is the middle of a drawn arrow.
func mid(a scene.DrawnArrow) scene.Point {
	return scene.Point{X: (a.X1 + a.X2) / 2, Y: (a.Y1 + a.Y2) / 2}
}

// The diagram in the page: opened by its switch on the timeline strip, its
// arrows are exactly the messages the page's state() showed in flight over
// a window; hovering an arrow highlights its message, clicking a landed one
// opens its details and one in flight selects it in the cluster; hiding
// heartbeats takes their arrows off the canvas; scrubbing the timeline
// moves the diagram's bottom line to the moment shown.
func TestBrowserDiagram(t *testing.T) {
	tab := openPlayground(t, "seed=5")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.pause()
	tab.click(tab.panel("timeline-diagram").Center())
	if !tab.diagram().Shown.Open {
		t.Fatal("the Diagram switch did not open the diagram")
	}
	tab.do(`{"op":"put","key":"k","value":"much"}`)
	tab.do(`{"op":"partition","groups":[[1,2],[3,4,5]]}`)

	// Every message lives at least 4 ms, so a state() each millisecond
	// sees each one in flight.
	start := tab.state().NowMs
	seen := map[uint64]raftsim.MessageView{}
	var now int64
	for range 120 {
		s := tab.advance(1)
		for _, m := range s.Messages {
			if _, ok := seen[m.ID]; !ok {
				seen[m.ID] = m
			}
		}
		now = s.NowMs
	}
	r := tab.diagram(start+1, now)
	matched := 0
	for _, a := range r.Arrows {
		if a.SentMs <= start {
			continue // sent before the window was watched
		}
		m, ok := seen[a.ID]
		if !ok {
			t.Fatalf("arrow %+v was never in flight", a)
		}
		delete(seen, a.ID)
		if a.From != m.From || a.To != m.To || a.Type != m.Type || a.Term != m.Term || a.Index != m.Index || a.SentMs != m.SentMs {
			t.Errorf("arrow %+v differs from the message in flight %+v", a, m)
		}
		if a.Fate != spacetime.InFlight && a.EndMs != m.DeliverMs {
			t.Errorf("arrow %+v ends at %d ms; the message was due at %d ms", a, a.EndMs, m.DeliverMs)
		}
		matched++
	}
	for id, m := range seen {
		if m.SentMs > start {
			t.Errorf("message %d (%+v) was in flight but has no arrow", id, m)
		}
	}
	if matched < 10 {
		t.Fatalf("only %d messages in %d ms: the window tests too little", matched, now-start)
	}
	if m := tab.diagram(start, now).Marks; len(m) != 1 || m[0].Kind != raftsim.MarkPartition || m[0].AtMs != start {
		t.Errorf("marks %+v, want the partition at %d ms", m, start)
	}

	tab.saveShot("diagram.png")
	shown := tab.diagram()
	types := map[uint64]string{}
	for _, a := range shown.Arrows {
		types[a.ID] = a.Type.String()
	}
	beats := 0
	var landed, flying *scene.DrawnArrow
	for i, a := range shown.Shown.Drawn {
		typ, ok := types[a.ID]
		if !ok {
			t.Fatalf("drawn arrow %d is not in the window shown (%d..%d ms)", a.ID, shown.FromMs, shown.ToMs)
		}
		if strings.HasPrefix(typ, "MsgHeartbeat") {
			beats++
		}
		long := (a.Y2-a.Y1)*(a.Y2-a.Y1)+(a.X2-a.X1)*(a.X2-a.X1) > 30*30
		if a.Fate == spacetime.Delivered && long && landed == nil {
			landed = &shown.Shown.Drawn[i]
		}
		if a.Fate == spacetime.InFlight && long && flying == nil {
			flying = &shown.Shown.Drawn[i]
		}
	}
	if beats == 0 || landed == nil {
		t.Fatalf("the diagram draws %d heartbeats and no landed message to point at: %+v", beats, shown.Shown.Drawn)
	}

	tab.hover(mid(*landed))
	if h := tab.diagram().Shown.Highlighted; h != landed.ID {
		t.Errorf("hovering arrow %d highlights %d", landed.ID, h)
	}
	tab.click(mid(*landed))
	if d := tab.diagram().Shown; d.Selected != landed.ID {
		t.Errorf("clicking arrow %d selected %d", landed.ID, d.Selected)
	}
	tab.panel("diagram-message") // fails without the details
	tab.saveShot("diagram-message.png")
	tab.press("\x1b")
	if d := tab.diagram().Shown; d.Selected != 0 {
		t.Errorf("Esc left arrow %d selected", d.Selected)
	}
	if flying != nil {
		tab.click(mid(*flying))
		tab.panel("message") // the cluster's message panel
		if h := tab.diagram().Shown.Highlighted; h != flying.ID {
			t.Errorf("clicking arrow %d in flight highlights %d", flying.ID, h)
		}
		tab.press("\x1b")
	}

	plot := tab.panel("diagram-plot")
	tab.hover(scene.Point{X: 5, Y: 5})
	_, before := tab.screenshot()
	tab.click(tab.panel("diagram-heartbeats").Center())
	tab.hover(scene.Point{X: 5, Y: 5})
	after := tab.diagram().Shown
	if after.Heartbeats || len(after.Drawn) != len(shown.Shown.Drawn)-beats {
		t.Errorf("heartbeats hidden: %d arrows drawn, want %d (heartbeats %v)", len(after.Drawn), len(shown.Shown.Drawn)-beats, after.Heartbeats)
	}
	_, img := tab.screenshot()
	if n := differing(before, img, plot); n < 20 {
		t.Errorf("hiding %d heartbeats changed %d pixels of the plot", beats, n)
	}

	// Scrubbed back, the diagram ends at the moment shown.
	past := now - 30
	call[string](tab, "seek", past)
	tab.waitFrames(2)
	if d := tab.diagram().Shown; d.ToMs != past {
		t.Errorf("the timeline shows %d ms; the diagram ends at %d ms", past, d.ToMs)
	}
}

// differing counts the pixels that differ between a and b inside r (CSS
// pixels at scale 1).
func differing(a, b image.Image, r scene.Rect) int {
	n := 0
	for y := int(r.Y); y < int(r.Bottom()); y++ {
		for x := int(r.X); x < int(r.Right()); x++ {
			if a.At(x, y) != b.At(x, y) {
				n++
			}
		}
	}
	return n
}

// BenchmarkBrowserDiagramFrames reports the frames per second at 1280×800
// and 1× speed with the diagram closed and open, measured in turn three times in
// the same run, so both see the same machine.
func BenchmarkBrowserDiagramFrames(b *testing.B) {
	requireBrowser(b)
	views := []benchView{
		{name: "diagram closed", query: "seed=1&speed=1", view: defaultView},
		{name: "diagram open", query: "seed=1&speed=1&panels=logs,events,diagram", view: defaultView},
	}
	for b.Loop() {
		var table strings.Builder
		fmt.Fprintf(&table, "\n| 1280×800 1× | frames/s | painted/s | ms in Draw per painted frame |\n|---|---|---|---|\n")
		for round := range 3 {
			for _, v := range views {
				f := framesIn(b, v)
				fmt.Fprintf(&table, "| %s (round %d) | %.1f | %.1f | %.1f |\n", v.name, round+1, f.fps, f.painted, f.drawMs)
				b.ReportMetric(f.fps, "frames/s-"+strings.ReplaceAll(v.name, " ", "-"))
			}
		}
		b.Log(table.String())
	}
	b.ReportMetric(0, "ns/op")
}
