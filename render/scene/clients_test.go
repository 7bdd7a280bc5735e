package scene

import (
	"encoding/json"
	"strings"
	"testing"

	"raftplay/raftsim"
)

func TestClientsHUD(t *testing.T) {
	for _, tc := range []struct {
		name    string
		c       raftsim.ClientsView
		verdict string
		state   VerdictState
		load    string
	}{
		{"nothing yet", raftsim.ClientsView{Linearizable: raftsim.Verdict{Status: "no operations"}},
			"linearizability: nothing checked yet", VerdictNone, "0 ops/s committed"},
		{"linearizable", raftsim.ClientsView{OpsPerSec: 12, Linearizable: raftsim.Verdict{Status: "linearizable", Checked: 1234}},
			"linearizable (1 234 ops checked)", VerdictOK, "12 ops/s committed"},
		{"stress", raftsim.ClientsView{Stress: true, OpsPerSec: 1500, Linearizable: raftsim.Verdict{Status: "linearizable", Checked: 7}},
			"linearizable (7 ops checked)", VerdictOK, "stress on · 1 500 ops/s committed"},
		{"not linearizable", raftsim.ClientsView{Linearizable: raftsim.Verdict{Status: "not linearizable", Checked: 40, Offending: []string{"key /k1: …"}}},
			"NOT linearizable (click for why)", VerdictBad, "0 ops/s committed"},
	} {
		h := NewClientsHUD(&tc.c)
		if h.Verdict != tc.verdict || h.State != tc.state || h.Load != tc.load {
			t.Errorf("%s: %q (state %d), %q; want %q (state %d), %q", tc.name, h.Verdict, h.State, h.Load, tc.verdict, tc.state, tc.load)
		}
	}
}

func TestVerdictLines(t *testing.T) {
	bad := raftsim.ClientsView{Workload: 3, OpsPerSec: 5, Operations: 50, Linearizable: raftsim.Verdict{
		Status: "not linearizable", Checked: 40,
		Offending: []string{"key /k1: no order of these operations explains what clients saw", `client 4 get /k1="" from 10 ms to 30 ms: "a"`},
	}}
	got := strings.Join(VerdictLines(&bad, "check step: mean 0.10 ms"), "\n")
	want := "key /k1: no order of these operations explains what clients saw\n" +
		`client 4 get /k1="" from 10 ms to 30 ms: "a"` + "\n" +
		"3 clients calling, 5 ops/s committed\n" +
		"check step: mean 0.10 ms"
	if got != want {
		t.Errorf("not linearizable:\n%s\nwant\n%s", got, want)
	}
	ok := raftsim.ClientsView{Operations: 2000, Linearizable: raftsim.Verdict{Status: "linearizable", Checked: 1990}}
	if lines := VerdictLines(&ok, ""); !strings.HasPrefix(lines[0], "1 990 of 2 000 client operations checked") || len(lines) != 3 {
		t.Errorf("linearizable: %q", lines)
	}
}

func TestClientsCommands(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  string
		setup func(*raftsim.Snapshot)
		want  string // the actions of the last key, as JSON
		note  string
	}{
		{"stress on", "s", nil, `[{"op":"stress","on":true}]`, ""},
		{"stress off", "s", func(s *raftsim.Snapshot) { s.Clients.Stress = true }, `[{"op":"stress","on":false}]`, ""},
		{"checking clients", "v", nil, `[{"op":"clients","count":3,"read":"linearizable"}]`, ""},
		{"lying disk on", "2f", nil, `[{"op":"lying-disk","node":2,"on":true}]`, ""},
		{"lying disk off", "2f", func(s *raftsim.Snapshot) { s.Nodes[1].LyingDisk = true }, `[{"op":"lying-disk","node":2,"on":false}]`, ""},
		{"lying disk on a crashed node", "3f", func(s *raftsim.Snapshot) { s.Nodes[2].Up = false }, `[{"op":"lying-disk","node":3,"on":true}]`, ""},
		{"lying disk needs a node", "f", nil, `null`, "select a node first"},
		{"menu closes after the lying disk", "2ff", nil, `null`, "select a node first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			snap := cluster(5)
			if tc.setup != nil {
				tc.setup(snap)
			}
			s := newScene(snap)
			var acts []raftsim.Action
			for _, r := range tc.keys {
				acts = s.Key(r)
			}
			got, _ := json.Marshal(acts)
			if string(got) != tc.want {
				t.Errorf("keys %q did %s, want %s", tc.keys, got, tc.want)
			}
			notes := s.Notices.List()
			if tc.note != "" && (len(notes) == 0 || !strings.Contains(notes[len(notes)-1].Text, tc.note)) {
				t.Errorf("notices %v, want one with %q", notes, tc.note)
			}
		})
	}
}

