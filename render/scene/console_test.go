package scene

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"raftplay/raftsim"
	"raftplay/raftsim/clients"
	"raftplay/raftsim/scenario"
)

// typeKeys sends keys to s one by one, with "⏎", "⌫", "↑", "↓" and "⎋"
// standing for Enter, Backspace, the arrows and Esc, and returns the actions
// of all of them.
func typeKeys(s *Scene, keys string) []raftsim.Action {
	special := map[rune]rune{'⏎': KeyEnter, '⌫': KeyBackspace, '↑': KeyUp, '↓': KeyDown, '⎋': KeyEscape}
	var acts []raftsim.Action
	for _, r := range keys {
		if k, ok := special[r]; ok {
			r = k
		}
		acts = append(acts, s.Key(r)...)
	}
	return acts
}

func TestConsoleTyping(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  string // typed after the console opens
		input string // the line left being typed
		want  string // the actions, as JSON
	}{
		{"set", "set /nosql/foo bar⏎", "", `[{"op":"console","line":"set /nosql/foo bar"}]`},
		{"typing without enter", "get /foo", "get /foo", `null`},
		{"backspace", "get /fooo⌫⏎", "", `[{"op":"console","line":"get /foo"}]`},
		{"backspace on empty", "⌫⌫ls⏎", "", `[{"op":"console","line":"ls"}]`},
		{"blank line", "   ⏎", "", `null`},
		{"spaces trimmed", "  ls /  ⏎", "", `[{"op":"console","line":"ls /"}]`},
		{"history up", "ls⏎get /a⏎↑", "get /a", `[{"op":"console","line":"ls"},{"op":"console","line":"get /a"}]`},
		{"history up twice", "ls⏎get /a⏎↑↑", "ls", `[{"op":"console","line":"ls"},{"op":"console","line":"get /a"}]`},
		{"history stops at the oldest", "ls⏎↑↑↑", "ls", `[{"op":"console","line":"ls"}]`},
		{"history down to the draft", "ls⏎rm /x↑↓", "rm /x", `[{"op":"console","line":"ls"}]`},
		{"history rerun", "ls⏎↑⏎", "", `[{"op":"console","line":"ls"},{"op":"console","line":"ls"}]`},
		{"edit a recalled line", "get /a⏎↑⌫b⏎", "", `[{"op":"console","line":"get /a"},{"op":"console","line":"get /b"}]`},
		{"digits and shortcut keys type", "set /k 3cpkwa ?⏎", "", `[{"op":"console","line":"set /k 3cpkwa ?"}]`},
		{"endpoints", "--endpoints n3 get /foo⏎", "", `[{"op":"console","via":3,"line":"get /foo"}]`},
		{"endpoints url", "etcdctl --endpoints=http://n2:2379 ls /⏎", "", `[{"op":"console","via":2,"line":"ls /"}]`},
		{"endpoints number", "--endpoint 4 member list⏎", "", `[{"op":"console","via":4,"line":"member list"}]`},
		{"bad endpoint", "--endpoints nine ls⏎", "", `null`},
		{"endpoint without command", "--endpoints n2⏎", "", `null`},
		{"esc closes and keeps the line", "get /f⎋", "get /f", `null`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newScene(cluster(5))
			s.Key('e')
			acts := typeKeys(s, tc.keys)
			got, _ := json.Marshal(acts)
			if string(got) != tc.want {
				t.Errorf("keys %q did %s, want %s", tc.keys, got, tc.want)
			}
			if s.Console.Input() != tc.input {
				t.Errorf("line %q, want %q", s.Console.Input(), tc.input)
			}
		})
	}
}

// TestConsoleKeepsKeys checks that no key typed into the console reaches the
// other controls: nothing is selected, paused, partitioned or helped.
func TestConsoleKeepsKeys(t *testing.T) {
	s := newScene(cluster(5, msg(21, 1, 2, "MsgHeartbeat")))
	s.Key('`')
	if !s.Console.Open {
		t.Fatal("` did not open the console")
	}
	keys := " .-=rwphkamd?cutli123gnbxysvfe\n"
	if acts := typeKeys(s, keys); len(acts) != 1 || acts[0].Op != "console" {
		t.Errorf("keys in the console did %v, want one console action", acts)
	}
	if c := s.Controller; c.Selected != 0 || c.Message != 0 || c.Edit != nil || c.Help {
		t.Errorf("keys leaked to the controls: %+v", c)
	}
	if len(s.Notices.List()) != 0 || panelOf[*verdictPanel](s).open {
		t.Errorf("keys leaked: notices %v, verdict %v", s.Notices.List(), panelOf[*verdictPanel](s).open)
	}
	s.Key('`')
	if s.Console.Open {
		t.Fatal("` did not close the console")
	}
	if acts := s.Key('k'); len(acts) != 1 || acts[0].Op != "crash-all" {
		t.Errorf("after the console closed, k did %v", acts)
	}
}

