package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"raftplay/raftsim"
	"raftplay/render/scene"
)

// The browser tests: the real site in headless Chromium, driven through
// window.raftplay, the mouse and the keyboard, and checked through the
// playground's state and the pixels it draws.

// How long the tests wait for the cluster, in virtual time: budgetMs is
// enough for any election (a timeout is at most 300 ms, and a split vote
// costs another) and any write; an election is awaited in steps of
// electionStepMs, a write, which commits in a few round trips of 4 to 12 ms,
// in steps of writeStepMs.
const (
	budgetMs       = 3000
	electionStepMs = 50
	writeStepMs    = 25
)

// hasLeader reports whether a node that is up leads.
func hasLeader(s *raftsim.Snapshot) bool { return s.Leader() != 0 }

// crash is the action that crashes node id.
func crash(id uint64) string { return fmt.Sprintf(`{"op":"crash","node":%d}`, id) }

// put is the action that writes value, under the key value, through node via.
func put(value string, via uint64) string {
	return fmt.Sprintf(`{"op":"put","key":%q,"value":%q,"via":%d}`, value, value, via)
}

// entry returns n's log entry labelled label, or nil.
func entry(n *raftsim.NodeView, label string) *raftsim.EntryView {
	for i := range n.Log {
		if n.Log[i].Label == label {
			return &n.Log[i]
		}
	}
	return nil
}

func TestBrowserPageLoads(t *testing.T) {
	tab := openPlayground(t, "seed=7")
	if eval[bool](tab, `document.getElementById("raftplay-loader") !== null`) {
		t.Error("the loading overlay is still on the page after the first frame")
	}
	// Not multisampled (cmd/wasm/canvas_js.go): in software GL resolving
	// the samples was a third of each presented frame's cost.
	if eval[bool](tab, `document.querySelector("canvas").getContext("webgl2").getContextAttributes().antialias`) {
		t.Error("the canvas's WebGL2 context is multisampled (antialias: true)")
	}
	if v := eval[string](tab, tab.api+".version"); !strings.Contains(v, "v3.7.0") {
		t.Errorf("raftplay.version = %q, want it to name raft v3.7.0", v)
	}
	s := tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	if len(s.Nodes) != 5 || s.Seed != 7 {
		t.Errorf("state() has %d nodes and seed %d, want 5 nodes and seed 7 (from the URL)", len(s.Nodes), s.Seed)
	}
}

func TestBrowserRolesMatchCanvas(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=light")
	s := tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	// A crashed node next to the live ones, so its look is checked too.
	down := s.Leader()%uint64(len(s.Nodes)) + 1
	tab.do(crash(down))
	tab.pause()
	s = tab.state()
	_, img := tab.screenshot()
	l := viewLayout(goFontMeasure(t), len(s.Nodes))
	checkNodeColours(t, img, &l, &scene.Light, s)
}

func TestBrowserLeaderCrash(t *testing.T) {
	tab := openPlayground(t, "seed=3")
	s := tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	old := s.Leader()
	term := s.Node(old).Term
	tab.do(crash(old))
	s = tab.until(fmt.Sprintf("a new leader after n%d (term %d) crashed", old, term), budgetMs, electionStepMs, func(s *raftsim.Snapshot) bool {
		l := s.Leader()
		return l != 0 && l != old && s.Node(l).Term > term
	})
	if s.Node(old).Up {
		t.Errorf("n%d is up, but it was crashed", old)
	}
}

