package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"raftplay/raftsim"
	"raftplay/raftsim/raftscripts"
	"raftplay/raftsim/scenario"
	"raftplay/render/scene"
)

// scriptStep is raftplay.story() while one of raft's scripts plays.
type scriptStep struct {
	storyState
	Command string `json:"command"`
	Output  string `json:"output"`
	Check   string `json:"check"`
}

// scriptStep returns the script's step as raftplay.story() gives it.
func (t *tab) scriptStep() scriptStep {
	t.tb.Helper()
	var s scriptStep
	if err := json.Unmarshal([]byte(eval[string](t, t.api+".story()")), &s); err != nil {
		t.tb.Fatal(err)
	}
	return s
}

// wantScriptStep fails the test unless the page stands at step k of the
// script, running command, with raft's lines as the script has them, and
// shows the step in its story panel.
func (t *tab) wantScriptStep(k int, command string) scriptStep {
	t.tb.Helper()
	s := t.scriptStep()
	if !s.Active || s.Step != k || s.Command != command || s.Check != "" {
		t.tb.Fatalf("want step %d, %q, as the script: %+v", k, command, s)
	}
	t.panel("story")
	return s
}

// pageLayout is the layout of the nodes the page draws now, from its
// layout(): where a message waiting on a link is drawn depends on it.
func (t *tab) pageLayout(measure scene.Measure) scene.Layout {
	t.tb.Helper()
	p := t.layout()
	l := viewLayout(measure, len(p.Nodes))
	l.NodePos = l.NodePos[:0]
	var ids []uint64
	for _, n := range p.Nodes {
		l.NodePos = append(l.NodePos, scene.Point{X: n.X, Y: n.Y})
		ids = append(ids, n.ID)
		l.NodeR = n.R
	}
	l.SetNodeIDs(ids)
	return l
}

// raft's prevote script, played step by step by keys and by clicks on the
// story panel's buttons: each step shows its caption, its command and raft's
// output as the script expects it; the cluster moves as the commands say;
// Back replays to exactly the state stepping there showed; the console
// holds the step's output; a link opens the script at the step; and a
// message the script left waiting on its link is delivered by a click.
func TestBrowserScriptPlayer(t *testing.T) {
	tab := openPlayground(t, "script=prevote&step=6&theme=dark")
	s := tab.wantScriptStep(6, "propose 1 prop_1")
	if s.Name != "prevote" || s.Steps != 16 || !strings.Contains(s.Caption, "Propose a command on 1 and replicate it to 2.") {
		t.Fatalf("step 6: %+v", s.storyState)
	}
	st := tab.state()
	if !st.Manual || len(st.Nodes) != 3 || st.Leader() != 1 || len(st.Messages) != 0 {
		t.Fatalf("at step 6 want three nodes held in manual mode, n1 leading, nothing in flight: %s", describe(st))
	}
	at := map[int]string{6: tab.runState()}

	tab.press("n")
	s = tab.wantScriptStep(7, "process-ready 1")
	if !strings.Contains(s.Output, "1->2 MsgApp Term:1 Log:1/11 Commit:11 Entries:[1/12 EntryNormal \"prop_1\"]") {
		t.Errorf("step 7 printed %q", s.Output)
	}
	if st := tab.state(); len(st.Messages) != 2 || !st.Messages[0].Held {
		t.Fatalf("after process-ready 1 want n1's two appends waiting on their links: %+v", st.Messages)
	}
	at[7] = tab.runState()

	tab.click(tab.panel("story-next").Center())
	s = tab.wantScriptStep(8, "deliver-msgs 2")
	if st := tab.state(); len(st.Messages) != 1 || st.Messages[0].To != 3 || st.Node(2).HasReady != true {
		t.Fatalf("after deliver-msgs 2 want only n1's append to n3 waiting and n2 with a Ready: %+v", st.Messages)
	}
	at[8] = tab.runState()
	var lines []string
	if err := json.Unmarshal([]byte(eval[string](tab, tab.api+".console()")), &lines); err != nil {
		t.Fatal(err)
	}
	console := strings.Join(lines, "\n")
	if !strings.Contains(console, "(step 8 of 16) deliver-msgs 2\n1->2 MsgApp Term:1 Log:1/11") {
		t.Errorf("the console does not hold step 8's command and output: %q", console)
	}

	tab.click(tab.panel("story-back").Center())
	tab.wantScriptStep(7, "process-ready 1")
	if tab.runState() != at[7] {
		t.Error("Back from step 8 shows another state than stepping to step 7 did")
	}
	tab.press("b")
	tab.wantScriptStep(6, "propose 1 prop_1")
	if tab.runState() != at[6] {
		t.Error("b from step 7 shows another state than step 6 showed")
	}
	tab.press("n")
	tab.click(tab.panel("story-next").Center())
	tab.wantScriptStep(8, "deliver-msgs 2")
	if tab.runState() != at[8] {
		t.Error("stepping to step 8 again shows another state")
	}
	tab.saveShot("script-prevote-step8.png")
	if link := eval[string](tab, tab.api+".link()"); !strings.Contains(link, "/?script=prevote&step=8&") {
		t.Errorf("the link to step 8 is %q; want it to open the script there", link)
	}

	// n1's append to n3 waits on its link: a click on it delivers it.
	st = tab.state()
	var target raftsim.MessageView
	l := tab.pageLayout(goFontMeasure(t))
	for _, p := range l.PlaceMessages(nil, st, float64(st.NowMs)) {
		if p.Msg.From == 1 && p.Msg.To == 3 {
			target = *p.Msg
			tab.click(p.Pos)
		}
	}
	after := tab.state()
	if target.ID == 0 || len(after.Messages) != 0 || !after.Node(3).HasReady {
		t.Fatalf("a click on n1's append to n3 (#%d) left %+v, n3 without a Ready", target.ID, after.Messages)
	}
	if last := after.Actions[len(after.Actions)-1]; last.Op != raftsim.ActDeliver || last.Message != target.ID {
		t.Errorf("the click did %+v, want deliver #%d", last.Action, target.ID)
	}
	// The script goes on from there: raft's next commands run on what the
	// click did (n3 has its append already; n2's Ready is still there).
	tab.press("n")
	tab.wantScriptStep(9, "process-ready 2")
}

