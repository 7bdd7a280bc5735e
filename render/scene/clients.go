package scene

import (
	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// Clients is what the scene keeps for the clients: the etcdctl console and
// where it is laid out, the HUD's line about them, and what their
// linearizability check's steps cost (control.Checker), which the verdict
// panel shows.
type Clients struct {
	Console     Console
	laidConsole ConsoleView
	ClientsHUD  ClientsHUD
	CheckCost   string
}

// compactOmits are the toolbar buttons a phone's toolbar leaves out, so that
// it keeps to three rows and the ring keeps its room: stress is switched in
// the verdict panel (a tap on the HUD's verdict), and members are added
// with the console's member add (a node's menu promotes and removes them);
// a link to the run is shared from a larger screen. The settings and the
// experiment's figure want a wide screen. The console stays: on a phone it
// is the way to a key's value.
var compactOmits = map[Command]bool{CmdStress: true, CmdMembers: true, CmdShare: true, CmdSettings: true, CmdExperiment: true, CmdManual: true}

// newClients is how many checking clients one command adds: enough for
// their operations on a key to overlap.
const newClients = 3

// verdictPanel is the linearizability check's verdict, opened from the
// HUD; it goes under every other panel.
type verdictPanel struct {
	open bool
}

func (*verdictPanel) placeName() string { return "verdict" }

// intent carries out the clients' commands (the verdict panel's buttons,
// and the toolbar's console and stress) and reports false for any other
// intent, which is the controller's. Esc closes the verdict panel when
// nothing else is open over it.
func (v *verdictPanel) intent(s *Scene, in Intent) ([]raftsim.Action, string, bool) {
	snap := s.Snap
	switch in.Cmd {
	case CmdConsole:
		s.Console.Toggle(snap)
		// Opened from the verdict panel, the console takes its place.
		v.open = false
		s.relayout()
	case CmdConsoleVia:
		s.Console.NextVia(snap.NodeIDs())
	case CmdStress:
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActStress, On: !snap.Clients.Stress}}, "", true
	case CmdClients:
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActClients, Count: newClients, Read: v2store.ReadLinearizable}}, "", true
	case CmdClientsSerializable:
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActClients, Count: newClients, Read: v2store.ReadSerializable}}, "", true
	case CmdClientsLease:
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActClients, Count: newClients, Read: v2store.ReadLease}}, "", true
	case CmdStressV3:
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActStress, On: true, API: 3}}, "", true
	case CmdClientsV3:
		return []raftsim.Action{raftsim.Action{Op: raftsim.ActClients, Count: newClients, Read: v2store.ReadLinearizable, API: 3}}, "", true
	case CmdVerdict:
		v.open = !v.open
	case CmdClose:
		c := &s.Controller
		if !v.open || c.Help || c.Edit != nil || c.Message != 0 || c.Selected != 0 {
			return nil, "", false
		}
		v.open = false
	default:
		return nil, "", false
	}
	return nil, "", true
}

// ToolOn reports whether the toolbar shows cmd's button pressed: the console
// while it is open, stress while it runs, the folded panels while open.
func (s *Scene) ToolOn(cmd Command) bool {
	switch cmd {
	case CmdConsole:
		return s.Console.Open
	case CmdStress:
		return s.Snap != nil && s.Snap.Clients.Stress
	case CmdPanels:
		return s.Layout.Panels.Any()
	case CmdMembers:
		return panelOf[*membersPanel](s).open
	case CmdManual:
		return s.Snap != nil && s.Snap.Manual
	}
	return false
}

// consoleLineKinds colours the simulator's console lines.
var consoleLineKinds = map[raftsim.ConsoleLine]LineKind{
	raftsim.ConsoleCommand: LineCommand, raftsim.ConsoleAnswer: LineAnswer, raftsim.ConsoleError: LineError,
}

// observeClients passes the frame's console lines to the transcript and
// describes the clients for the HUD.
//
// A command that got no answer in the frame it was typed in, while the
// clock stands still, would look hung: the transcript then says when the
// answer comes.
func (s *Scene) observeClients(snap *raftsim.Snapshot, events []raftsim.Event) {
	unanswered := false
	for i := range events {
		if e := &events[i]; e.Kind == raftsim.EvConsole {
			s.Console.Transcript.add(ConsoleLine{Text: e.Text, Kind: consoleLineKinds[e.Line]})
			unanswered = e.Line == raftsim.ConsoleCommand
		}
	}
	if why := s.clockWaits(snap); unanswered && why != "" {
		s.Console.Transcript.add(ConsoleLine{Text: why, Kind: LineHint})
	}
	s.ClientsHUD = NewClientsHUD(&snap.Clients)
	s.Layout.placeClientsHUD(&s.ClientsHUD, s.frame.measure)
}

// clockWaits says why the clock stands still and what moves it, or "" while
// it runs.
func (s *Scene) clockWaits(snap *raftsim.Snapshot) string {
	switch {
	case s.Story != nil && s.Story.Done && s.Story.Last:
		return "The story has finished and its clock stands still: the answer comes once you Take over (x)."
	case s.Story != nil && s.Story.Done:
		return "The story waits for Next and its clock stands still: the answer comes once it moves (Next, n, or Take over, x)."
	case snap.Paused:
		return "The clock is paused: the answer comes once it plays (space)."
	}
	return ""
}

// layConsolePanel lays out the console while it is open.
func (s *Scene) layConsolePanel() {
	if s.Console.Open {
		c := &s.Console
		s.laidConsole = s.Layout.ConsolePanel(c.ViaLabel(s.Snap), c.Input(), c.Transcript.Offset() > 0, s.frame.measure)
	}
}

func (v *verdictPanel) lay(s *Scene) (Panel, bool) {
	if !v.open {
		return Panel{}, false
	}
	return s.Layout.VerdictPanel(&s.Snap.Clients, s.Snap.Config.ReadOnly == raftsim.ReadOnlyLeaseBased, s.CheckCost, s.frame.measure), true
}

// clientsHit returns the console's button or panel, or the HUD's verdict,
// under p.
func (s *Scene) clientsHit(p Point) (Hit, bool) {
	if s.Console.Open {
		v := &s.laidConsole
		if h, ok := buttonAt(v.Buttons, p); ok {
			return h, true
		}
		if v.Rect.Contains(p) {
			return Hit{Kind: HitPanel}, true
		}
	}
	if s.ClientsHUD.Hit.Contains(p) {
		return Hit{Kind: HitButton, Cmd: CmdVerdict}, true
	}
	return Hit{}, false
}