func TestBrowserPartitionedLeaderCannotCommit(t *testing.T) {
	tab := openPlayground(t, "seed=5")
	s := tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	lead := s.Leader()
	term := s.Node(lead).Term
	// The leader and one follower on one side, the other three on the other.
	minority := []uint64{lead, lead%5 + 1}
	var majority []uint64
	for _, n := range s.Nodes {
		if !slices.Contains(minority, n.ID) {
			majority = append(majority, n.ID)
		}
	}
	groups, _ := json.Marshal([][]uint64{minority, majority})
	tab.do(fmt.Sprintf(`{"op":"partition","groups":%s}`, groups))

	const lost, kept = "minority-write", "majority-write"
	tab.do(put(lost, lead))
	// Less than the client's 1 s time-out, after which it would try its
	// write again through another node.
	s = tab.advance(800)
	e := entry(s.Node(lead), lost)
	if e == nil {
		t.Fatalf("n%d never appended %q; the cluster: %s", lead, lost, describe(s))
	}
	for _, id := range minority {
		if n := s.Node(id); n.Commit >= e.Index {
			t.Errorf("n%d committed index %d (%q) in a minority of 2 of 5; the cluster: %s", id, e.Index, lost, describe(s))
		}
	}

	s = tab.until("a leader in the majority with a higher term", budgetMs, electionStepMs, func(s *raftsim.Snapshot) bool {
		l := s.Leader()
		return slices.Contains(majority, l) && s.Node(l).Term > term
	})
	tab.do(put(kept, s.Leader()))
	tab.until(fmt.Sprintf("the majority %v commits %q", majority, kept), budgetMs, writeStepMs, func(s *raftsim.Snapshot) bool {
		for _, id := range majority {
			if e := entry(s.Node(id), kept); e == nil || !e.Committed {
				return false
			}
		}
		return true
	})
	if e := entry(tab.state().Node(lead), lost); e != nil && e.Committed {
		t.Errorf("n%d, cut off in the minority, marks %q committed", lead, lost)
	}
}

func TestBrowserMouseCrashesNodeFromMenu(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=dark")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.pause()
	s := tab.state()
	id := s.Leader()
	measure := goFontMeasure(t)
	l := viewLayout(measure, len(s.Nodes))
	th := &scene.Dark
	menu := l.NodeMenu(id, s, measure)

	_, before := tab.screenshot()
	if hits, _ := selectionRing(before, &l, th, id); hits > 0 {
		t.Fatalf("n%d looks selected before any click (%d accent pixels round it)", id, hits)
	}
	if panelShown(before, th, menu.Rect) == nil {
		t.Fatalf("n%d's menu is on the canvas before any click", id)
	}

	c, _ := l.Node(id)
	tab.click(c)
	_, after := tab.screenshot()
	if hits, looked := selectionRing(after, &l, th, id); hits*2 < looked {
		t.Errorf("after a click on n%d only %d of %d points round it show the selection ring", id, hits, looked)
	}
	if err := panelShown(after, th, menu.Rect); err != nil {
		t.Fatalf("after a click on n%d its menu is not where the layout puts it: %v", id, err)
	}

	i := slices.IndexFunc(menu.Buttons, func(b scene.Button) bool { return b.Op == raftsim.ActCrash })
	if i < 0 {
		t.Fatal("the node menu has no Crash item")
	}
	tab.click(menu.Buttons[i].Rect.Center())
	if n := tab.state().Node(id); n.Up {
		t.Errorf("n%d is still up after a click on its menu's Crash item", id)
	}
}

func TestBrowserBadParametersAreReported(t *testing.T) {
	tab := openPlayground(t, "seed=2&nodes=12&speed=fast")
	for _, param := range []string{"nodes=12", "speed=fast"} {
		tab.waitConsole(10*time.Second, "raftplay: ", param)
	}
	s := tab.until("a leader despite the bad parameters", budgetMs, electionStepMs, hasLeader)
	if len(s.Nodes) != 5 {
		t.Errorf("%d nodes, want the default 5 in place of nodes=12", len(s.Nodes))
	}
}