// scriptWait is how long the page has to show what a test waits for.
const scriptWait = 10 * time.Second

// menuItem returns the centre of menu's item for cmd, once the page draws
// the menu where the test's layout puts it.
func menuItem(t *testing.T, tab *tab, menu scene.Panel, cmd scene.Command) scene.Point {
	t.Helper()
	if got := tab.panel("stories"); !nearRect(got, menu.Rect) {
		t.Fatalf("the page draws the menu at %v, the test's layout at %v", got, menu.Rect)
	}
	i := slices.IndexFunc(menu.Buttons, func(b scene.Button) bool { return b.Cmd == cmd })
	if i < 0 {
		t.Fatalf("the menu %q has no item for command %d", menu.Title, cmd)
	}
	return menu.Buttons[i].Rect.Center()
}

// A link to a script raftplay does not have says so on screen and the page
// runs free play; a pasted script with a command raft's scripts do not
// have is refused with the line named, in the paste box and on screen, and
// the script that played goes on; a write on a script's run is refused on
// screen, and a reset ends the script.
func TestBrowserScriptBadInput(t *testing.T) {
	tab := openPlayground(t, "script=moonwalk&theme=dark")
	tab.waitConsole(scriptWait, "raftplay: ", "script=moonwalk is not valid (one of raft v3.7.0's 28 interaction scripts")
	if s := tab.story(nil); s.Active {
		t.Fatalf("an unknown script started something: %+v", s)
	}
	tab.until("a leader in free play", budgetMs, electionStepMs, hasLeader)

	tab = openPlayground(t, "script=campaign&theme=dark")
	tab.wantScriptStep(1, "log-level info")
	res := call[string](tab, "story", map[string]string{"script_text": "add-nodes 1 voters=(1) index=2\n----\nok\n\nelect 1\n----\nok\n"})
	if !strings.Contains(res, `pasted script:5: unknown command \"elect\"`) {
		t.Errorf("a script with an unknown command answered %s", res)
	}
	tab.wantScriptStep(1, "log-level info")

	// The same through the page: Stories, raft's scripts, Paste a script,
	// each the last item of its menu.
	measure := goFontMeasure(t)
	l := viewLayout(measure, 1)
	tab.press("g")
	var entries []scene.StoryEntry
	for _, name := range scenario.Builtins {
		entries = append(entries, scene.StoryEntry{Name: name, Title: scenario.BuiltinTitle(name)})
	}
	stories := l.StoryPicker(entries, len(raftscripts.Names()), measure)
	tab.click(menuItem(t, tab, stories, scene.CmdScripts))
	tab.click(menuItem(t, tab, l.ScriptPicker(raftscripts.Names(), measure), scene.CmdScriptPaste))
	tab.pollFor("the paste box", `getComputedStyle(document.getElementById("raftplay-script-box")).display == "block"`, scriptWait)
	eval[any](tab, `(() => { document.getElementById("raftplay-script-text").value = "campaign 1\n----\nok\n\nstabilise\n----\nok\n"; document.getElementById("raftplay-script-play").click(); return 0 })()`)
	tab.pollFor("the box to say why", `document.getElementById("raftplay-script-error").textContent.includes('pasted script:5: unknown command "stabilise"')`, scriptWait)
	tab.waitConsole(scriptWait, "raftplay: ", "the pasted script cannot play")
	tab.wantScriptStep(1, "log-level info")
	tab.saveShot("script-paste-refused.png")
	eval[any](tab, fmt.Sprintf(`(() => { document.getElementById("raftplay-script-text").value = %q; document.getElementById("raftplay-script-play").click(); return 0 })()`,
		"add-nodes 2 voters=(1,2) index=2\n----\nok\n\ncampaign 1\n----\nok\n"))
	tab.pollFor("the pasted script", tab.api+`.story().includes('"name":"pasted script"')`, scriptWait)
	if st := tab.state(); len(st.Nodes) != 2 {
		t.Errorf("the pasted script's first step left %d nodes, want 2", len(st.Nodes))
	}

	// A write has no key space on a script's nodes: refused, said on
	// screen; a reset ends the script and free play goes on.
	tab.press("w")
	tab.waitConsole(scriptWait, "raftplay: ", "put: a run of raft's interaction script takes only")
	tab.press("r")
	if s := tab.story(nil); s.Active {
		t.Errorf("a reset left the script playing: %+v", s)
	}
	tab.until("a leader after the reset", budgetMs, electionStepMs, hasLeader)
}

