package scene

import (
	"fmt"
	"testing"

	"raftplay/raftsim"
)

// TestConsoleLayoutFitsEveryScreen opens the console and the verdict panel
// on every screen and cluster size: the console keeps to the side area,
// clear of the stage, the toolbar and what is left of the logs and events,
// and its parts keep inside it and apart.
func TestConsoleLayoutFitsEveryScreen(t *testing.T) {
	for _, sc := range screens {
		for _, n := range []int{3, 5, 9} {
			name := fmt.Sprintf("%vx%v@%v/n%d", sc.w, sc.h, sc.u, n)
			s := New(&Dark, ControlsFull, measure)
			s.Observe(cluster(n), nil)
			s.Resize(sc.w, sc.h, sc.u)
			stage := s.Layout.Stage
			s.handle(Intent{Cmd: CmdConsole})
			s.handle(Intent{Cmd: CmdVerdict})
			l := &s.Layout
			screen := Rect{0, 0, sc.w, sc.h}
			if l.Stage != stage {
				t.Errorf("%s: opening the console moved the stage from %v to %v", name, stage, l.Stage)
			}
			if l.Console.H < l.consoleMinH()-1e-6 || !inside(l.Console, screen) {
				t.Errorf("%s: console %v is too small or off screen", name, l.Console)
			}
			for what, r := range map[string]Rect{"stage": l.Stage, "toolbar": l.Toolbar, "logs": l.Logs, "events": l.Events} {
				if overlap(l.Console, r) {
					t.Errorf("%s: console %v overlaps the %s %v", name, l.Console, what, r)
				}
			}
			if !l.Events.Empty() && l.Events.H < minEventsH*sc.u {
				t.Errorf("%s: the events panel shrank to %.0f px", name, l.Events.H)
			}
			if !l.Logs.Empty() && l.LogRowH() < 12*sc.u {
				t.Errorf("%s: log rows shrank to %.1f px", name, l.LogRowH())
			}
			v, open := s.ConsoleView()
			if !open {
				t.Fatalf("%s: the console is not open", name)
			}
			parts := map[string]Rect{"rows": v.Rows, "input": v.Input}
			for _, b := range v.Buttons {
				parts[b.Label] = b.Rect
			}
			for what, r := range parts {
				if !inside(r, l.Console) {
					t.Errorf("%s: console %s %v leaves the console %v", name, what, r, l.Console)
				}
				for other, q := range parts {
					if what < other && overlap(r, q) {
						t.Errorf("%s: console %s and %s overlap", name, what, other)
					}
				}
			}
			if v.Rows.H < consoleMinRows*v.RowH-1e-6 {
				t.Errorf("%s: room for %.1f transcript rows", name, v.Rows.H/v.RowH)
			}
			verdict := laidOf[*verdictPanel](s)
			if !inside(verdict.Rect, l.below()) {
				t.Errorf("%s: verdict panel %v leaves the screen below the toolbar", name, verdict.Rect)
			}
			for i, b := range verdict.Buttons {
				if !inside(b.Rect, verdict.Rect) {
					t.Errorf("%s: verdict button %q leaves its panel", name, b.Label)
				}
				for _, c := range verdict.Buttons[:i] {
					if overlap(b.Rect, c.Rect) {
						t.Errorf("%s: verdict buttons %q and %q overlap", name, b.Label, c.Label)
					}
				}
			}
			s.handle(Intent{Cmd: CmdConsole})
			if !s.Layout.Console.Empty() || s.Layout.Logs != NewLayout(sc.w, sc.h, sc.u, n, ControlsFull, measure).Logs {
				t.Errorf("%s: closing the console left the layout changed", name)
			}
		}
	}
}

// TestVerdictPanelFitsEveryScreen keeps the verdict panel and its buttons
// on screen, for a long list of offending operations too; short lines wrap
// rather than being cut on a narrow screen.
func TestVerdictPanelFitsEveryScreen(t *testing.T) {
	long := raftsim.ClientsView{Linearizable: raftsim.Verdict{Status: "not linearizable",
		Offending: []string{"key /k2: no order of these operations explains what clients saw"}}}
	for i := range 12 {
		long.Linearizable.Offending = append(long.Linearizable.Offending,
			fmt.Sprintf(`client %d cas /k2="client-3.111" from 6348 ms to 6385 ms: failed: Error: 101: Compare failed ([client-3.111 != client-2.151]) [223]`, i))
	}
	short := raftsim.ClientsView{Linearizable: raftsim.Verdict{Status: "no operations"}}
	for _, sc := range screens {
		l := NewLayout(sc.w, sc.h, sc.u, 5, ControlsFull, measure)
		for name, c := range map[string]*raftsim.ClientsView{"long": &long, "short": &short} {
			p := l.VerdictPanel(c, true, "check step (≤200 ops, every 4 frames): mean 0.10 ms, max 0.80 ms", measure)
			if !inside(p.Rect, l.below()) {
				t.Errorf("%v %s: verdict panel %v leaves the screen below the toolbar", sc, name, p.Rect)
			}
			for _, b := range p.Buttons {
				if !inside(b.Rect, p.Rect) {
					t.Errorf("%v %s: verdict button %q at %v leaves its panel %v", sc, name, b.Label, b.Rect, p.Rect)
				}
			}
			if name != "short" {
				continue
			}
			for _, line := range p.Lines {
				if w := measure(line, FontUI*sc.u); w > p.Rect.W-2*Pad*sc.u+1e-6 {
					t.Errorf("%v: line %q is cut short", sc, line)
				}
			}
		}
	}
}

// TestClientsHUDFits keeps the HUD's clients line in the HUD, under the
// invariants line.
func TestClientsHUDFits(t *testing.T) {
	for _, sc := range screens {
		s := New(&Dark, ControlsFull, measure)
		s.Observe(cluster(5), nil)
		s.Resize(sc.w, sc.h, sc.u)
		s.Observe(s.Snap, nil)
		h := &s.ClientsHUD
		if !inside(h.Hit, s.Layout.HUD) || h.Hit.Y < s.Layout.HUD.Y+2*s.Layout.HUDLineH()-1e-6 {
			t.Errorf("%v: verdict %v is not on the HUD's last line %v", sc, h.Hit, s.Layout.HUD)
		}
		if h.LoadAt.X <= h.Hit.Right() {
			t.Errorf("%v: the load at %v starts inside the verdict %v", sc, h.LoadAt, h.Hit)
		}
	}
}

// TestCompactToolbarLeavesOutKeyboardTools keeps a phone's toolbar to three
// rows with a Console button: stress and members are reached otherwise there.
func TestCompactToolbarLeavesOutKeyboardTools(t *testing.T) {
	for _, sc := range screens {
		l := NewLayout(sc.w, sc.h, sc.u, 5, ControlsFull, measure)
		has := map[Command]bool{}
		rows := map[float64]bool{}
		for _, b := range l.Buttons {
			has[b.Cmd] = true
			rows[b.Rect.Y] = true
		}
		if !has[CmdConsole] || has[CmdStress] == l.Compact || has[CmdMembers] == l.Compact {
			t.Errorf("%v (compact %v): console button %v, stress button %v, members button %v", sc, l.Compact, has[CmdConsole], has[CmdStress], has[CmdMembers])
		}
		if len(rows) > 3 {
			t.Errorf("%v: the toolbar takes %d rows", sc, len(rows))
		}
	}
}
