package scene

// Placement is where the picture puts its nodes and panels, in CSS pixels:
// what raftplay.layout() returns, so a host page can place its own overlays
// and tests can check the picture against its layout.
type Placement struct {
	Width  float64      `json:"width"`
	Height float64      `json:"height"`
	Nodes  []NodePlace  `json:"nodes"`
	Panels []PanelPlace `json:"panels"`
	// Targets are what a click or a tap acts on: the buttons drawn, the
	// verdict's line and the nodes (the square round a node's timer ring).
	Targets []TargetPlace `json:"targets"`
	// Details is what the open node details say (details.go): the title,
	// then a line per row, its label and text two spaces apart.
	Details []string `json:"details,omitempty"`
}

// NodePlace is a node's name, as its disc is labelled, what member it is
// ("voter" or "learner"), and its centre and radius.
type NodePlace struct {
	ID     uint64  `json:"id"`
	Name   string  `json:"name"`
	Member string  `json:"member,omitempty"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	R      float64 `json:"r"`
	// Caption is the box of each line written beside the node.
	Caption []Box `json:"caption,omitempty"`
}

// Box is a rectangle in CSS pixels.
type Box struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// PanelPlace is a panel's name and rectangle.
type PanelPlace struct {
	Name string  `json:"name"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
}

// Placement returns where the picture puts things now: every node, and the
// panels drawn (hud, toolbar, the toolbar's Record clip button, legend, logs, events, console, and those
// open: verdict, banner, message, story, details, menu, stories, members, help).
func (s *Scene) Placement() Placement {
	l := &s.Layout
	css := s.css
	p := Placement{Width: css(l.W), Height: css(l.H), Nodes: []NodePlace{}, Panels: []PanelPlace{}}
	fit := func(text string, w, size float64) string { return Fit(text, w, size, s.frame.measure) }
	for i, c := range l.NodePos {
		id := l.NodeIDs[i]
		n := NodePlace{ID: id, Name: s.Snap.NodeName(id), Member: string(s.Snap.Node(id).Member), X: css(c.X), Y: css(c.Y), R: css(l.NodeR)}
		lines, h := l.CaptionLines(s.Snap, id, fit)
		for _, line := range lines {
			b := line.Box(h, s.frame.measure)
			n.Caption = append(n.Caption, Box{css(b.X), css(b.Y), css(b.W), css(b.H)})
		}
		p.Nodes = append(p.Nodes, n)
	}
	add := func(name string, r Rect) {
		if !r.Empty() {
			p.Panels = append(p.Panels, PanelPlace{Name: name, X: css(r.X), Y: css(r.Y), W: css(r.W), H: css(r.H)})
		}
	}
	add("hud", l.HUD)
	add("toolbar", l.Toolbar)
	for _, b := range l.Buttons {
		if b.Cmd == CmdRecord {
			add("toolbar-record", b.Rect)
		}
	}
	add("legend", l.Legend)
	add("logs", l.Logs)
	add("events", l.Events)
	add("console", l.Console)
	s.placeTime(add)
	s.placeDiagram(add)
	for _, o := range s.overlays.open {
		if name := s.placeNameOf(o); name != "" {
			add(name, o.Rect)
		}
	}
	if s.Story != nil {
		s.placeStoryButtons(add)
	}
	if s.Controller.Help {
		add("help", laidOf[*helpPanel](s).Rect)
	}
	if s.Details() != 0 {
		p.Details = panelText(laidOf[*detailsPanel](s))
	}
	p.Targets = s.targets()
	return p
}

// storyButtons name the story panel's buttons in Placement.
var storyButtons = map[Command]string{CmdStoryBack: "story-back", CmdStoryNext: "story-next", CmdTakeOver: "story-takeover"}

// placeStoryButtons adds the story panel's Back, Next and Take over buttons
// to a placement, so a host page (or a test) can press them where they are.
func (s *Scene) placeStoryButtons(add func(string, Rect)) {
	for _, b := range laidOf[*storyPanel](s).Buttons {
		if name, ok := storyButtons[b.Cmd]; ok {
			add(name, b.Rect)
		}
	}
}