func TestConsoleVia(t *testing.T) {
	snap := cluster(3)
	s := newScene(snap)
	s.Key('e')
	var labels []string
	for range 5 {
		labels = append(labels, s.laidConsole.Buttons[0].Label)
		s.handle(Intent{Cmd: CmdConsoleVia})
	}
	if got, want := strings.Join(labels, ", "), "via leader n1, via n1, via n2, via n3, via leader n1"; got != want {
		t.Errorf("via cycles %s, want %s", got, want)
	}
	s.handle(Intent{Cmd: CmdConsoleVia}) // from n1 on to n2
	got, _ := json.Marshal(typeKeys(s, "get /a⏎--endpoints n3 get /b⏎"))
	if want := `[{"op":"console","via":2,"line":"get /a"},{"op":"console","via":3,"line":"get /b"}]`; string(got) != want {
		t.Errorf("via n2, then --endpoints n3: %s, want %s", got, want)
	}
	snap.Config.Names = []string{"A", "B", "C"}
	got, _ = json.Marshal(typeKeys(s, "--endpoints C get /c⏎--endpoints=B get /d⏎"))
	if want := `[{"op":"console","via":3,"line":"get /c"},{"op":"console","via":2,"line":"get /d"}]`; string(got) != want {
		t.Errorf("--endpoints by a story's names: %s, want %s", got, want)
	}
	snap.Nodes[0].Role = raftsim.RoleFollower
	if l := (&Console{}).ViaLabel(snap); l != "via leader (none yet)" {
		t.Errorf("with no leader the via button reads %q", l)
	}
}

