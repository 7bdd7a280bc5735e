package scene

import (
	"math"

	"raftplay/raftsim"
)

// consoleKey handles a key while the console is open: it edits, browses or
// runs the line, so no key reaches the other controls. Esc and ` close it.
func (s *Scene) consoleKey(r rune) []raftsim.Action {
	c := &s.Console
	var acts []raftsim.Action
	switch r {
	case KeyEscape, '`':
		c.Toggle(s.Snap)
		s.relayout()
		return nil
	case KeyEnter, '\r':
		if a, ok := c.Submit(s.Snap); ok {
			acts = []raftsim.Action{a}
		}
	case KeyBackspace:
		c.Backspace()
	case KeyUp:
		c.Older()
	case KeyDown:
		c.Newer()
	case KeyPageUp:
		c.Transcript.Scroll(consolePage)
	case KeyPageDown:
		c.Transcript.Scroll(-consolePage)
	default:
		c.Type(r)
	}
	s.layPanels()
	return acts
}

// Scrolling steps of the console's transcript, in rows.
const (
	consolePage  = 5
	consoleWheel = 3
)

// Wheel scrolls the console's transcript when the wheel turns over it, and
// zooms the diagram over that; dy is positive when the wheel turns away
// from the reader, back in time.
func (s *Scene) Wheel(p Point, dy float64) {
	if s.Console.Open && s.laidConsole.Rect.Contains(p) && dy != 0 {
		s.Console.Transcript.Scroll(consoleWheel * int(math.Copysign(1, dy)))
	}
	if s.DiagramOpen() && s.Layout.Diagram.Contains(p) && dy != 0 {
		// Away from the reader zooms in, as on a map.
		zoom := CmdDiagramZoomOut
		if dy > 0 {
			zoom = CmdDiagramZoomIn
		}
		s.diagramIntent(Intent{Cmd: zoom})
	}
}

// ConsoleView returns the console's layout while it is open.
func (s *Scene) ConsoleView() (*ConsoleView, bool) { return &s.laidConsole, s.Console.Open }
