package main

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/tidwall/gjson"

	"raftplay/render/scene"
)

// The settings panel, by mouse and by keyboard: each Apply starts a new run
// with the knobs changed and the same seed; then the election experiment's
// view runs trials in the page and draws their curves while the page goes
// on drawing frames.
func TestBrowserSettingsAndExperiment(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=light")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	measure := goFontMeasure(t)
	l := viewLayout(measure, 5)

	// By mouse: the toolbar's Settings, the PreVote row, Apply.
	var open scene.Button
	for _, b := range l.Buttons {
		if b.Cmd == scene.CmdSettings {
			open = b
		}
	}
	tab.click(open.Rect.Center())
	st := scene.Settings{Look: "theme: light"} // the theme row, after the knobs
	st.Toggle(tab.state().Config)
	panel := l.SettingsPanel(&st, measure)
	tab.click(panel.Buttons[0].Rect.Center())
	apply := panel.Buttons[len(panel.Buttons)-2]
	if apply.Cmd != scene.CmdSettingsApply {
		t.Fatalf("the panel's Apply is not where it should be: %+v", apply)
	}
	tab.click(apply.Rect.Center())
	s := tab.state()
	if s.Config.PreVote || !s.Config.CheckQuorum || s.Seed != 7 || s.NowMs > 2000 {
		t.Fatalf("after Apply by mouse: config %+v, seed %d, at %d ms; want PreVote off, seed 7, a new run", s.Config, s.Seed, s.NowMs)
	}

	// By keyboard: o, down to CheckQuorum, turn it off, Enter.
	tab.press("o")
	tab.press(kb.ArrowDown)
	tab.press(kb.ArrowRight)
	tab.press(kb.Enter)
	if c := tab.state().Config; c.PreVote || c.CheckQuorum || c.Seed != 7 {
		t.Fatalf("after Apply by keyboard: %+v; want PreVote and CheckQuorum off, seed 7", c)
	}
	tab.until("a leader with both options off", budgetMs, electionStepMs, hasLeader)

	// The experiment: z opens it; trials run between frames.
	tab.press("z")
	var lab gjson.Result
	if _, err := chromedp.Run(tab.ctx, chromedp.Poll[bool](tab.api+`.experiment().includes('"done":') && JSON.parse(`+tab.api+`.experiment()).done >= 14`,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(90*time.Second))); err != nil {
		t.Fatalf("the experiment did not run 14 trials: %v (%s)", err, eval[string](tab, tab.api+".experiment()"))
	}
	lab = gjson.Parse(eval[string](tab, tab.api+".experiment()"))
	if !lab.Get("open").Bool() || lab.Get("total").Int() != 800 || lab.Get("results.0.range_ms").Raw != "[12,24]" ||
		lab.Get("results.0.trials").Int() < 1 || lab.Get("results.0.median_ms").Int() < 6 {
		t.Errorf("experiment(): %.300s", lab.Raw)
	}
	// The page keeps drawing while the trials run: over three seconds of
	// them, at least two frames a second, which a page the trials held up
	// would not draw (a count over the first trials alone depends on how
	// fast the machine runs them, and software GL on a busy machine draws
	// few frames a second at this size).
	frames, before := tab.frames(), lab.Get("done").Int()
	time.Sleep(3 * time.Second)
	after := gjson.Get(eval[string](tab, tab.api+".experiment()"), "done").Int()
	if drawn := tab.frames() - frames; drawn < 6 || after <= before {
		t.Errorf("%d frames were drawn while the trials went from %d to %d in three seconds", drawn, before, after)
	}
	buf, _ := tab.screenshot()
	dir := os.Getenv("RAFTPLAY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "raftplay-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err == nil {
		os.WriteFile(filepath.Join(dir, "experiment-light.png"), buf, 0o644)
	}
	tab.press(kb.Escape)
	if gjson.Parse(eval[string](tab, tab.api+".experiment()")).Get("open").Bool() {
		t.Error("Esc did not close the experiment view")
	}
	if n := curvePixels(t, buf, &scene.Light); n < 200 {
		t.Errorf("the 12-24 ms curve covers %d pixels of the screenshot; want a drawn curve (200 or more)", n)
	}
}

// curvePixels counts the pixels of the screenshot in the first curve's
// colour (theme.Terms[0]): the 12-24 ms setting's line and legend swatch.
func curvePixels(t *testing.T, shot []byte, th *scene.Theme) int {
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if near(pixel(img, scene.Point{X: float64(x) + 0.5, Y: float64(y) + 0.5}), th.Terms[0], 24) {
				n++
			}
		}
	}
	return n
}

// A key tapped faster than a frame, down and up before the game reads its
// input (most taps on a slow machine, where a frame takes longer), still
// acts: o ↓ → Enter, each sent as a keydown and a keyup at once, turn
// CheckQuorum off and start a new run with the same seed.
func TestBrowserTapWithinAFrame(t *testing.T) {
	tab := openPlayground(t, "seed=7")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	for _, k := range [][2]string{{"o", "KeyO"}, {"ArrowDown", "ArrowDown"}, {"ArrowRight", "ArrowRight"}, {"Enter", "Enter"}} {
		tab.tap(k[0], k[1])
	}
	if c := tab.state().Config; c.CheckQuorum || !c.PreVote || c.Seed != 7 {
		t.Fatalf("after tapping o ↓ → Enter: %+v; want CheckQuorum off, PreVote on, seed 7", c)
	}
}

// tap sends key (its KeyboardEvent key and code) down and up to the game's
// canvas in one go, so that no frame can read input between the two.
func (t *tab) tap(key, code string) {
	t.tb.Helper()
	eval[bool](t, fmt.Sprintf(`(() => {
		const c = document.querySelector("canvas");
		for (const type of ["keydown", "keyup"]) c.dispatchEvent(new KeyboardEvent(type, {key: %q, code: %q, bubbles: true}));
		return true;
	})()`, key, code))
	t.inputRead()
}