func TestVerdictPanelOpensAndCloses(t *testing.T) {
	s := newScene(cluster(5))
	if got := s.HitTest(s.ClientsHUD.Hit.Center()); got != (Hit{Kind: HitButton, Cmd: CmdVerdict}) {
		t.Fatalf("the HUD's verdict hits %+v", got)
	}
	click := func(p Point) []raftsim.Action {
		s.Press(p)
		return s.Release(p)
	}
	click(s.ClientsHUD.Hit.Center())
	panels := s.OpenPanels()
	if len(panels) != 1 || !strings.HasPrefix(panels[0].Title, "Linearizability") {
		t.Fatalf("a click on the verdict opened %d panels", len(panels))
	}
	byCmd := map[Command]Button{}
	for _, b := range panels[0].Buttons {
		byCmd[b.Cmd] = b
	}
	got, _ := json.Marshal(click(byCmd[CmdClientsSerializable].Rect.Center()))
	if want := `[{"op":"clients","count":3,"read":"serializable"}]`; string(got) != want {
		t.Errorf("the serializable button did %s, want %s", got, want)
	}
	// etcd's v3 API for the stress writers and the checking clients.
	for cmd, want := range map[Command]string{
		CmdStressV3:  `[{"op":"stress","on":true,"api":3}]`,
		CmdClientsV3: `[{"op":"clients","count":3,"read":"linearizable","api":3}]`,
	} {
		if got, _ := json.Marshal(click(byCmd[cmd].Rect.Center())); string(got) != want {
			t.Errorf("the v3 button %q did %s, want %s", byCmd[cmd].Label, got, want)
		}
	}
	s.Key('3')
	s.Key(KeyEscape)
	if !panelOf[*verdictPanel](s).open || s.Controller.Selected != 0 {
		t.Errorf("Esc over a node menu: verdict open %v, menu of n%d", panelOf[*verdictPanel](s).open, s.Controller.Selected)
	}
	s.Key(KeyEscape)
	if panelOf[*verdictPanel](s).open {
		t.Error("Esc did not close the verdict panel")
	}
	click(s.ClientsHUD.Hit.Center())
	click(byCmd[CmdVerdict].Rect.Center())
	if panelOf[*verdictPanel](s).open {
		t.Error("the verdict panel's Close did not close it")
	}
}

func TestToolbarShowsModes(t *testing.T) {
	snap := cluster(5)
	s := newScene(snap)
	if s.ToolOn(CmdConsole) || s.ToolOn(CmdStress) || s.ToolOn(CmdHeal) {
		t.Error("modes on in a fresh scene")
	}
	snap.Clients.Stress = true
	s.Key('e')
	if !s.ToolOn(CmdConsole) || !s.ToolOn(CmdStress) {
		t.Error("console open and stress on, but their buttons are not pressed")
	}
}

func TestLyingDiskMenuItem(t *testing.T) {
	snap := cluster(5)
	snap.Nodes[1].LyingDisk = true
	s := newScene(snap)
	labels := map[uint64]string{}
	for _, id := range []uint64{1, 2} {
		s.Key(rune('0' + id))
		for _, b := range s.OpenPanels()[0].Buttons {
			if b.Op == raftsim.ActLyingDisk {
				labels[id] = b.Label
			}
		}
		s.Key(KeyEscape)
	}
	if labels[1] != "Lying disk on" || labels[2] != "Lying disk off" {
		t.Errorf("lying-disk items read %v", labels)
	}
}
