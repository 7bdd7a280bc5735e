package main

import (
	"encoding/json"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/tidwall/gjson"

	"raftplay/raftsim"
	"raftplay/raftsim/judged"
	"raftplay/raftsim/scenario"
	"raftplay/raftsim/storyedit"
	"raftplay/render/scene"
)

// editorView is what raftplay.editor() returns.
type editorView struct {
	Open      bool   `json:"open"`
	Recording bool   `json:"recording"`
	Recorded  int    `json:"recorded"`
	Note      string `json:"note"`
	Link      string `json:"link"`
	Steps     []struct {
		Caption string   `json:"caption"`
		Actions []string `json:"actions"`
		Expect  []struct {
			JSON string `json:"json"`
			On   bool   `json:"on"`
		} `json:"expect"`
		Failures []string                `json:"failures"`
		Question *storyedit.QuestionForm `json:"question"`
	} `json:"steps"`
}

func (t *tab) editor() editorView {
	t.tb.Helper()
	var v editorView
	if err := json.Unmarshal([]byte(eval[string](t, t.api+".editor()")), &v); err != nil {
		t.tb.Fatalf("raftplay.editor(): %v", err)
	}
	return v
}

// ed is the selector of the editor's control sel.
func ed(sel string) chromedp.CSS { return chromedp.CSS("#raftplay-editor " + sel) }

// clickEd clicks the editor's control sel with the mouse, as a person does.
func (t *tab) clickEd(sel string) {
	t.tb.Helper()
	if err := chromedp.Do(t.ctx, chromedp.Click(ed(sel))); err != nil {
		t.tb.Fatalf("clicking %s: %v", sel, err)
	}
}

// typeEd types text into the editor's field sel, emptied first, key by key.
func (t *tab) typeEd(sel, text string) {
	t.tb.Helper()
	if err := chromedp.Do(t.ctx, chromedp.Clear(ed(sel)), chromedp.SendKeys(ed(sel), text)); err != nil {
		t.tb.Fatalf("typing into %s: %v", sel, err)
	}
}

// catchDownload makes the page's next download land in window.downloaded
// ({name, text}) instead of a file.
func (t *tab) catchDownload() {
	eval[bool](t, `(() => {
		HTMLAnchorElement.prototype.click = function () {
			window.downloaded = {name: this.download};
			fetch(this.href).then(r => r.text()).then(text => { window.downloaded.text = text; });
		};
		return true;
	})()`)
}

// playStory plays the story the page shows from its first step to its
// end, answering each question with its first choice, and fails the test
// on a step whose claims do not hold. It returns the final state.
func (t *tab) playStory() string {
	t.tb.Helper()
	for {
		if strings.Contains(eval[string](t, t.api+".story()"), `"asking":true`) {
			t.story(map[string]int{"answer": 1})
		}
		t.story(map[string]bool{"finish": true})
		s := t.story(nil)
		if len(s.Failures) > 0 {
			t.tb.Fatalf("step %d of the story did not hold: %q", s.Step, s.Failures)
		}
		if s.Step == s.Steps {
			return eval[string](t, t.api+".state()")
		}
		t.story(map[string]bool{"next": true})
	}
}

