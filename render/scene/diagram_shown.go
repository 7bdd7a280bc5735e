package scene

import (
	"math"

	"raftplay/raftsim/spacetime"
)

// DiagramShown is what the diagram draws now, in CSS pixels: what
// raftplay.diagram() reports beside the model's arrows, so a host page or
// a test can check the picture against the run.
type DiagramShown struct {
	Open bool `json:"open"`
	// FromMs and ToMs are the window shown: ToMs is the moment shown, at the
	// plot's bottom line.
	FromMs     int64   `json:"from_ms"`
	ToMs       int64   `json:"to_ms"`
	MsPerPx    float64 `json:"ms_per_px"`
	Heartbeats bool    `json:"heartbeats"`
	// Highlighted is the message both views pick out (0 for none);
	// Selected the one whose details the diagram shows.
	Highlighted uint64       `json:"highlighted"`
	Selected    uint64       `json:"selected"`
	Drawn       []DrawnArrow `json:"drawn"`
}

// DiagramReport is the diagram for a host page or a test, as
// raftplay.diagram() answers: what it draws now, and the model's arrows and
// marks over a window of virtual time.
type DiagramReport struct {
	Shown  DiagramShown      `json:"shown"`
	FromMs int64             `json:"from_ms"`
	ToMs   int64             `json:"to_ms"`
	Arrows []spacetime.Arrow `json:"arrows"`
	Marks  []spacetime.Mark  `json:"marks"`
	Stats  spacetime.Stats   `json:"stats"`
}

// DrawnArrow is an arrow as drawn, from (X1, Y1) to (X2, Y2).
type DrawnArrow struct {
	ID   uint64         `json:"id"`
	Fate spacetime.Fate `json:"fate"`
	X1   float64        `json:"x1"`
	Y1   float64        `json:"y1"`
	X2   float64        `json:"x2"`
	Y2   float64        `json:"y2"`
}

// DiagramShown reports what the diagram draws now.
func (s *Scene) DiagramShown() DiagramShown {
	v := &s.diagram.view
	per, beats := s.DiagramSettings()
	d := DiagramShown{Open: s.DiagramOpen(), MsPerPx: per, Heartbeats: beats, Drawn: []DrawnArrow{}}
	if !d.Open {
		return d
	}
	css := s.css
	d.FromMs, d.ToMs = v.T0, v.T1
	d.Highlighted, d.Selected = s.HighlightedMessage(), panelOf[*arrowPanel](s).arrow.ID
	for _, a := range v.Arrows {
		d.Drawn = append(d.Drawn, DrawnArrow{ID: a.ID, Fate: a.Fate, X1: css(a.A.X), Y1: css(a.A.Y), X2: css(a.B.X), Y2: css(a.B.Y)})
	}
	return d
}

// css turns device pixels into CSS pixels, to a tenth.
func (s *Scene) css(x float64) float64 { return math.Round(x/s.Layout.Scale*10) / 10 }

// diagramButtonNames name the diagram's buttons in Placement.
var diagramButtonNames = map[Command]string{
	CmdDiagram: "diagram-close", CmdDiagramBeats: "diagram-heartbeats",
	CmdDiagramZoomIn: "diagram-zoom-in", CmdDiagramZoomOut: "diagram-zoom-out",
}

// placeDiagram adds the diagram, its plot and its buttons to a Placement.
func (s *Scene) placeDiagram(add func(name string, r Rect)) {
	if !s.DiagramOpen() {
		return
	}
	add("diagram", s.Layout.Diagram)
	add("diagram-plot", s.diagram.view.Plot)
	for _, b := range s.diagram.view.Buttons {
		add(diagramButtonNames[b.Cmd], b.Rect)
	}
}