func TestConsoleTranscript(t *testing.T) {
	s := newScene(cluster(5))
	s.Key('e')
	hints := s.Console.Transcript.Total()
	if hints == 0 {
		t.Fatal("a console opened for the first time says nothing about itself")
	}
	s.Observe(s.Snap, []raftsim.Event{
		{Seq: 1, Kind: raftsim.EvConsole, Line: raftsim.ConsoleCommand, Text: "$ etcdctl get /foo   (via n1)"},
		{Seq: 2, Kind: raftsim.EvCommit, Text: "n1 committed up to index 3"},
		{Seq: 3, Kind: raftsim.EvConsole, Line: raftsim.ConsoleAnswer, Text: "bar"},
		{Seq: 4, Kind: raftsim.EvConsole, Line: raftsim.ConsoleError, Text: "Error: 100: Key not found (/nope) [3]"},
	})
	bad := raftsim.Action{Op: "console", Line: "bogus", Via: 2}
	if !s.Console.Refused(bad, errors.New("No help topic for 'bogus'"), &s.Snap.Config) {
		t.Error("a refused console action was not taken")
	}
	if s.Console.Refused(raftsim.Action{Op: "crash", Node: 1}, errors.New("n1 is down"), &s.Snap.Config) {
		t.Error("a refused crash went to the console")
	}
	rows := s.Console.Transcript.Rows(5, 1e6, 10, measure)
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%d %s", r.Kind, r.Text))
	}
	want := []string{
		"1 $ etcdctl get /foo   (via n1)",
		"0 bar",
		"2 Error: 100: Key not found (/nope) [3]",
		"1 $ etcdctl bogus   (via n2)",
		"2 No help topic for 'bogus'",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("transcript:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTranscriptScrollsAndWraps(t *testing.T) {
	var tr Transcript
	for i := range 10 {
		tr.add(ConsoleLine{Text: fmt.Sprintf("line %d", i)})
	}
	tr.add(ConsoleLine{Text: "a b c d e f"}) // 11 runes at 1 unit each: two rows 6 wide
	tr.add(ConsoleLine{Text: ""})            // an empty answer is an empty row
	text := func(rows []ConsoleLine) string {
		var s []string
		for _, r := range rows {
			s = append(s, r.Text)
		}
		return strings.Join(s, "|")
	}
	unit := func(s string, _ float64) float64 { return float64(len([]rune(s))) }
	if got := text(tr.Rows(4, 6, 1, unit)); got != "line 9|a b c|d e f|" {
		t.Errorf("newest rows %q", got)
	}
	tr.Scroll(2)
	if got := text(tr.Rows(4, 6, 1, unit)); got != "line 7|line 8|line 9|a b c" {
		t.Errorf("two rows back %q", got)
	}
	tr.Scroll(100)
	if got := text(tr.Rows(2, 100, 1, unit)); got != "line 0|line 1" || tr.Offset() != 10 {
		t.Errorf("scrolled past the top: %q at offset %d", got, tr.Offset())
	}
	tr.Scroll(-100)
	if tr.Offset() != 0 {
		t.Errorf("scrolled past the bottom: offset %d", tr.Offset())
	}
	for i := range 2 * transcriptSize {
		tr.add(ConsoleLine{Text: fmt.Sprint(i)})
	}
	if got := text(tr.Rows(1, 100, 1, unit)); got != fmt.Sprint(2*transcriptSize-1) {
		t.Errorf("after overflow the newest row is %q", got)
	}
}

func TestConsoleWheel(t *testing.T) {
	s := newScene(cluster(5))
	s.Key('e')
	for i := range 40 {
		s.Console.Transcript.add(ConsoleLine{Text: fmt.Sprint(i)})
	}
	s.Wheel(s.Layout.Center, 100)
	if s.Console.Transcript.Offset() != 0 {
		t.Error("the wheel over the ring scrolled the console")
	}
	s.Wheel(s.laidConsole.Rect.Center(), 100)
	if s.Console.Transcript.Offset() != consoleWheel {
		t.Errorf("the wheel over the console scrolled to %d", s.Console.Transcript.Offset())
	}
	s.Key(KeyPageUp)
	if s.laidConsole.Hint != consoleScrolled {
		t.Errorf("scrolled back, the hint reads %q", s.laidConsole.Hint)
	}
	typeKeys(s, "ls⏎")
	if s.Console.Transcript.Offset() != 0 {
		t.Error("running a command did not show the newest lines")
	}
}

func TestFitTail(t *testing.T) {
	for _, tc := range []struct {
		text string
		w    float64
		want string
	}{
		{"$ etcdctl ls", 20, "$ etcdctl ls"},
		{"$ etcdctl get /a/long/key", 10, "…/long/key"},
		{"abc", 0.5, ""},
	} {
		unit := func(s string, _ float64) float64 { return float64(len([]rune(s))) }
		if got := FitTail(tc.text, tc.w, 1, unit); got != tc.want {
			t.Errorf("FitTail(%q, %v) = %q, want %q", tc.text, tc.w, got, tc.want)
		}
	}
}

// While a txn reads its lines, a blank line is sent (it ends a part) and a
// line is the txn's own, not a command with --endpoints.
func TestConsoleSendsATxnsLines(t *testing.T) {
	snap := cluster(5)
	snap.Clients.ConsoleReading = true
	s := newScene(snap)
	s.Key('e')
	got, _ := json.Marshal(typeKeys(s, "value(\"k\") = \"v\"⏎⏎--endpoints n2⏎"))
	if want := `[{"op":"console","line":"value(\"k\") = \"v\""},{"op":"console"},{"op":"console","line":"--endpoints n2"}]`; string(got) != want {
		t.Errorf("actions %s, want %s", got, want)
	}
}

// At a story's end, and between its steps, the clock stands still: a
// command typed then gets, in the frame it was typed in, a line that says
// when its answer comes, instead of a console that looks hung. In free play
// the answer comes as the clock runs, and nothing is added.
func TestConsoleSaysWhenTheStoryClockWaits(t *testing.T) {
	sc, err := scenario.Builtin("election")
	if err != nil {
		t.Fatal(err)
	}
	sim, err := clients.New(sc.Config)
	if err != nil {
		t.Fatal(err)
	}
	p, err := scenario.NewPlayer(sim, sc)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Goto(len(sc.Steps) - 1); err != nil {
		t.Fatal(err)
	}
	p.Finish()
	s := newScene(sim.Snapshot())
	for _, tc := range []struct {
		story *StoryView
		want  string
	}{
		{&StoryView{Steps: 2, Step: 1, Done: true, Last: true}, "Take over (x)"},
		{&StoryView{Steps: 2, Done: true}, "waits for Next"},
		{nil, "$ etcdctl put foo bar"},
	} {
		s.SetStory(tc.story)
		s.Key('e')
		seq := s.LastSeq()
		for _, a := range typeKeys(s, "put foo bar⏎") {
			if err := sim.Do(a); err != nil {
				t.Fatal(err)
			}
		}
		s.Observe(sim.Snapshot(), sim.Events(seq)) // the same frame
		if got := s.Console.Transcript.Last(1); len(got) == 0 || !strings.Contains(got[0], tc.want) {
			t.Errorf("with the story %+v the frame's last console line is %q; want it to say %q", tc.story, got, tc.want)
		}
		s.Key(KeyEscape)
	}
}

// The console's help takes its examples from the run's nodes, called by
// their names, and a leading etcdctl typed out of habit is not doubled.
func TestConsoleSpeaksOfTheRunsNodes(t *testing.T) {
	snap := cluster(5)
	snap.Config.Names = []string{"A", "B", "C", "D", "E"}
	s := newScene(snap)
	s.Key('e')
	help := strings.Join(s.Console.Transcript.Last(4), "\n")
	for _, want := range []string{"asks node A (host n1)", "--endpoints B before a command"} {
		if !strings.Contains(help, want) {
			t.Errorf("the console's help does not say %q:\n%s", want, help)
		}
	}
	acts := typeKeys(s, "etcdctl put foo bar⏎")
	if len(acts) != 1 || acts[0].Line != "put foo bar" {
		t.Fatalf("etcdctl put foo bar asks for %+v; want the line put foo bar", acts)
	}
	s.Console.Refused(acts[0], errors.New("Error: unknown command"), snap)
	if echo := s.Console.Transcript.Last(2)[0]; strings.Count(echo, "etcdctl") != 1 {
		t.Errorf("the refused command is echoed %q; want etcdctl once", echo)
	}
}