// A teacher writes a story in the page with real clicks and typing: opens
// the editor with #, presses Record, takes five actions with the keyboard,
// stops, captions each step, picks what it checks, asks a question,
// exports the file (which the scenario runner passes) and shares a link;
// the link opened in a fresh page plays the same story to the state the
// scenario runner ends it in.
func TestBrowserStoryEditor(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=dark&speed=1")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.press("#")
	tab.pollFor("the editor to open", `!document.getElementById("raftplay-editor").hidden`, 10*time.Second)
	if !eval[bool](tab, `document.activeElement.dataset.cmd === "record"`) {
		t.Fatal("the editor opened without the keyboard on Record")
	}
	tab.press("\r")
	if v := tab.editor(); !v.Recording {
		t.Fatalf("Record did not start a recording: %+v", v)
	}

	// Five actions on the canvas's keys, a little virtual time apart.
	eval[bool](tab, `(document.querySelector("canvas").focus(), true)`)
	leader := fmt.Sprint(tab.state().Leader())
	for _, keys := range []string{"w", leader + "c", "w", leader + "u", "w"} {
		for _, k := range keys {
			tab.press(string(k))
		}
		tab.press("\x1b")
		tab.advance(800)
	}
	tab.pollFor("five recorded actions", tab.api+`.editor().includes('"recorded":5')`, 10*time.Second)
	tab.clickEd(`[data-cmd="stop"]`)
	// Paused, the page draws no frames and answers every key at once.
	tab.pause()
	v := tab.editor()
	if len(v.Steps) != 6 {
		t.Fatalf("%d steps after Stop, want the run up to Record and five actions: %+v", len(v.Steps), v)
	}
	for i, want := range []string{"client write", "crash", "client write", "restart", "client write"} {
		if got := strings.Join(v.Steps[i+1].Actions, " "); !strings.Contains(got, want) {
			t.Errorf("step %d does %q, want a %s", i+2, got, want)
		}
	}

	captions := []string{"A leader is elected.", "A write.", "The leader crashes.",
		"Another write.", "It comes back.", "A last write."}
	for i, c := range captions {
		tab.typeEd(fmt.Sprintf(`textarea[data-step="%d"]`, i+1), c)
	}
	// The crashed node is offered as down at the end of step 3; every
	// other step checks the first thing offered, a leader.
	tab.clickEd(`input[data-step="3"][data-text*='"down"']`)
	for _, n := range []int{1, 2, 4, 5, 6} {
		tab.clickEd(fmt.Sprintf(`input[data-step="%d"]`, n))
	}
	tab.clickEd(`[data-cmd="ask"][data-step="2"]`)
	tab.typeEd(`[data-q="ask"]`, "Will the write commit?")
	if err := chromedp.Do(tab.ctx, chromedp.SendKeys(ed(`[data-q="kind"]`), "y")); err != nil {
		t.Fatal(err)
	}
	tab.typeEd(`[data-q="right"]`, "yes")
	tab.typeEd(`[data-q="explain"]`, "A majority of the nodes is up.")
	tab.clickEd(`[data-cmd="question"]`)
	v = tab.editor()
	for i, s := range v.Steps {
		on := 0
		for _, x := range s.Expect {
			if x.On {
				on++
			}
		}
		if s.Caption != captions[i] || on != 1 || len(s.Failures) > 0 {
			t.Errorf("step %d: caption %q, %d expectations, failures %q", i+1, s.Caption, on, s.Failures)
		}
	}
	if q := v.Steps[1].Question; q == nil || q.Ask != "Will the write commit?" || q.Kind != "yes_no" || q.Right != "yes" {
		t.Fatalf("step 2's question: %+v (%s)", q, v.Note)
	}
	shot(t, tab, "editor-1280x800.png")

	// Export: the file is a story the scenario runner passes.
	tab.catchDownload()
	tab.clickEd(`[data-cmd="export"]`)
	tab.pollFor("the story file's download", `window.downloaded && window.downloaded.text !== undefined`, 30*time.Second)
	file := eval[string](tab, "window.downloaded.text")
	sc, err := scenario.Parse(file)
	if err != nil {
		t.Fatalf("the exported story does not parse: %v\n%s", err, file)
	}
	sim, _ := judged.New(sc.Config)
	p, err := scenario.NewPlayer(sim, sc)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range p.RunAll() {
		if !r.OK() {
			t.Errorf("the exported story's step %d fails in the scenario runner: %q", r.Step+1, r.Failures)
		}
	}
	native := string(sim.SnapshotJSON())
	if kept := eval[string](tab, `localStorage.getItem("raftplay-story")`); kept != file {
		t.Error("the browser keeps another story than the one exported")
	}

	tab.clickEd(`[data-cmd="share"]`)
	link := eval[string](tab, `document.getElementById("raftplay-editor-link").value`)
	if !strings.Contains(link, "?story=") {
		t.Fatalf("the share link is %q", link)
	}
	fresh := openURL(t, link, ownAPI, defaultView)
	s := fresh.story(nil)
	if !s.Active || s.Steps != 6 || s.Caption != captions[0] {
		t.Fatalf("the link opened %+v, want the six-step story", s)
	}
	// Played there, the story ends as the scenario runner ends it.
	there := fresh.playStory()
	for _, path := range []string{"now_ms", "nodes", "actions", "partition"} {
		if a, b := gjson.Get(native, path).Raw, gjson.Get(there, path).Raw; a != b {
			t.Errorf("the story's %s differs in the page that opened its link:\n%.300s\n%.300s", path, a, b)
		}
	}
	if got := fresh.editor(); len(got.Steps) != 6 || got.Steps[2].Caption != captions[2] {
		t.Errorf("the editor of the page the link opened holds %d steps", len(got.Steps))
	}
}

// Record on a past moment picked on the timeline records from there: the
// run forks at it first, and the story's first step plays up to it.
func TestBrowserRecordFromThePast(t *testing.T) {
	tab := openPlayground(t, "seed=3&paused=true")
	tab.advance(3000)
	eval[string](tab, tab.api+".seek(1500)")
	call[string](tab, "editor", map[string]string{"cmd": "open"})
	tab.clickEd(`[data-cmd="record"]`)
	if s := tab.state(); s.NowMs != 1500 {
		t.Fatalf("recording on the moment 1500 ms: the run is at %d ms", s.NowMs)
	}
	tab.do(`{"op":"put","value":"much"}`)
	tab.advance(700)
	tab.clickEd(`[data-cmd="stop"]`)
	v := tab.editor()
	if len(v.Steps) != 2 || !strings.Contains(v.Steps[0].Caption, "1500 ms") || len(v.Steps[1].Actions) != 1 {
		t.Fatalf("the story recorded from 1500 ms: %+v", v)
	}
}

