package main

import (
	"fmt"
	"image"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// pressTab presses Tab, or Shift-Tab, and waits until the game has read
// it. The game reads Shift as a key held down, as a person presses it.
func (t *tab) pressTab(back bool) {
	t.tb.Helper()
	shift := func(typ input.DispatchKeyEventType) {
		params := input.DispatchKeyEventParams{Type: typ, Key: "Shift", Code: "ShiftLeft", WindowsVirtualKeyCode: 16, Modifiers: int64(chromedp.ModifierShift)}
		if _, err := chromedp.Call(t.ctx, input.DispatchKeyEvent, params); err != nil {
			t.tb.Fatalf("pressing Shift: %v", err)
		}
	}
	var opts []chromedp.KeyOption
	if back {
		shift(input.DispatchKeyEventTypeRawKeyDown)
		defer shift(input.DispatchKeyEventTypeKeyUp)
		opts = append(opts, chromedp.KeyModifiers(chromedp.ModifierShift))
	}
	if err := chromedp.Do(t.ctx, chromedp.KeyEvent(kb.Tab, opts...)); err != nil {
		t.tb.Fatalf("pressing Tab (back %v): %v", back, err)
	}
	t.inputRead()
}

// focusCanvas gives the canvas the keyboard, as a first click would.
func (t *tab) focusCanvas() {
	t.tb.Helper()
	if !eval[bool](t, `(() => { const c = document.querySelector("canvas"); c.focus(); return document.activeElement === c; })()`) {
		t.tb.Fatal("the canvas does not take the focus")
	}
}

// focusRing counts the pixels in the accent colour in the band 3 px wide
// round r, where the focus ring is drawn.
func focusRing(img image.Image, r scene.Rect, th *scene.Theme) int {
	hits := 0
	outer, inner := r.Inset(-3), r
	for y := int(outer.Y); y < int(outer.Bottom()); y++ {
		for x := int(outer.X); x < int(outer.Right()); x++ {
			p := scene.Point{X: float64(x) + 0.5, Y: float64(y) + 0.5}
			if !inner.Contains(p) && near(pixel(img, p), th.Accent, 40) {
				hits++
			}
		}
	}
	return hits
}

// The keyboard reaches the toolbar's buttons with a focus ring that shows:
// Tab walks them in order and Enter presses the one focused (Kill all
// kills every node, Restart all after it restarts them), and Shift-Tab
// walks back.
func TestBrowserKeyboardFocus(t *testing.T) {
	tab := openPlayground(t, "seed=4&theme=dark")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.pause()
	tab.focusCanvas()
	l := viewLayout(goFontMeasure(t), 5)
	kill := -1
	for i, b := range l.Buttons {
		if b.Cmd == scene.CmdKillAll {
			kill = i
		}
	}
	if kill < 0 || l.Buttons[kill+1].Cmd != scene.CmdRestartAll {
		t.Fatalf("the toolbar has no Kill all followed by Restart all: %+v", l.Buttons)
	}
	_, before := tab.screenshot()
	if n := focusRing(before, l.Buttons[kill].Rect, &scene.Dark); n > 0 {
		t.Fatalf("%d accent pixels round Kill all before any Tab", n)
	}
	for range kill + 1 {
		tab.pressTab(false)
	}
	_, img := tab.screenshot()
	ring := focusRing(img, l.Buttons[kill].Rect, &scene.Dark)
	t.Logf("the focus ring round Kill all: %d accent pixels", ring)
	if ring < int(l.Buttons[kill].Rect.W) {
		t.Errorf("after %d Tabs only %d accent pixels ring Kill all, want a visible focus ring", kill+1, ring)
	}
	saveArtifact(t, "focus-1280x800.png", mustPNG(t, tab))
	allUp := func(up bool) bool {
		for _, n := range tab.state().Nodes {
			if n.Up != up {
				return false
			}
		}
		return true
	}
	if tab.press(kb.Enter); !allUp(false) {
		t.Errorf("Enter on the focused Kill all left nodes up: %s", describe(tab.state()))
	}
	tab.pressTab(false)
	if tab.press(kb.Enter); !allUp(true) {
		t.Errorf("Tab, Enter on the focused Restart all left nodes down: %s", describe(tab.state()))
	}
	tab.pressTab(true)
	if tab.press(" "); !allUp(false) {
		t.Errorf("Shift-Tab back to Kill all and space left nodes up: %s", describe(tab.state()))
	}
}

// mustPNG is a screenshot of the tab, as PNG bytes.
func mustPNG(t *testing.T, tab *tab) []byte {
	t.Helper()
	buf, _ := tab.screenshot()
	return buf
}

// emulateMedia makes the tab's browser report the media features given as
// name, value pairs (prefers-contrast, prefers-color-scheme).
func emulateMedia(t *tab, pairs ...string) {
	t.tb.Helper()
	var features []*emulation.MediaFeature
	for i := 0; i+1 < len(pairs); i += 2 {
		features = append(features, &emulation.MediaFeature{Name: pairs[i], Value: pairs[i+1]})
	}
	if _, err := chromedp.Call(t.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features}); err != nil {
		t.tb.Fatalf("emulating %v: %v", pairs, err)
	}
}

