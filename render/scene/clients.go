package scene

import (
	"raftplay/raftsim"
	"raftplay/raftsim/v2store"
)

// clientsState is what the scene keeps for the clients' controls besides the
// console itself: the laid-out console and the verdict panel.
type clientsState struct {
	console     ConsoleView
	verdictOpen bool
	verdict     Panel
}

// compactOmits are the toolbar buttons a phone's toolbar leaves out, so that
// it keeps to three rows and the ring keeps its room: the verdict panel (a
// tap on the HUD's verdict) opens the console and switches stress there.
// The settings and the experiment's figure want a wide screen.
var compactOmits = map[Command]bool{CmdConsole: true, CmdStress: true, CmdSettings: true, CmdExperiment: true, CmdManual: true}

// newClients is how many checking clients one command adds: enough for
// their operations on a key to overlap.
const newClients = 3

// clientsIntent carries out the clients' commands and reports false for any
// other intent, which is the controller's. Esc closes the verdict panel when
// nothing else is open over it.
func (s *Scene) clientsIntent(in Intent) ([]raftsim.Action, string, bool) {
	snap := s.Snap
	switch in.Cmd {
	case CmdConsole:
		s.Console.Toggle()
		// Opened from the verdict panel, the console takes its place.
		s.clients.verdictOpen = false
		s.relayout()
	case CmdConsoleVia:
		s.Console.NextVia(snap.NodeIDs())
	case CmdStress:
		return act(raftsim.Action{Op: raftsim.ActStress, On: !snap.Clients.Stress}), "", true
	case CmdClients:
		return act(raftsim.Action{Op: raftsim.ActClients, Count: newClients, Read: v2store.ReadLinearizable.String()}), "", true
	case CmdClientsSerializable:
		return act(raftsim.Action{Op: raftsim.ActClients, Count: newClients, Read: v2store.ReadSerializable.String()}), "", true
	case CmdClientsLease:
		return act(raftsim.Action{Op: raftsim.ActClients, Count: newClients, Read: v2store.ReadLease.String()}), "", true
	case CmdVerdict:
		s.clients.verdictOpen = !s.clients.verdictOpen
	case CmdClose:
		c := &s.Ctl
		if !s.clients.verdictOpen || c.Help || c.Edit != nil || c.Message != 0 || c.Selected != 0 {
			return nil, "", false
		}
		s.clients.verdictOpen = false
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
		return s.L.Panels.Any()
	case CmdMembers:
		return s.membersOpen
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
func (s *Scene) observeClients(snap *raftsim.Snapshot, events []raftsim.Event) {
	for i := range events {
		if e := &events[i]; e.Kind == raftsim.EvConsole {
			s.Console.Transcript.add(ConsoleLine{Text: e.Text, Kind: consoleLineKinds[e.Line]})
		}
	}
	s.ClientsHUD = NewClientsHUD(&snap.Clients)
	s.L.placeClientsHUD(&s.ClientsHUD, s.measure)
}

// layClients lays out the console and, under every other panel, the verdict.
func (s *Scene) layClients() {
	if s.Console.Open {
		c := &s.Console
		s.clients.console = s.L.ConsolePanel(c.ViaLabel(s.Snap), c.Input(), c.Transcript.Offset() > 0, s.measure)
	}
	if s.clients.verdictOpen {
		s.clients.verdict = s.L.VerdictPanel(&s.Snap.Clients, s.CheckCost.String(), s.measure)
		s.open = append(s.open, &s.clients.verdict)
	}
}

// clientsHit returns the console's button or panel, or the HUD's verdict,
// under p.
func (s *Scene) clientsHit(p Point) (Hit, bool) {
	if s.Console.Open {
		v := &s.clients.console
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