// At a laptop's size, on a phone by touch and in a small embed, the script
// player's panel takes a tap or a click on Next and Back and keeps clear of
// the nodes, and pictures of each mid-script (a step with its caption, and
// one with messages waiting on their links) are saved for a person to look
// at.
func TestBrowserScriptPlayerAtEverySize(t *testing.T) {
	requireBrowser(t)
	for _, v := range []struct {
		name  string
		view  viewport
		setup []func(*tab)
	}{
		{"1280x800", viewport{1280, 800, 1}, nil},
		{"390x844-touch", phoneView, []func(*tab){asPhone}},
		{"640x400", viewport{640, 400, 1}, nil},
	} {
		t.Run(v.name, func(t *testing.T) {
			tab := openURL(t, browser.server.URL+"/?script=prevote&step=10&theme=dark", ownAPI, v.view, v.setup...)
			if s := tab.wantScriptStep(10, "raft-log 3"); s.Caption != "3 is now behind on its log. Attempt to campaign." {
				t.Errorf("step 10's caption is %q", s.Caption)
			}
			buf, _ := tab.screenshot()
			saveArtifact(t, "script-prevote-step10-"+v.name+".png", buf)
			press := func(name string) {
				if c := tab.panel(name).Center(); v.setup != nil {
					tab.touch(c, 0)
				} else {
					tab.click(c)
				}
			}
			press("story-next")
			press("story-next")
			press("story-next")
			tab.wantScriptStep(13, "deliver-msgs 1 2")
			press("story-back")
			tab.wantScriptStep(12, "process-ready 3")
			if st := tab.state(); len(st.Messages) != 4 || st.Node(3).Role != raftsim.RolePreCandidate {
				t.Errorf("at step 12 want n3 a pre-candidate and four messages waiting: %s", describe(st))
			}
			for _, n := range tab.layout().Nodes {
				if story := tab.panel("story"); n.Y-n.R < story.Bottom() && n.Y+n.R > story.Y && n.X+n.R > story.X && n.X-n.R < story.Right() {
					t.Errorf("node %d at (%.0f, %.0f) r %.0f is under the story panel %v", n.ID, n.X, n.Y, n.R, story)
				}
			}
			buf, _ = tab.screenshot()
			saveArtifact(t, "script-prevote-step12-"+v.name+".png", buf)
		})
	}
}