// A damaged story= link says so, and the page runs the default run.
func TestBrowserBrokenStoryLink(t *testing.T) {
	tab := openPlayground(t, "story=bm90LWEtc3Rvcnk")
	tab.waitConsole(10*time.Second, "raftplay: ", "this story link is broken")
	tab.until("a leader in the default run", budgetMs, electionStepMs, hasLeader)
}

// The editor at a small embed's size (with the mouse) and on a phone (by
// touch): Stories on the toolbar, then Write your own story… at the end of
// the list, opens it with the story the browser kept; every control is on
// the screen or scrolled to, and a tap or click reaches it.
func TestBrowserStoryEditorSizes(t *testing.T) {
	requireBrowser(t)
	story := recordedStory(t)
	for _, c := range []struct {
		view  viewport
		phone bool
	}{{viewport{640, 400, 1}, false}, {phoneView, true}} {
		var setup []func(*tab)
		if c.phone {
			setup = append(setup, asPhone)
		}
		url := browser.server.URL + "/?theme=dark&paused=true"
		tab := openURL(t, url, ownAPI, c.view, setup...)
		keep, _ := json.Marshal(string(story))
		eval[bool](tab, `(localStorage.setItem("raftplay-story", `+string(keep)+`), true)`)
		if err := chromedp.Do(tab.ctx, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		tab.waitFirstFrame(url)

		// Where the page puts its targets (a touch screen's are a finger
		// wide), as layout() names them.
		tab.pressTarget("toolbar Stories", c.phone)
		var items []string
		for _, tg := range tab.layout().Targets {
			if strings.HasPrefix(tg.Name, "stories ") {
				items = append(items, tg.Name)
			}
		}
		if len(items) == 0 || items[len(items)-1] != "stories Write your own story…" {
			t.Fatalf("%dx%d: the list of stories ends with %q", c.view.w, c.view.h, items)
		}
		tab.pressTarget("stories Write your own story…", c.phone)
		tab.pollFor("the editor with the kept story", `document.querySelectorAll("#raftplay-editor textarea").length == 4`, 20*time.Second)

		box := eval[[]float64](tab, `(() => { const r = document.getElementById("raftplay-editor").getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()`)
		if box[0] < 0 || box[1] < 0 || box[2] > float64(c.view.w)+0.5 || box[3] > float64(c.view.h)+0.5 {
			t.Errorf("%dx%d: the editor at %v leaves the screen", c.view.w, c.view.h, box)
		}
		img := shot(t, tab, fmt.Sprintf("editor-%dx%d.png", c.view.w, c.view.h))
		// The canvas still shows above the panel (an opaque scrolling
		// panel made Chromium show it black).
		b := img.Bounds()
		black, looked := 0, 0
		for y := b.Min.Y; y < b.Min.Y+b.Dy()/4; y += 7 {
			for x := b.Min.X; x < b.Min.X+b.Dx()/3; x += 7 {
				if r, g, bl, _ := img.At(x, y).RGBA(); r|g|bl == 0 {
					black++
				}
				looked++
			}
		}
		if black*2 > looked {
			t.Errorf("%dx%d: the canvas beside the editor is black (%d of %d points)", c.view.w, c.view.h, black, looked)
		}
		// The last step's Delete, scrolled to, then tapped or clicked.
		del := ed(`[data-cmd="delete"][data-step="4"]`)
		if c.phone {
			eval[bool](tab, `(document.querySelector('`+string(del)+`').scrollIntoView({block: "center"}), true)`)
			tab.inputRead()
			b := eval[[]float64](tab, `(() => { const r = document.querySelector('`+string(del)+`').getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`)
			tab.touch(scene.Point{X: b[0], Y: b[1]}, 0)
		} else {
			tab.clickEd(`[data-cmd="delete"][data-step="4"]`)
		}
		if n := len(tab.editor().Steps); n != 3 {
			t.Errorf("%dx%d: %d steps after deleting the last", c.view.w, c.view.h, n)
		}
	}
}

// shot leaves a screenshot of tab called name in the artifacts folder, to
// look at, and returns it.
func shot(t *testing.T, tab *tab, name string) image.Image {
	t.Helper()
	png, img := tab.screenshot()
	if err := os.WriteFile(filepath.Join(artifactsDir(t), name), png, 0o644); err != nil {
		t.Fatal(err)
	}
	return img
}

// recordedStory is a short story recorded as the page records one: a
// write, a crash of the leader and a restart after the run's first second.
func recordedStory(t *testing.T) []byte {
	sim, _ := judged.New(raftsim.DefaultConfig())
	sim.Advance(1000)
	rec := storyedit.StartRecording(sim.Run())
	leader := sim.Leader()
	for _, a := range []raftsim.Action{{Op: raftsim.ActPut, Value: "much"}, {Op: raftsim.ActCrash, Node: leader}, {Op: raftsim.ActRestart, Node: leader}} {
		sim.Advance(1000)
		if err := sim.Do(a); err != nil {
			t.Fatal(err)
		}
	}
	sim.Advance(1000)
	d, err := rec.Stop(sim.Run(), func(a raftsim.Action) string { return string(a.Op) + " on a node" })
	if err != nil {
		t.Fatal(err)
	}
	return d.JSON()
}