// ledAndPaused moves a paused tab on until it has a leader and returns the
// snapshot the canvas then shows.
func (t *tab) ledAndPaused() *raftsim.Snapshot {
	t.tb.Helper()
	return t.until("a leader", budgetMs, electionStepMs, hasLeader)
}

// With no theme chosen, a system that asks for more contrast gets the
// colour-blind palette, and the page follows the system when it changes
// its mind. A theme chosen in the settings (o, ↑ to the theme row, →)
// shows at once, whatever the system says, and the link to the run
// carries it.
func TestBrowserThemeFollowsTheSystemAndTheSettings(t *testing.T) {
	requireBrowser(t)
	tab := openURL(t, browser.server.URL+"/?seed=7&paused=true", ownAPI, defaultView, func(tab *tab) {
		emulateMedia(tab, "prefers-color-scheme", "light", "prefers-contrast", "more")
	})
	s := tab.ledAndPaused()
	l := viewLayout(goFontMeasure(t), len(s.Nodes))
	_, img := tab.screenshot()
	checkNodeColours(t, img, &l, &scene.Colorblind, s)

	emulateMedia(tab, "prefers-color-scheme", "light", "prefers-contrast", "no-preference")
	tab.waitFrames(3)
	_, img = tab.screenshot()
	checkNodeColours(t, img, &l, &scene.Light, s)

	// auto → light → dark → colorblind → colorblind-dark
	tab.focusCanvas()
	tab.press("o")
	tab.press(kb.ArrowUp)
	for range 4 {
		tab.press(kb.ArrowRight)
	}
	tab.press(kb.Escape)
	emulateMedia(tab, "prefers-color-scheme", "light", "prefers-contrast", "more")
	tab.waitFrames(3)
	_, img = tab.screenshot()
	checkNodeColours(t, img, &l, &scene.ColorblindDark, s)
	tab.press("y")
	tab.pollFor("the link to carry the theme", `location.search.includes("theme=colorblind-dark")`, 10*time.Second)
	if q := eval[string](tab, "location.search"); !strings.HasPrefix(q, "?run=") {
		t.Errorf("the address after Copy link is %q, want a run's link", q)
	}
}

// classroomView is a size a class shows the playground at, with the URL
// query to show it with and what makes the tab that size's device.
type classroomView struct {
	name  string
	view  viewport
	query string
	setup []func(*tab)
}

// classroomViews are a laptop's 1280×800, a phone's 390×844 (touched) and a
// 640×400 embed, each with its query.
func classroomViews(laptop, phone, embed string) []classroomView {
	return []classroomView{
		{"1280x800", defaultView, laptop, nil},
		{"390x844-touch", phoneView, phone, []func(*tab){asPhone}},
		{"640x400", viewport{640, 400, 1}, embed, nil},
	}
}

// The colour-blind themes and the focus ring at the sizes a class uses,
// for a person to look at: the focus on the toolbar's fourth button.
func TestBrowserAccessScreenshots(t *testing.T) {
	requireBrowser(t)
	for _, v := range classroomViews("theme=colorblind-dark", "theme=colorblind", "theme=colorblind-dark&controls=full") {
		t.Run(v.name, func(t *testing.T) {
			tab := openURL(t, browser.server.URL+"/?seed=7&paused=true&"+v.query, ownAPI, v.view, v.setup...)
			tab.ledAndPaused()
			tab.focusCanvas()
			for range 4 {
				tab.pressTab(false)
			}
			saveArtifact(t, fmt.Sprintf("access-%s.png", v.name), mustPNG(t, tab))
		})
	}
}

// Below the strip's room for it, Record clip is on the toolbar: on a phone
// and in a 640×400 embed a tap starts a recording (its bar shows, Stop
// ends it), and a browser without MediaRecorder says so.
func TestBrowserRecordClipOnSmallScreens(t *testing.T) {
	requireBrowser(t)
	noRecorder := func(tab *tab) {
		if _, err := chromedp.Call(tab.ctx, page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: "delete window.MediaRecorder"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, v := range []struct {
		name     string
		view     viewport
		setup    []func(*tab)
		recorder bool
	}{
		{"390x844-touch", phoneView, []func(*tab){asPhone}, true},
		{"640x400", viewport{640, 400, 1}, nil, true},
		{"640x400-no-MediaRecorder", viewport{640, 400, 1}, []func(*tab){noRecorder}, false},
	} {
		t.Run(v.name, func(t *testing.T) {
			tab := openURL(t, browser.server.URL+"/?seed=7&controls=full", ownAPI, v.view, v.setup...)
			at := tab.panel("toolbar-record").Center()
			if v.view == phoneView {
				tab.touch(at, 0)
			} else {
				tab.click(at)
			}
			if !v.recorder {
				tab.waitConsole(10*time.Second, "raftplay: ", "cannot record a clip")
				return
			}
			tab.pollFor("the recording bar", `(document.getElementById("raftplay-recording")?.textContent ?? "").includes("Recording")`, 10*time.Second)
			if err := chromedp.Do(tab.ctx, chromedp.Click(chromedp.CSS("#raftplay-recording button"))); err != nil {
				t.Fatalf("clicking Stop: %v", err)
			}
			tab.pollFor("the bar to go", `document.getElementById("raftplay-recording") === null`, 30*time.Second)
		})
	}
}
