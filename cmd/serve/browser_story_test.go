package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"raftplay/raftsim/scenario"
)

// storyState is what raftplay.story() returns.
type storyState struct {
	Active   bool     `json:"active"`
	Name     string   `json:"name"`
	Step     int      `json:"step"`
	Steps    int      `json:"steps"`
	Caption  string   `json:"caption"`
	Done     bool     `json:"done"`
	Failures []string `json:"failures"`
	Error    string   `json:"error"`
}

// story sends a command to the story player (nil asks for its state) and
// fails the test if it is refused.
func (t *tab) story(cmd any) storyState {
	t.tb.Helper()
	var res string
	if cmd == nil {
		res = eval[string](t, t.api+".story()")
	} else {
		res = call[string](t, "story", cmd)
	}
	var s storyState
	if err := json.Unmarshal([]byte(res), &s); err != nil || s.Error != "" {
		t.tb.Fatalf("raftplay.story(%v) = %s", cmd, res)
	}
	return s
}

// runState is state() without what depends on how far the page's
// linearizability check has got (it checks a step every few frames, not in
// step with the run): what a replay must reproduce byte for byte.
func (t *tab) runState() string {
	t.tb.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(eval[string](t, t.api+".state()")), &v); err != nil {
		t.tb.Fatal(err)
	}
	if c, ok := v["clients"].(map[string]any); ok {
		delete(c, "linearizability")
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// finishStep plays the current step to its end and fails the test if any of
// its claims did not hold.
func (t *tab) finishStep() storyState {
	t.tb.Helper()
	s := t.story(map[string]bool{"finish": true})
	if !s.Done || len(s.Failures) > 0 {
		t.tb.Fatalf("%s step %d: done=%v, failures %q", s.Name, s.Step, s.Done, s.Failures)
	}
	return s
}

// A story steps forwards, back and by jumps, and going back to a step shows
// exactly the state playing forward to it showed; the captions are the
// story's.
func TestBrowserStoryForwardAndBack(t *testing.T) {
	sc, err := scenario.Builtin("partition")
	if err != nil {
		t.Fatal(err)
	}
	// Paused, so the state stays put between the test's looks at it.
	tab := openPlayground(t, "scenario=partition&paused=true&theme=dark")
	s := tab.story(nil)
	if !s.Active || s.Name != "partition" || s.Step != 1 || s.Steps != len(sc.Steps) || s.Caption != sc.Steps[0].Caption {
		t.Fatalf("the story at load: %+v", s)
	}
	var atStart []string // state() at the start of each step
	for {
		atStart = append(atStart, tab.runState())
		s = tab.finishStep()
		if s.Step == s.Steps {
			break
		}
		if s = tab.story(map[string]bool{"next": true}); s.Caption != sc.Steps[s.Step-1].Caption {
			t.Fatalf("step %d's caption is %q", s.Step, s.Caption)
		}
	}
	end := tab.state()
	if n := end.Node(1); entry(n, "wow") != nil || entry(n, "cool") == nil || !entry(n, "cool").Committed {
		t.Errorf("after the story n1's log is %+v; want cool committed and wow gone", n.Log)
	}
	for _, step := range []int{3, 2, 5} {
		s = tab.story(map[string]int{"goto": step})
		if s.Step != step || s.Caption != sc.Steps[step-1].Caption {
			t.Fatalf("goto %d: %+v", step, s)
		}
		if got := tab.runState(); got != atStart[step-1] {
			t.Errorf("going to step %d shows another state than playing to it did", step)
		}
	}
	s = tab.story(map[string]bool{"back": true})
	if s.Step != 4 || tab.runState() != atStart[3] {
		t.Errorf("back from step 5: step %d, or another state than step 4's start", s.Step)
	}
}

// A story that names its nodes A to E has the page call them so: the labels
// raftplay.layout() reports for the discs, the snapshot's config, and what the
// simulator answers a user; a page without a story says n1..n5.
func TestBrowserStoryNamesItsNodes(t *testing.T) {
	tab := openPlayground(t, "scenario=partition&paused=true&theme=dark")
	tab.finishStep() // a leader is elected and "much" committed
	var labels []string
	for _, n := range tab.layout().Nodes {
		labels = append(labels, n.Name)
	}
	if got := strings.Join(labels, " "); got != "A B C D E" {
		t.Errorf("the partition story labels its nodes %q; want A B C D E", got)
	}
	if names := tab.state().Config.Names; strings.Join(names, " ") != "A B C D E" {
		t.Errorf("state() names the nodes %q", names)
	}
	tab.do(`{"op":"crash","node":2}`)
	if res := call[string](tab, "do", `{"op":"crash","node":2}`); !strings.Contains(res, `"B is down"`) {
		t.Errorf("crashing node 2 twice answered %s; want it to say B is down", res)
	}

	plain := openPlayground(t, "seed=7&paused=true")
	if n := plain.layout().Nodes[1]; n.Name != "n2" {
		t.Errorf("without a story node 2 is labelled %q; want n2", n.Name)
	}
}

// A link made by Copy link reproduces the run in a fresh page; a broken link
// says so and starts the default run.
func TestBrowserShareLinkRoundTrip(t *testing.T) {
	tab := openPlayground(t, "seed=5&paused=true")
	lead := tab.until("a leader", budgetMs, electionStepMs, hasLeader).Leader()
	tab.do(put("much", lead))
	tab.do(`{"op":"partition","groups":[[1,2],[3,4,5]]}`)
	tab.advance(700)
	tab.do(crash(4))
	tab.advance(333)
	link := eval[string](tab, tab.api+".link()")
	if !strings.Contains(link, "?run=") || len(link) > 2000 {
		t.Fatalf("link() = %q", link)
	}
	want := tab.runState()

	path := link[strings.Index(link, "/?"):] + "&paused=true"
	other := openTab(t, path, ownAPI)
	if got := other.runState(); got != want {
		t.Errorf("the shared link shows another state:\n got %.300s\nwant %.300s", got, want)
	}

	broken := openPlayground(t, "run=not-a-run")
	broken.waitConsole(10*time.Second, "raftplay: ", "this link is broken")
	broken.until("a leader in the default run", budgetMs, electionStepMs, hasLeader)
}

// artifactsDir is the folder where the browser tests leave pictures for a
// person to look at: $RAFTPLAY_ARTIFACTS, or raftplay-artifacts in the temp dir.
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("RAFTPLAY_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "raftplay-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Every built-in story plays to its end in the browser with all its claims
// holding; a screenshot of each story's last step is saved for a person to
// look at (in $RAFTPLAY_ARTIFACTS, or the temp dir).
func TestBrowserEveryStoryPlaysToItsEnd(t *testing.T) {
	dir := artifactsDir(t)
	for _, name := range scenario.Builtins {
		t.Run(name, func(t *testing.T) {
			tab := openPlayground(t, "paused=true&theme=light&scenario="+name)
			s := tab.story(nil)
			for {
				s = tab.finishStep()
				if s.Step == s.Steps {
					break
				}
				tab.story(map[string]bool{"next": true})
			}
			buf, _ := tab.screenshot()
			file := filepath.Join(dir, "story-"+name+".png")
			if err := os.WriteFile(file, buf, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("%d steps held; last step: %s", s.Steps, file)
		})
	}
}