func TestBrowserKeyboard(t *testing.T) {
	tab := openPlayground(t, "seed=4")
	tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	if !eval[bool](tab, `(() => { const c = document.querySelector("canvas"); c.focus(); return document.activeElement === c; })()`) {
		t.Fatal("the canvas does not take the focus")
	}
	for _, k := range []struct {
		key string
		up  bool
	}{{"k", false}, {"a", true}} {
		tab.press(k.key)
		for _, n := range tab.state().Nodes {
			if n.Up != k.up {
				t.Errorf("after the key %q n%d is up=%v, want up=%v", k.key, n.ID, n.Up, k.up)
			}
		}
	}
}

func TestBrowserHostPageMessages(t *testing.T) {
	// embed.html shows the playground in an iframe and posts each button's
	// action to it, logging every reply.
	tab := openTab(t, "/embed.html", `document.getElementById("playground").contentWindow.raftplay`)
	if err := chromedp.Do(tab.ctx, chromedp.Click(chromedp.CSS(`button[data-action='{"op":"crash","node":1}']`))); err != nil {
		t.Fatalf("clicking the host page's Crash node 1 button: %v", err)
	}
	line, err := chromedp.Run(tab.ctx, chromedp.Poll[string](
		`document.getElementById("host-log").textContent.split("\n").find(l => l.includes("received")) || ""`,
		chromedp.WithPollingInterval(pollEvery), chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("the host page logged no reply from the playground: %v", err)
	}
	var reply struct {
		Raftplay string `json:"raftplay"`
		OK       bool   `json:"ok"`
	}
	_, text, _ := strings.Cut(line, "received ")
	if err := json.Unmarshal([]byte(text), &reply); err != nil || reply.Raftplay != "result" || !reply.OK {
		t.Fatalf(`the reply is %q, want {"raftplay":"result","ok":true,...}`, text)
	}
	if tab.state().Node(1).Up {
		t.Error("n1 is up after the host page asked to crash it")
	}
}

// screenshotPath is where the README's picture of the playground goes.
const screenshotPath = "../../docs/screenshot.png"

// maxScreenshotBytes keeps the README's picture light.
const maxScreenshotBytes = 300 << 10

func TestBrowserScreenshotForREADME(t *testing.T) {
	tab := openPlayground(t, "seed=7&theme=dark")
	s := tab.until("a leader", budgetMs, electionStepMs, hasLeader)
	tab.pause()
	lead := s.Leader()
	for _, v := range []string{"hello", "raft"} {
		tab.do(put(v, lead))
		tab.until(fmt.Sprintf("%q committed everywhere", v), budgetMs, writeStepMs, func(s *raftsim.Snapshot) bool {
			for i := range s.Nodes {
				if e := entry(&s.Nodes[i], v); e == nil || !e.Committed {
					return false
				}
			}
			return true
		})
	}
	// A third write caught half way to the followers: the leader sends it
	// once its disk has synced it, within a few milliseconds.
	tab.do(put("playground", lead))
	s = tab.until("the third write half way to a follower", 50, 1, func(s *raftsim.Snapshot) bool {
		return slices.ContainsFunc(s.Messages, func(m raftsim.MessageView) bool {
			return m.Type.String() == "MsgApp" && slices.Contains(m.Entries, "playground") && 2*(s.NowMs-m.SentMs) >= m.DeliverMs-m.SentMs
		})
	})
	buf, img := tab.screenshot()
	l := viewLayout(goFontMeasure(t), len(s.Nodes))
	checkNodeColours(t, img, &l, &scene.Dark, s)
	if t.Failed() {
		return
	}
	if len(buf) > maxScreenshotBytes {
		var small bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&small, img); err != nil {
			t.Fatal(err)
		}
		buf = small.Bytes()
	}
	if len(buf) > maxScreenshotBytes {
		t.Fatalf("the screenshot is %d KB, more than %d KB", len(buf)>>10, maxScreenshotBytes>>10)
	}
	if err := os.MkdirAll(filepath.Dir(screenshotPath), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(screenshotPath, buf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d KB)", screenshotPath, len(buf)>>10)
}
