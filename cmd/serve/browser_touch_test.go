package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// A phone: its viewport in CSS pixels and its device pixels per CSS pixel.
const (
	phoneW, phoneH = 390, 844
	phoneScale     = 2
)

// longPressHold is how long a long press holds: longer than the half second
// after which a phone's browser calls a touch a long press.
const longPressHold = 700 * time.Millisecond

// phoneView is a phone's viewport; asPhone adds what makes it a phone.
var phoneView = viewport{phoneW, phoneH, phoneScale}

// asPhone makes a tab a phone's: a mobile viewport with touch.
func asPhone(t *tab) {
	if err := chromedp.Do(t.ctx, chromedp.EmulateViewport(phoneW, phoneH,
		chromedp.EmulateScale(phoneScale), chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.tb.Fatalf("emulating a phone: %v", err)
	}
}

// touch puts a finger down at p (CSS pixels), holds it for hold and lifts
// it, waiting after each until the game has read it.
func (t *tab) touch(p scene.Point, hold time.Duration) {
	t.tb.Helper()
	start := input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: p.X, Y: p.Y}}}
	if _, err := chromedp.Call(t.ctx, input.DispatchTouchEvent, start); err != nil {
		t.tb.Fatalf("touching (%.0f, %.0f): %v", p.X, p.Y, err)
	}
	t.inputRead()
	time.Sleep(hold)
	end := input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}}
	if _, err := chromedp.Call(t.ctx, input.DispatchTouchEvent, end); err != nil {
		t.tb.Fatalf("lifting the finger at (%.0f, %.0f): %v", p.X, p.Y, err)
	}
	t.inputRead()
}

func TestBrowserPhone(t *testing.T) {
	requireBrowser(t)
	tab := openURL(t, browser.server.URL+"/?seed=7", ownAPI, phoneView, asPhone)
	s := tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.pause()
	s = tab.state()

	// Long-press the leader: its menu opens; tap Crash, where layout()
	// says it is.
	id := s.Leader()
	p := tab.layout()
	i := slices.IndexFunc(p.Nodes, func(n scene.NodePlace) bool { return n.ID == id })
	if i < 0 {
		t.Fatalf("layout() places no node %d", id)
	}
	tab.touch(scene.Point{X: p.Nodes[i].X, Y: p.Nodes[i].Y}, longPressHold)
	targets := tab.layout().Targets
	j := slices.IndexFunc(targets, func(tg scene.TargetPlace) bool { return tg.Name == "menu Crash" })
	if j < 0 {
		t.Fatalf("the node menu has no Crash item among %+v", targets)
	}
	tab.touch(scene.Point{X: targets[j].X + targets[j].W/2, Y: targets[j].Y + targets[j].H/2}, 0)
	if tab.state().Node(id).Up {
		t.Fatalf("n%d is still up after a long press on it and a tap on its menu's Crash", id)
	}

}

// The console, typed into through its text field as a phone's keyboard
// types: a tap on the line focuses the field, text arrives as inserted text,
// Enter submits.
func TestBrowserPhoneConsole(t *testing.T) {
	requireBrowser(t)
	tab := openURL(t, browser.server.URL+"/?seed=7", ownAPI, phoneView, asPhone)
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	if !eval[bool](tab, `(() => { const c = document.querySelector("canvas"); c.focus(); return document.activeElement === c; })()`) {
		t.Fatal("the canvas does not take the focus")
	}
	tab.press("e")
	const field = `document.getElementById("` + "raftplay-console-field" + `")`
	if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](field+` && getComputedStyle(`+field+`.form).display !== "none"`,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("no console text field appeared over the console: %v", err)
	}
	box := eval[[]float64](tab, `(() => { const r = `+field+`.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })()`)
	tab.touch(scene.Point{X: box[0] + box[2]/2, Y: box[1] + box[3]/2}, 0)
	if !eval[bool](tab, `document.activeElement === `+field) {
		t.Fatal("a tap on the console's line does not focus its text field, so no on-screen keyboard would open")
	}
	if _, err := chromedp.Call(tab.ctx, input.InsertText, input.InsertTextParams{Text: "put foo bar"}); err != nil {
		t.Fatal(err)
	}
	tab.inputRead()
	tab.press("\r")
	lines := tab.untilConsole("the answer to put foo bar", func(lines []string) bool {
		// The echo names the node the command went through.
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "$ etcdctl put foo bar ") })
		return i >= 0 && slices.Contains(lines[i+1:], "OK")
	})
	if got := tab.state().Actions; !slices.ContainsFunc(got, func(a raftsim.ActionRecord) bool { return a.Op == "console" && a.Line == "put foo bar" }) {
		t.Errorf("no console action for the typed line in the action log; the console: %q", lines)
	}
}

// untilConsole advances virtual time until the console's transcript
// satisfies cond, and returns it.
func (t *tab) untilConsole(what string, cond func([]string) bool) []string {
	t.tb.Helper()
	var lines []string
	const stepMs = 50
	for spent := 0; ; spent += stepMs {
		if err := json.Unmarshal([]byte(eval[string](t, t.api+".console()")), &lines); err != nil {
			t.tb.Fatalf("raftplay.console(): %v", err)
		}
		if cond(lines) {
			return lines
		}
		if spent >= budgetMs {
			t.tb.Fatalf("%s: not within %d virtual ms; the console: %s", what, budgetMs, strings.Join(lines, " | "))
		}
		t.advance(stepMs)
	}
}
